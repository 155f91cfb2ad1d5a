/**
 * The registry of imported indicator rows: kept as the typed columns the import worker built
 * (src/import/core/packed.ts: codes and levels as dictionary indices, years Int32Array, values Float64Array
 * with NaN for a missing value), never as one object per row. The DataStore holds, for each imported
 * indicator, a row list that is made from the columns only when something reads it whole (unpackColumns); its
 * length and its view (src/analytics/rowView.ts: latest year, years, one year's rows) come from the columns, so
 * the profile, comparison and story make one year's rows at a time; the map asks for the columns (columnsOf).
 */
import type { IndicatorRow, TerritoryLevel } from '../analytics/catalogue';
import { ROW_VIEW, type RowView } from '../analytics/rowView';
import { unpackSlice, type PackedRows } from '../import/core/packed';

/** One imported indicator's rows: positions start..end (exclusive) of `packed` when they are contiguous,
 * otherwise the positions listed in `at`. */
export interface ImportedColumns {
  packed: PackedRows;
  start: number;
  end: number;
  at: Int32Array | null;
}

/** The rows of each indicator of `p`, found in one pass over its indicator column. */
export function columnsByIndicator(p: PackedRows): Map<string, ImportedColumns> {
  const k = p.indicators.length;
  const count = new Int32Array(k);
  const first = new Int32Array(k).fill(-1);
  const last = new Int32Array(k);
  for (let i = 0; i < p.length; i++) {
    const j = p.indicator[i];
    if (first[j] < 0) first[j] = i;
    last[j] = i;
    count[j]++;
  }
  const out = new Map<string, ImportedColumns>();
  p.indicators.forEach((id, j) => {
    if (first[j] < 0) return void out.set(id, { packed: p, start: 0, end: 0, at: null });
    if (last[j] - first[j] + 1 === count[j])
      return void out.set(id, { packed: p, start: first[j], end: last[j] + 1, at: null });
    const at = new Int32Array(count[j]);
    let n = 0;
    for (let i = first[j]; i <= last[j]; i++) if (p.indicator[i] === j) at[n++] = i;
    out.set(id, { packed: p, start: 0, end: 0, at });
  });
  return out;
}

/** The plain rows of one imported indicator (the strings are shared with the dictionaries). */
export function unpackColumns(c: ImportedColumns): IndicatorRow[] {
  if (!c.at) return unpackSlice(c.packed, c.start, c.end);
  const out: IndicatorRow[] = new Array(c.at.length);
  for (let n = 0; n < c.at.length; n++) out[n] = unpackSlice(c.packed, c.at[n], c.at[n] + 1)[0];
  return out;
}

/** The positions of an indicator's rows in its columns, in order. */
function positions(c: ImportedColumns): ArrayLike<number> & Iterable<number> {
  if (c.at) return c.at;
  const out = new Int32Array(c.end - c.start);
  for (let n = 0; n < out.length; n++) out[n] = c.start + n;
  return out;
}

/** The distinct years of an indicator's rows, ascending (what the year menu offers). */
export function yearsOf(c: ImportedColumns): number[] {
  const ys = new Set<number>();
  for (const i of positions(c)) ys.add(c.packed.year[i]);
  return [...ys].sort((a, b) => a - b);
}

/** The latest year with a (finite) value, as analytics/levels.ts latestYear of the rows (of `level`, when given). */
export function latestYearOf(c: ImportedColumns, level?: TerritoryLevel): number | null {
  const lv = level === undefined ? -1 : c.packed.levels.indexOf(level);
  if (level !== undefined && lv < 0) return null;
  let best: number | null = null;
  for (const i of positions(c)) {
    const y = c.packed.year[i];
    if ((lv < 0 || c.packed.level[i] === lv) && Number.isFinite(c.packed.value[i]) && (best === null || y > best))
      best = y;
  }
  return best;
}

/** The rows of one year, every level (all the map's colours need): a few thousand rows, not every year's. */
export function rowsOfYear(c: ImportedColumns, year: number | null): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  if (year === null) return out;
  for (const i of positions(c)) if (c.packed.year[i] === year) out.push(unpackSlice(c.packed, i, i + 1)[0]);
  return out;
}

/** What the readers of one year ask an imported indicator (src/analytics/rowView.ts), from its columns. */
export const columnsView = (c: ImportedColumns): RowView => ({
  latestYear: (level) => latestYearOf(c, level),
  years: () => yearsOf(c),
  ofYear: (year) => rowsOfYear(c, year),
});

/** How many rows an indicator has in its columns. */
export const countOf = (c: ImportedColumns): number => (c.at ? c.at.length : c.end - c.start);

/**
 * A row list made only when first read (an index, a method, iteration): an imported indicator nobody reads
 * whole costs its typed columns alone. `view` (its ROW_VIEW) and `length`, when given, are answered without
 * making the rows. Reads go to the plain array once made.
 */
export function lazyRows(make: () => IndicatorRow[], view?: RowView, length?: number): IndicatorRow[] {
  let real: IndicatorRow[] | null = null;
  const rows = () => (real ??= make());
  return new Proxy([] as IndicatorRow[], {
    get(_t, key) {
      if (key === ROW_VIEW && view) return view;
      if (key === 'length' && length !== undefined && !real) return length;
      const r = rows();
      const v: unknown = Reflect.get(r, key, r);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(r) : v;
    },
    has: (_t, key) => (key === ROW_VIEW ? !!view : Reflect.has(rows(), key)),
    set: (_t, key, value) => Reflect.set(rows(), key, value),
    ownKeys: () => Reflect.ownKeys(rows()),
    getOwnPropertyDescriptor(t, key) {
      const d = Reflect.getOwnPropertyDescriptor(rows(), key);
      // the proxy's own `length` must stay the target's (a non-configurable property)
      if (key === 'length') return { ...Reflect.getOwnPropertyDescriptor(t, key), value: rows().length };
      return d && { ...d, configurable: true };
    },
  });
}

/** Imported indicators by id: their typed columns, and the lazy row lists handed to the DataStore. */
export class ImportedRows {
  #columns = new Map<string, ImportedColumns>();
  /** bumped when indicators are added or removed */
  revision = $state(0);

  /** Register the indicators of `p` (replacing any of the same id); their row lists, made when first read. */
  add(p: PackedRows): Map<string, IndicatorRow[]> {
    const rows = new Map<string, IndicatorRow[]>();
    for (const [id, c] of columnsByIndicator(p)) {
      this.#columns.set(id, c);
      rows.set(
        id,
        lazyRows(() => unpackColumns(c), columnsView(c), countOf(c)),
      );
    }
    this.revision++;
    return rows;
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.#columns.delete(id);
    this.revision++;
  }

  /** The typed columns of an imported indicator (undefined for a built-in one). */
  columnsOf(id: string): ImportedColumns | undefined {
    return this.#columns.get(id);
  }
}

/** One registry per page (the DataStore's imported indicators). */
export const importedRows = new ImportedRows();
