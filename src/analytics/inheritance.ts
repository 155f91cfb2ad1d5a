/**
 * When may a territory show a coarser territory's value?
 *
 * Only where the indicator is not really measured at this level: fewer than half of the territories of
 * the level have a value of their own (e.g. regional labour-force rates shown on provinces and comuni,
 * or the Eurostat rates that exist for the provinces of Bolzano and Trento only). Where the indicator is
 * measured at this level, a missing value stays missing — the four provinces folded into other permit
 * areas, a comune without an income record — because a parent's value would pass for local data.
 */
import type { IndicatorRow, Level } from './levels';

export const INHERIT_BELOW_COVERAGE = 0.5;

export function shouldInherit(rows: readonly IndicatorRow[], level: Level, territoryCount: number, year: number | null): boolean {
  if (territoryCount === 0) return false;
  let own = 0;
  for (const r of rows) if (r.level === level && r.year === year && r.value !== null && Number.isFinite(r.value)) own++;
  return own / territoryCount < INHERIT_BELOW_COVERAGE;
}

/** The rows valuesAtLevel should see: all of them when inheriting, else only the level's own. */
export function rowsForLevel<R extends IndicatorRow>(rows: readonly R[], level: Level, territoryCount: number, year: number | null): readonly R[] {
  return shouldInherit(rows, level, territoryCount, year) ? rows : rows.filter((r) => r.level === level);
}
