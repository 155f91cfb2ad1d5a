/**
 * Coverage measures over a grouping (imported or built-in): the comune measures aggregated to the groups the way
 * they are to provinces (src/analytics/coverage/aggregate.ts: population = the sum of the members', means weighted
 * by population, counts summed, per 10,000 as a ratio of sums), and the non-EU residents summed over the members
 * (an estimate, as it is for each comune; missing when one member has none). Pure.
 */
import { aggregateCoverage, type CoverageMeasure } from '../analytics/coverage/index';

export function groupCoverage(
  comune: readonly CoverageMeasure[],
  members: ReadonlyMap<string, string>,
): CoverageMeasure[] {
  return aggregateCoverage(comune, (code) => members.get(code));
}

/** Non-EU residents per group: the sum of its comuni's estimates; missing when a comune of the group has none. */
export function groupNonEu(
  comune: ReadonlyMap<string, { value: number; estimated: boolean }>,
  members: ReadonlyMap<string, string>,
): Map<string, { value: number; estimated: boolean }> {
  const sums = new Map<string, number | null>();
  for (const [code, g] of members) {
    const n = comune.get(code);
    const prev = sums.has(g) ? sums.get(g)! : 0;
    sums.set(g, prev === null || n === undefined ? null : prev + n.value);
  }
  const out = new Map<string, { value: number; estimated: boolean }>();
  for (const [g, v] of sums) if (v !== null) out.set(g, { value: v, estimated: true });
  return out;
}
