/**
 * Imported indicator rows as typed columns: codes, levels and indicator ids as dictionaries with integer
 * indices, years as Int32Array, values as Float64Array (a missing value is NaN here, null again once
 * unpacked). About 20 bytes a row instead of a JavaScript object each: the form the worker builds
 * (core/uses/indicators.ts), that leaves it (buffers transferred, not copied), that the page reads
 * (src/state/imported.svelte.ts) and that IndexedDB keeps. Pure.
 */
import type { IndicatorRow, TerritoryLevel } from '../../analytics/catalogue';

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

export function dictionary<T extends string>() {
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
