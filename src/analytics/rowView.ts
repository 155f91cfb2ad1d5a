/**
 * Rows that answer a reader's narrow questions from their own storage. An imported indicator keeps its rows as
 * typed columns (src/state/imported.svelte.ts); its row list becomes objects only when read whole, and then stays
 * so. Readers that need one year (the profile, the comparison, the story, the panel's table) ask through these
 * helpers, so an imported indicator makes the objects of that year only, for as long as the reader needs them.
 * A plain array answers as before: the same array, no copy (the readers filter by year themselves). Pure.
 */
import { latestYear } from './levels';
import type { IndicatorRow, TerritoryLevel } from './catalogue';

/** The key under which a row list carries its view (a property no array has). */
export const ROW_VIEW: unique symbol = Symbol('row view');

export interface RowView {
  /** the latest year with a finite value (among the rows of `level`, when given) */
  latestYear(level?: TerritoryLevel): number | null;
  /** the distinct years, ascending */
  years(): number[];
  /** the rows of one year, every level, as objects made now */
  ofYear(year: number): IndicatorRow[];
}

const viewOf = (rows: readonly IndicatorRow[]): RowView | undefined =>
  (rows as readonly IndicatorRow[] & { [ROW_VIEW]?: RowView })[ROW_VIEW];

/** The latest year with a value, as analytics/levels.ts latestYear (of the rows of `level`, when given). */
export function latestYearIn(rows: readonly IndicatorRow[], level?: TerritoryLevel): number | null {
  const v = viewOf(rows);
  if (v) return v.latestYear(level);
  return latestYear(level ? rows.filter((r) => r.level === level) : rows);
}

/** The distinct years, ascending. */
export function yearsIn(rows: readonly IndicatorRow[]): number[] {
  const v = viewOf(rows);
  return v ? v.years() : [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/**
 * What a reader of `year` needs: every row of that year (none for a null year) from a view, the array itself
 * otherwise. Whatever reads the result must still keep to `year`.
 */
export function rowsForYear(rows: readonly IndicatorRow[], year: number | null | undefined): readonly IndicatorRow[] {
  const v = viewOf(rows);
  if (!v) return rows;
  return year === null || year === undefined ? [] : v.ofYear(year);
}
