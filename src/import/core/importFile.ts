/** The importer's one entry point (runs in a worker in the app, directly in Node tests). */
import { readTable } from './readTable';
import { analyse } from './analyse';
import type { TerritoryLookup } from './keys';
import type { ImportOutcome } from './types';

export async function importBytes(bytes: Uint8Array, fileName: string, look: TerritoryLookup, now: () => number = () => Date.now()): Promise<ImportOutcome> {
  const t0 = now();
  try {
    const read = await readTable(bytes, fileName);
    if (!read.ok) return { ok: false, problem: read.problem, fileName };
    const a = analyse(read.table, look);
    return {
      ok: true,
      preview: {
        fileName,
        bytes: bytes.byteLength,
        format: read.table.format,
        encoding: read.table.encoding,
        delimiter: read.table.delimiter,
        columns: a.columns,
        key: a.key,
        yearColumn: a.yearColumn,
        rowCount: read.table.rows.length,
        matched: a.matched,
        rows: a.rows,
        problems: [...read.problems, ...a.problems],
        ms: now() - t0
      }
    };
  } catch (e) {
    return { ok: false, fileName, problem: { code: 'unreadable', severity: 'error', count: 0, rows: [], values: [], detail: (e as Error)?.message ?? String(e) } };
  }
}
