/**
 * When may a territory show a coarser territory's value?
 *
 * Only where the indicator is not really measured at this level: fewer than half of the territories of
 * the level have a value of their own (e.g. regional labour-force rates shown on provinces and comuni,
 * or the Eurostat rates that exist for the provinces of Bolzano and Trento only). Where the indicator is
 * measured at this level, a missing value stays missing — the four provinces folded into other permit
 * areas, a comune without an income record — because a parent's value would pass for local data.
 *
 * A count (kind 'count': people counted in a territory) or a class is never inherited: a province's
 * number of foreign residents is not a comune's. Where such an indicator is not measured at the level,
 * the territory shows "not available at this level" (`notAtLevel`).
 */
import type { IndicatorRow, Level } from './levels';
import type { IndicatorKind } from './catalogue';

export const INHERIT_BELOW_COVERAGE = 0.5;

/** Kinds whose values are never shown on a territory where they were not counted. */
export const NEVER_INHERITED: ReadonlySet<IndicatorKind> = new Set(['count', 'class']);

/** Fewer than half of the level's territories have a value of their own in that year. */
export function sparseAtLevel(
  rows: readonly IndicatorRow[],
  level: Level,
  territoryCount: number,
  year: number | null,
): boolean {
  if (territoryCount === 0) return false;
  let own = 0;
  for (const r of rows) if (r.level === level && r.year === year && r.value !== null && Number.isFinite(r.value)) own++;
  return own / territoryCount < INHERIT_BELOW_COVERAGE;
}

export function shouldInherit(
  rows: readonly IndicatorRow[],
  level: Level,
  territoryCount: number,
  year: number | null,
  kind?: IndicatorKind,
): boolean {
  return !neverInherited(kind) && sparseAtLevel(rows, level, territoryCount, year);
}

/** The indicator is not measured at this level and may not be inherited: show "not available at this level", not "no data". */
export const notAtLevel: typeof shouldInherit = (rows, level, territoryCount, year, kind) =>
  neverInherited(kind) && sparseAtLevel(rows, level, territoryCount, year);

function neverInherited(kind: IndicatorKind | undefined): boolean {
  return kind !== undefined && NEVER_INHERITED.has(kind);
}

/** The rows valuesAtLevel should see: all of them when inheriting, else only the level's own. */
export function rowsForLevel<R extends IndicatorRow>(
  rows: readonly R[],
  level: Level,
  territoryCount: number,
  year: number | null,
  kind?: IndicatorKind,
): readonly R[] {
  return shouldInherit(rows, level, territoryCount, year, kind) ? rows : rows.filter((r) => r.level === level);
}
