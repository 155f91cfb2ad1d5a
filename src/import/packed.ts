/**
 * Imported indicator rows as typed columns: codes, levels and indicator ids as dictionaries with integer
 * indices, years as Int32Array, values as Float64Array (a missing value is NaN here, null again once
 * unpacked). About 20 bytes a row instead of a JavaScript object each: this is the form that leaves the
 * import worker (its buffers are transferred, not copied) and that IndexedDB keeps. Pure.
 */
import type { IndicatorRow, TerritoryLevel } from '../analytics/catalogue';
import { makeVector, Table, tableToIPC } from 'apache-arrow';

export interface PackedRows {
  length: number;
  levels: TerritoryLevel[];
  codes: string[];
  indicators: string[];
  level: Uint8Array;
  code: Int32Array;
  indicator: Uint16Array;
  year: Int32Array;
  value: Float64Array;
  /** null when no row has a numerator (only ratios have one) */
  numerator: Float64Array | null;
  denominator: Float64Array | null;
}

function dictionary<T extends string>() {
  const list: T[] = [];
  const index = new Map<T, number>();
  return {
    list,
    at(v: T): number {
      let i = index.get(v);
      if (i === undefined) index.set(v, (i = list.push(v) - 1));
      return i;
    },
  };
}

export function packRows(rows: readonly IndicatorRow[]): PackedRows {
  const n = rows.length;
  const levels = dictionary<TerritoryLevel>();
  const codes = dictionary<string>();
  const indicators = dictionary<string>();
  const p: PackedRows = {
    length: n,
    levels: levels.list,
    codes: codes.list,
    indicators: indicators.list,
    level: new Uint8Array(n),
    code: new Int32Array(n),
    indicator: new Uint16Array(n),
    year: new Int32Array(n),
    value: new Float64Array(n),
    numerator: null,
    denominator: null,
  };
  const hasRatio = rows.some((r) => r.numerator !== null || r.denominator !== null);
  const num = hasRatio ? new Float64Array(n) : null;
  const den = hasRatio ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    p.level[i] = levels.at(r.level);
    p.code[i] = codes.at(r.code);
    p.indicator[i] = indicators.at(r.indicator);
    p.year[i] = r.year;
    p.value[i] = r.value ?? NaN;
    if (num && den) {
      num[i] = r.numerator ?? NaN;
      den[i] = r.denominator ?? NaN;
    }
  }
  if (indicators.list.length > 65535) throw new Error('too many indicators in one import');
  p.numerator = num;
  p.denominator = den;
  return p;
}

/** The buffers to transfer with a postMessage (the sender loses them). */
export const transferables = (p: PackedRows): ArrayBuffer[] =>
  [p.level, p.code, p.indicator, p.year, p.value, p.numerator, p.denominator]
    .filter((a): a is NonNullable<typeof a> => !!a)
    .map((a) => a.buffer as ArrayBuffer);

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** Rows start..end (exclusive) as plain rows; the strings are shared with the dictionaries. */
export function unpackSlice(p: PackedRows, start = 0, end = p.length): IndicatorRow[] {
  const out: IndicatorRow[] = new Array(Math.max(0, end - start));
  for (let i = start; i < end; i++)
    out[i - start] = {
      level: p.levels[p.level[i]],
      code: p.codes[p.code[i]],
      indicator: p.indicators[p.indicator[i]],
      year: p.year[i],
      value: orNull(p.value[i]),
      numerator: p.numerator ? orNull(p.numerator[i]) : null,
      denominator: p.denominator ? orNull(p.denominator[i]) : null,
    };
  return out;
}

/** Let the page paint between slices (a slice of 10,000 rows takes a few ms). */
export const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The rows (all, and grouped by indicator), unpacked in slices with a pause between them so the page keeps
 * responding; `progress` gets the fraction done, `cancelled` stops the work between slices.
 */
export async function unpackByIndicator(
  p: PackedRows,
  opts: { slice?: number; progress?: (f: number) => void; cancelled?: () => boolean } = {},
): Promise<{ byIndicator: Map<string, IndicatorRow[]>; rows: IndicatorRow[] }> {
  const slice = opts.slice ?? 10_000;
  const by = new Map<string, IndicatorRow[]>(p.indicators.map((id) => [id, []]));
  const all: IndicatorRow[] = [];
  for (let s = 0; s < p.length; s += slice) {
    if (opts.cancelled?.()) throw new DOMException('cancelled', 'AbortError');
    const rows = unpackSlice(p, s, Math.min(p.length, s + slice));
    for (const r of rows) {
      (by.get(r.indicator) as IndicatorRow[]).push(r);
      all.push(r);
    }
    opts.progress?.(Math.min(1, (s + slice) / p.length));
    if (s + slice < p.length) await nextTask();
  }
  return { byIndicator: by, rows: all };
}

/** Is this a PackedRows (what IndexedDB gives back is a plain object with typed arrays)? */
export const isPacked = (x: unknown): x is PackedRows =>
  !!x && typeof x === 'object' && (x as PackedRows).value instanceof Float64Array;

/** The typed columns as Blobs: IndexedDB stores a Blob without serialising its bytes on the page. */
export interface BlobbedRows {
  length: number;
  levels: TerritoryLevel[];
  codes: string[];
  indicators: string[];
  blobs: {
    level: Blob;
    code: Blob;
    indicator: Blob;
    year: Blob;
    value: Blob;
    numerator: Blob | null;
    denominator: Blob | null;
  };
}

export function toBlobs(p: PackedRows): BlobbedRows {
  const b = (a: ArrayBufferView | null) => (a ? new Blob([a as ArrayBufferView<ArrayBuffer>]) : null);
  return {
    length: p.length,
    levels: p.levels,
    codes: p.codes,
    indicators: p.indicators,
    blobs: {
      level: b(p.level) as Blob,
      code: b(p.code) as Blob,
      indicator: b(p.indicator) as Blob,
      year: b(p.year) as Blob,
      value: b(p.value) as Blob,
      numerator: b(p.numerator),
      denominator: b(p.denominator),
    },
  };
}

export async function fromBlobs(r: BlobbedRows): Promise<PackedRows> {
  const buf = (x: Blob) => x.arrayBuffer();
  const { blobs } = r;
  const [level, code, indicator, year, value, numerator, denominator] = await Promise.all([
    buf(blobs.level),
    buf(blobs.code),
    buf(blobs.indicator),
    buf(blobs.year),
    buf(blobs.value),
    blobs.numerator ? buf(blobs.numerator) : null,
    blobs.denominator ? buf(blobs.denominator) : null,
  ]);
  return {
    length: r.length,
    levels: r.levels,
    codes: r.codes,
    indicators: r.indicators,
    level: new Uint8Array(level),
    code: new Int32Array(code),
    indicator: new Uint16Array(indicator),
    year: new Int32Array(year),
    value: new Float64Array(value),
    numerator: numerator ? new Float64Array(numerator) : null,
    denominator: denominator ? new Float64Array(denominator) : null,
  };
}

/**
 * The typed columns as one Arrow IPC stream for DuckDB (integer codes into the dictionaries; a missing value
 * is NaN here, made NULL by the INSERT). Written in the worker; DuckDB takes it as an Arrow table, no file
 * (the browser's DuckDB reads no files at all).
 */
export function toArrowColumns(p: PackedRows): Uint8Array {
  const cols: Record<string, ReturnType<typeof makeVector>> = {
    level: makeVector(Int32Array.from(p.level)),
    code: makeVector(p.code),
    indicator: makeVector(Int32Array.from(p.indicator)),
    year: makeVector(p.year),
    value: makeVector(p.value),
  };
  if (p.numerator && p.denominator) {
    cols.numerator = makeVector(p.numerator);
    cols.denominator = makeVector(p.denominator);
  }
  return tableToIPC(new Table(cols), 'stream');
}

export const isBlobbed = (x: unknown): x is BlobbedRows =>
  !!x && typeof x === 'object' && (x as BlobbedRows).blobs?.value instanceof Blob;
