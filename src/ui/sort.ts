/**
 * The sorting rule of every table of the atlas (src/ui/SortableTable.svelte): a column gives a number, a
 * text or null for a row; texts compare in Italian order, numbers by size; a missing value (null) is always
 * last, whichever the direction. A column may bring its own comparison instead (e.g. a quadrant order).
 */

/** One column of a sortable table. */
export interface SortColumn<R> {
  key: string;
  /** the header's text */
  label: string;
  /** the value sorted on (omit for a column that does not sort) */
  value?: (r: R) => number | string | null;
  /** a comparison of its own, already oriented by `dir` (1 ascending, −1 descending) */
  compare?: (a: R, b: R, dir: 1 | -1) => number;
  /** the order of rows with equal values (not reversed with the direction) */
  tie?: (a: R, b: R) => number;
  /** the first click sorts ascending (default: descending, largest first) */
  ascFirst?: boolean;
  /** a right-aligned number column */
  num?: boolean;
  /** data-testid of the header's button */
  testid?: string;
  /** highlighted (e.g. the measure on the map) */
  on?: boolean;
}

export const sortable = <R>(c: SortColumn<R>): boolean => !!(c.value || c.compare);

/** A comparison of two rows by `col` in direction `dir`: missing values last, ties by `col.tie`. */
export function comparator<R>(col: SortColumn<R>, dir: 1 | -1): (a: R, b: R) => number {
  if (col.compare) {
    const own = col.compare;
    return (a, b) => own(a, b, dir);
  }
  const value = col.value ?? (() => null);
  const tie = col.tie;
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === null && y === null ? 0 : x === null ? 1 : -1;
    const d = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'it') : x - y;
    return dir * d || (tie ? tie(a, b) : 0);
  };
}

/** A sorted copy of `rows` (stable: rows that compare equal keep their order). */
export function sortRows<R>(rows: readonly R[], col: SortColumn<R> | undefined, asc: boolean): R[] {
  return col && sortable(col) ? [...rows].sort(comparator(col, asc ? 1 : -1)) : [...rows];
}
