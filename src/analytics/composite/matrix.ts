// Over 300 lines: the indicator matrix: building, inheritance and its accessors, hot code kept together.
/**
 * The indicator matrix of one level: one Float64Array per indicator over the territories of the level
 * (NaN = missing), with the level each value came from, the parent territory's value (for
 * impute_parent) and the reference value per indicator (Italy) for distance_to_ref and AMPI.
 *
 * The reference ("Italy") is the TRUE national value, never the plain mean of the level's territories
 * (which weighs Molise like Lombardia): see nationalReference. Only when the data has no national
 * value at all does it fall back, explicitly (refSource 'mean'), to the mean of the territories.
 *
 * Values are exactly what the map shows: rowsForLevel (inherit only where the indicator is not
 * measured at this level) then valuesAtLevel (own value, else the province's, else the region's).
 * Coarser values in the data are ratio-of-sums aggregates (data/README.md), used as they are.
 */
import { rowsForLevel } from '../inheritance';
import {
  LEVELS,
  groupByIndicator,
  latestYear,
  valuesAtLevel,
  ITALY_CODE,
  type IndicatorRow,
  type Level,
  type Territory,
} from '../levels';
import type { IndexLevel } from './config';
import type { IndicatorKind } from '../catalogue';

export interface MatrixTerritory extends Territory {
  name?: string | null;
}

export type IndicatorRowWithId = IndicatorRow & { indicator: string };
/** All rows (with their indicator id), or rows grouped by indicator id (as the app's data store keeps them). */
export type RowsInput = readonly IndicatorRowWithId[] | ReadonlyMap<string, readonly IndicatorRow[]>;

/** sourceLevel codes: 0 = no value, else 1 + index in LEVELS. */
export const SOURCE_LEVELS: readonly (Level | null)[] = [null, ...LEVELS];

/**
 * Where a reference comes from: 'italy' = the source's own Italy row; 'sums' = computed from the
 * numerators and denominators of the finest level that has them for every territory (ratio of sums);
 * 'mean' = no national value in the data: the plain mean of the level's values (a fallback, shown as
 * such); null = no value at all.
 */
export type RefSource = 'italy' | 'sums' | 'mean' | null;

export interface NationalReference {
  value: number;
  source: RefSource;
  /** for 'sums': the level whose numerators and denominators were summed */
  level: Level | null;
}

const FINEST_FIRST: readonly Level[] = ['comune', 'province', 'region'];

/**
 * 10^k when x is within 1 % of it, else x: the scale of a rate (1, 100, 1000…), read from rows whose
 * published values may be rounded.
 */
export function snapScale(x: number): number {
  if (!(x > 0)) return x;
  const p = Math.pow(10, Math.round(Math.log10(x)));
  return Math.abs(x - p) <= 0.01 * p ? p : x;
}

/**
 * The national value of one indicator in `year`, or null when the data has none:
 *   1. the Italy row (level 'italy', code 'IT') when it has a value;
 *   2. else, at the finest level (comune, province, region) whose rows of that year carry a numerator
 *      and a denominator for EVERY territory of the level: scale · Σ numerators / Σ denominators, with
 *      scale = value·denominator/numerator read from the rows themselves (median, snapped to a power
 *      of ten: 100 for "per 100", 1000 for "per 1,000"). A level with some territories missing is not
 *      used (its sums would not be national).
 */
export function nationalReference(
  rows: readonly IndicatorRow[],
  territories: readonly Territory[],
  year: number | null,
): NationalReference | null {
  if (year === null) return null;
  for (const r of rows)
    if (r.level === 'italy' && r.code === ITALY_CODE && r.year === year && present(r.value))
      return { value: r.value, source: 'italy', level: 'italy' };
  for (const level of FINEST_FIRST) {
    const codes = new Set(territories.filter((t) => t.level === level).map((t) => t.code));
    if (codes.size === 0) continue;
    const seen = new Set<string>();
    let num = 0;
    let den = 0;
    const scales: number[] = [];
    for (const r of rows) {
      if (
        r.level !== level ||
        r.year !== year ||
        !codes.has(r.code) ||
        !present(r.numerator) ||
        !present(r.denominator)
      )
        continue;
      seen.add(r.code);
      num += r.numerator;
      den += r.denominator;
      if (present(r.value) && r.numerator !== 0 && r.denominator !== 0)
        scales.push((r.value * r.denominator) / r.numerator);
    }
    if (seen.size < codes.size || !(den !== 0) || scales.length === 0) continue;
    scales.sort((a, b) => a - b);
    const scale = snapScale(scales[Math.floor((scales.length - 1) / 2)]);
    return { value: (scale * num) / den, source: 'sums', level };
  }
  return null;
}

export interface Matrix {
  level: IndexLevel;
  /** territories of the level, in the order given */
  codes: string[];
  names: string[];
  /** next coarser level: province for comuni, region for provinces, italy for regions */
  parentLevel: Level;
  parentCodes: (string | null)[];
  ids: string[];
  /** year used per indicator (null: the indicator has no value at all) */
  years: (number | null)[];
  /** per indicator, per territory; NaN = missing */
  values: Float64Array[];
  /** per indicator, per territory: see SOURCE_LEVELS (a value from a coarser level is inherited) */
  sourceLevel: Uint8Array[];
  /** per indicator, the value the parent territory shows at its own level (NaN = none) */
  parentValues: Float64Array[];
  /** per indicator: the national value (see nationalReference), else the mean over the territories */
  ref: Float64Array;
  refSource: RefSource[];
  /** per indicator, for refSource 'sums': the level whose numerators and denominators were summed */
  refLevel: (Level | null)[];
}

export interface MatrixOptions {
  /** one year for every indicator, or a year per indicator id; default: each indicator's latest year */
  year?: number | Readonly<Record<string, number>>;
  /** each indicator's kind (catalogue): a count or a class is never inherited from a coarser level */
  kinds?: Readonly<Record<string, IndicatorKind>>;
}

const PARENT: Record<IndexLevel, Level> = { region: 'italy', province: 'region', comune: 'province', sll: 'region' };
const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The plain mean of the first `n` values that are present (NaN is missing; NaN when none is) and their count. */
function presentMean(xs: ArrayLike<number>, n: number): { mean: number; count: number } {
  let s = 0;
  let count = 0;
  for (let i = 0; i < n; i++)
    if (xs[i] === xs[i]) {
      s += xs[i];
      count++;
    }
  return { mean: count > 0 ? s / count : NaN, count };
}

function rowsOf(rows: RowsInput, id: string): readonly IndicatorRow[] {
  if (rows instanceof Map) return rows.get(id) ?? [];
  return (rows as readonly IndicatorRowWithId[]).filter((r) => r.indicator === id);
}

export function sourceLevelOf(matrix: Matrix, indicator: number, territory: number): Level | null {
  return SOURCE_LEVELS[matrix.sourceLevel[indicator][territory]] ?? null;
}

export function buildMatrix(
  rows: RowsInput,
  territories: readonly MatrixTerritory[],
  level: IndexLevel,
  indicatorIds: readonly string[],
  options: MatrixOptions = {},
): Matrix {
  const own = territories.filter((t) => t.level === level);
  const n = own.length;
  const parentLevel = PARENT[level];
  const parentCount = territories.filter((t) => t.level === parentLevel).length;
  const parentOfT = (t: MatrixTerritory): string | null =>
    parentLevel === 'italy'
      ? ITALY_CODE
      : parentLevel === 'region'
        ? (t.region_code ?? null)
        : (t.province_code ?? null);
  const codes = own.map((t) => t.code);
  const index = new Map(codes.map((c, i) => [c, i]));
  const m: Matrix = {
    level,
    codes,
    names: own.map((t) => t.name ?? t.code),
    parentLevel,
    parentCodes: own.map(parentOfT),
    ids: [...indicatorIds],
    years: [],
    values: [],
    sourceLevel: [],
    parentValues: [],
    ref: new Float64Array(indicatorIds.length),
    refSource: [],
    refLevel: [],
  };
  const byId = rows instanceof Map ? null : groupByIndicator(rows as readonly IndicatorRowWithId[]);

  indicatorIds.forEach((id, j) => {
    const all = byId ? (byId.get(id) ?? []) : rowsOf(rows, id);
    const y = typeof options.year === 'number' ? options.year : (options.year?.[id] ?? latestYear(all));
    m.years.push(y);
    const values = new Float64Array(n).fill(NaN);
    const src = new Uint8Array(n);
    const parentValues = new Float64Array(n).fill(NaN);
    let italy: number | null = null;
    const national = nationalReference(all, territories, y);
    if (y !== null) {
      const kind = options.kinds?.[id];
      const usable = rowsForLevel(all, level, n, y, kind);
      for (const v of valuesAtLevel(usable, own, level, y)) {
        const i = index.get(v.code);
        if (i === undefined || !present(v.value)) continue;
        values[i] = v.value;
        src[i] = 1 + LEVELS.indexOf(v.sourceLevel as Level);
      }
      for (const r of all)
        if (r.level === 'italy' && r.code === ITALY_CODE && r.year === y && present(r.value)) italy = r.value;
      if (parentLevel === 'italy') {
        if (italy !== null) parentValues.fill(italy);
      } else {
        const parents = territories.filter((t) => t.level === parentLevel);
        const pv = new Map<string, number>();
        for (const v of valuesAtLevel(rowsForLevel(all, parentLevel, parentCount, y, kind), parents, parentLevel, y))
          if (present(v.value)) pv.set(v.code, v.value);
        m.parentCodes.forEach((p, i) => {
          const v = p === null ? undefined : pv.get(p);
          if (v !== undefined) parentValues[i] = v;
        });
      }
    }
    if (national !== null) {
      m.ref[j] = national.value;
      m.refSource.push(national.source);
      m.refLevel.push(national.level);
    } else {
      m.refLevel.push(null);
      const { mean, count } = presentMean(values, n);
      m.ref[j] = mean;
      m.refSource.push(count > 0 ? 'mean' : null);
    }
    m.values.push(values);
    m.sourceLevel.push(src);
    m.parentValues.push(parentValues);
  });
  return m;
}

/**
 * A matrix from plain arrays (tests, uploads): values[j][i] with null/NaN = missing, all own values.
 */
export function matrixFromValues(spec: {
  level?: IndexLevel;
  codes: string[];
  names?: string[];
  ids: string[];
  values: (number | null)[][];
  parentCodes?: (string | null)[];
  parentValues?: (number | null)[][];
  ref?: (number | null)[];
}): Matrix {
  const level = spec.level ?? 'province';
  const n = spec.codes.length;
  const col = (a: (number | null)[] | undefined) =>
    Float64Array.from({ length: n }, (_, i) => (a && present(a[i]) ? (a[i] as number) : NaN));
  const values = spec.ids.map((_, j) => col(spec.values[j]));
  const refs: number[] = [];
  const refSource: RefSource[] = [];
  values.forEach((v, j) => {
    const r = spec.ref?.[j];
    if (present(r)) {
      refs.push(r);
      refSource.push('italy');
      return;
    }
    const { mean, count } = presentMean(v, n);
    refs.push(mean);
    refSource.push(count ? 'mean' : null);
  });
  const lv = 1 + LEVELS.indexOf(level);
  return {
    level,
    codes: [...spec.codes],
    names: spec.names ? [...spec.names] : [...spec.codes],
    parentLevel: PARENT[level],
    parentCodes: spec.parentCodes ? [...spec.parentCodes] : spec.codes.map(() => null),
    ids: [...spec.ids],
    years: spec.ids.map(() => null),
    values,
    sourceLevel: values.map((v) => Uint8Array.from(v, (x) => (x === x ? lv : 0))),
    parentValues: spec.ids.map((_, j) => col(spec.parentValues?.[j])),
    ref: Float64Array.from(refs),
    refSource,
    refLevel: refSource.map((s) => (s === 'italy' ? 'italy' : null)),
  };
}
