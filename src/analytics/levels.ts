/**
 * Territorial levels and their parent relations (comune ⊂ province ⊂ region ⊂ italy).
 * Missing values are null, never 0.
 */
import {
  ITALY_CODE,
  LEVELS,
  levelIndex,
  type IndicatorRow as Row,
  type Level,
  type Territory as Place,
} from '../contract';

export { ITALY_CODE, LEVELS, type Level };

/** What these functions read of a territory (src/contract Territory). */
export type Territory = Pick<Place, 'level' | 'code'> & Partial<Pick<Place, 'province_code' | 'region_code'>>;

/** What these functions read of an indicator row (src/contract IndicatorRow). */
export type IndicatorRow = Pick<Row, 'level' | 'code' | 'year' | 'value'> &
  Partial<Pick<Row, 'numerator' | 'denominator'>>;

export interface LevelValue {
  code: string;
  value: number | null;
  /** level the value came from; null when there is no value */
  sourceLevel: Level | null;
  /** true when the value is a coarser territory's (province or region) */
  inherited: boolean;
}

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The coarser levels a territory may inherit a value from, nearest first (never Italy). A local labour system
 * (SLL) lies in one region (ISTAT's region of the SLL) and inherits from it; a region inherits from nothing.
 */
export const INHERIT_FROM: Readonly<Record<Level, readonly Level[]>> = {
  italy: [],
  region: [],
  province: ['region'],
  comune: ['province', 'region'],
  sll: ['region'],
  nuts2: [],
};

/** 0 for italy … 3 for comune. */
export const levelDepth = (level: Level): number => levelIndex(level);

/**
 * Code of `territory`'s ancestor (or itself) at `level`: ITALY_CODE for 'italy',
 * null when the level is finer than the territory or the code is not recorded.
 */
export function parentOf(territory: Territory, level: Level): string | null {
  const own = levelDepth(territory.level);
  const target = levelDepth(level);
  if (target > own) return null;
  if (target === own) return territory.code;
  if (level === 'italy') return ITALY_CODE;
  const code = level === 'province' ? territory.province_code : territory.region_code;
  return code ?? null;
}

/** child code → parent code, for every territory at `childLevel` whose parent at `parentLevel` is known. */
export function parentMapping(
  territories: readonly Territory[],
  childLevel: Level,
  parentLevel: Level,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const t of territories) {
    if (t.level !== childLevel) continue;
    const p = parentOf(t, parentLevel);
    if (p !== null) map.set(t.code, p);
  }
  return map;
}

/** Rows grouped by their indicator, each group in the rows' order. */
export function groupByIndicator<R extends { indicator: string }>(rows: Iterable<R>): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    let list = out.get(r.indicator);
    if (!list) out.set(r.indicator, (list = []));
    list.push(r);
  }
  return out;
}

/** Latest year with at least one non-missing value, or null. */
export function latestYear(rows: readonly IndicatorRow[]): number | null {
  let best: number | null = null;
  for (const r of rows) {
    if (present(r.value) && (best === null || r.year > best)) best = r.year;
  }
  return best;
}

const key = (level: Level, code: string) => `${level}:${code}`;

/**
 * The value of each territory of `level` (in the order of `territories`), for
 * `year` (default: latestYear(rows), one year for all territories).
 *
 * A territory's own value is used when present. Otherwise it INHERITS the
 * nearest coarser value, flagged `inherited`: comune → province → region,
 * province → region, sll → region (INHERIT_FROM). Never from Italy: a national figure shown on every
 * territory would look like local data and hide the gap. Regions (and Italy)
 * only ever show their own value. Finer values are not aggregated here — see
 * aggregateRatioOfSums. Two rows for the same level, code and year throw.
 */
export function valuesAtLevel(
  rows: readonly IndicatorRow[],
  territories: readonly Territory[],
  level: Level,
  year?: number,
): LevelValue[] {
  const y = year ?? latestYear(rows);
  const byKey = new Map<string, number | null>();
  if (y !== null) {
    for (const r of rows) {
      if (r.year !== y) continue;
      const k = key(r.level, r.code);
      if (byKey.has(k)) throw new Error(`valuesAtLevel: duplicate row for ${r.level} ${r.code} in ${y}.`);
      byKey.set(k, present(r.value) ? r.value : null);
    }
  }
  const lookup = (l: Level, code: string | null): number | null =>
    code === null ? null : (byKey.get(key(l, code)) ?? null);

  const inheritFrom = INHERIT_FROM[level];
  const out: LevelValue[] = [];
  for (const t of territories) {
    if (t.level !== level) continue;
    const own = lookup(level, t.code);
    if (own !== null) {
      out.push({ code: t.code, value: own, sourceLevel: level, inherited: false });
      continue;
    }
    let found: LevelValue = { code: t.code, value: null, sourceLevel: null, inherited: false };
    for (const l of inheritFrom) {
      const v = lookup(l, parentOf(t, l));
      if (v !== null) {
        found = { code: t.code, value: v, sourceLevel: l, inherited: true };
        break;
      }
    }
    out.push(found);
  }
  return out;
}

export interface RatioRow {
  code: string;
  numerator?: number | null;
  denominator?: number | null;
}

export interface AggregateOptions {
  /** sum whatever children are present instead of giving null when one is missing */
  allowPartial?: boolean;
  /** multiplier of numerator/denominator, e.g. 100 for a percentage, 1000 for "per 1,000" */
  scale?: number;
}

export interface AggregateValue {
  /** scale · Σnumerator / Σdenominator; null if incomplete (without allowPartial), nothing observed, or Σdenominator = 0 */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** children mapped to this parent */
  children: number;
  /** children with both numerator and denominator present */
  observed: number;
}

/**
 * Aggregate a ratio indicator upward as a ratio of sums: Σnumerators / Σdenominators
 * over each parent's children (never an average of the children's rates).
 * `mapping` is child code → parent code (see parentMapping); a child in the
 * mapping without a row, or with a missing numerator or denominator, makes its
 * parent null unless `allowPartial`. Rows whose code is not in the mapping are
 * ignored; duplicate codes throw.
 */
export function aggregateRatioOfSums(
  rows: readonly RatioRow[],
  mapping: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
  options: AggregateOptions = {},
): Map<string, AggregateValue> {
  const { allowPartial = false, scale = 1 } = options;
  const entries: [string, string][] = mapping instanceof Map ? [...mapping.entries()] : Object.entries(mapping);
  const byCode = new Map<string, RatioRow>();
  for (const r of rows) {
    if (byCode.has(r.code)) throw new Error(`aggregateRatioOfSums: duplicate row for code ${r.code}.`);
    byCode.set(r.code, r);
  }
  const acc = new Map<string, { num: number; den: number; children: number; observed: number }>();
  for (const [child, parent] of entries) {
    let a = acc.get(parent);
    if (!a) acc.set(parent, (a = { num: 0, den: 0, children: 0, observed: 0 }));
    a.children++;
    const r = byCode.get(child);
    if (r && present(r.numerator) && present(r.denominator)) {
      a.num += r.numerator;
      a.den += r.denominator;
      a.observed++;
    }
  }
  const out = new Map<string, AggregateValue>();
  for (const [parent, a] of acc) {
    const usable = a.observed > 0 && (allowPartial || a.observed === a.children);
    out.set(parent, {
      value: usable && a.den !== 0 ? (scale * a.num) / a.den : null,
      numerator: usable ? a.num : null,
      denominator: usable ? a.den : null,
      children: a.children,
      observed: a.observed,
    });
  }
  return out;
}
