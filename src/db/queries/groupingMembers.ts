/**
 * A grouping's members table in DuckDB (`<id>_members`: comune_code, group_code, group_name), read by the
 * grouping indicator query (groupingIndicators.ts) and the SQL console. One writer for imported and built-in
 * groupings alike; values go in as Arrow, never as SQL text.
 */
import { ident } from '../sql';
import type { WasmDb } from '../duckdb';

export const membersTableOf = (groupingId: string) => `${groupingId}_members`;

/** (Re)create the members table of grouping `id` from comune → group and group → name. */
export async function writeMembersTable(
  db: WasmDb,
  id: string,
  members: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): Promise<void> {
  const t = membersTableOf(id);
  await db.all(`DROP TABLE IF EXISTS ${ident(t)}`);
  await db.insertRows(
    t,
    [...members].map(([comune_code, group_code]) => ({
      comune_code,
      group_code,
      group_name: names.get(group_code) ?? group_code,
    })),
    { comune_code: 'text', group_code: 'text', group_name: 'text' },
  );
}
