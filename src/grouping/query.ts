/**
 * The groups' values of some indicators, from DuckDB (src/db/queries/groupingIndicators.ts), for the map's
 * grouping provider and the coefficient on a grouping alike: one query, the catalogue's aggregation and scale.
 */
import { runQuery } from '../db/sql';
import { groupingIndicators, type GroupMethod, type GroupValue } from '../db/queries/groupingIndicators';
import { membersTableOf } from '../db/queries/groupingMembers';
import type { IndicatorMeta } from '../analytics/catalogue';
import type { DataStore } from '../state/data.svelte';
import { ensureMembers } from './builtin';

/** How an indicator's comune values add up to a group. */
export function groupMethod(meta: IndicatorMeta): GroupMethod {
  return meta.aggregation === 'sum' ? 'sum' : meta.aggregation === 'ratio_of_sums' ? 'ratio_of_sums' : 'weighted_mean';
}

const RETRIES = 40;
const RETRY_MS = 250;

/**
 * The rows of `metas` over grouping `group` (null when `stale()` turned true meanwhile, or DuckDB did not start).
 * After a reload an imported grouping's members table reaches DuckDB a moment after DuckDB starts: a missing
 * table is waited for (10 s), then reported.
 */
export async function queryGroups(
  data: DataStore,
  group: string,
  metas: readonly IndicatorMeta[],
  stale: () => boolean,
): Promise<GroupValue[] | null> {
  const db = await data.startDb();
  if (!db || stale()) return null;
  await ensureMembers(db, data, group);
  for (let attempt = 0; ; attempt++) {
    try {
      const rows = await runQuery(db, groupingIndicators, {
        members: membersTableOf(group),
        indicators: metas.map((m) => ({ id: m.id, method: groupMethod(m), scale: m.scale ?? null })),
      });
      return stale() ? null : rows;
    } catch (e) {
      if (!/does not exist/i.test((e as Error).message) || attempt >= RETRIES || stale()) throw e;
      await new Promise((r) => setTimeout(r, RETRY_MS));
      if (stale()) return null;
    }
  }
}
