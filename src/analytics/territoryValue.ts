/**
 * The one place that decides what a territory shows for an indicator: its value (own, or inherited from the
 * province or region where the indicator is not measured at this level — src/analytics/inheritance.ts), its
 * rank among its peers (the territories of its level with a value of their own; competition ranking, 1 = best,
 * polarity −1: lowest first) and how many peers were ranked. The map (ChoroplethModel), the comparison
 * (src/compare/values.ts) and the territory profile (src/analytics/territoryProfile.ts) all read it, so the
 * three show the same number, rank and year. Year: the one asked for, else the latest with a value.
 */
import {
  INHERIT_FROM,
  valuesAtLevel,
  latestYear,
  parentOf,
  type Level,
  type LevelValue,
  type IndicatorRow,
  type Territory,
} from './levels';
import { rowsForLevel, notAtLevel, shouldInherit } from './inheritance';
import { rankAmong, type Polarity, type Rank } from './rank';
import type { IndicatorKind } from './catalogue';

export interface LevelOptions {
  /** the year shown (null/undefined: the latest year with a value) */
  year?: number | null;
  /** counts and classes are never inherited */
  kind?: IndicatorKind;
  polarity?: Polarity;
  /** the number of territories at the level (default: counted in `territories`) */
  territoryCount?: number;
  /** false: own values only, never a coarser territory's (default true: the rule of inheritance.ts) */
  inherit?: boolean;
}

/** One indicator at one level for one year: every territory's value and the ranks of the own values. */
export interface LevelTable {
  year: number | null;
  /** in the order of `territories` */
  list: LevelValue[];
  values: Map<string, LevelValue>;
  /** own values only (an inherited value is not ranked among the level's peers) */
  ranks: Map<string, Rank>;
  /** own values only, the input of `ranks` */
  own: Map<string, number | null>;
  /** a count or class not measured at this level: every value is "not available at this level" */
  notAtLevel: boolean;
}

/** What one territory shows: its value, rank and the number of ranked peers. */
export interface TerritoryValue extends LevelValue {
  year: number | null;
  /** null for a missing or inherited value */
  rank: number | null;
  /** territories of the level ranked (with a value of their own) */
  peers: number;
  /** missing because the indicator (a count or class) is not measured at this level */
  notAtLevel: boolean;
}

export function levelTable(
  rows: readonly IndicatorRow[],
  territories: readonly Territory[],
  level: Level,
  options: LevelOptions = {},
): LevelTable {
  const { kind, polarity = 0, inherit = true } = options;
  const year = options.year ?? latestYear(rows);
  let n = options.territoryCount;
  if (n === undefined) {
    n = 0;
    for (const t of territories) if (t.level === level) n++;
  }
  const source = inherit ? rowsForLevel(rows, level, n, year, kind) : rows.filter((r) => r.level === level);
  const list = year === null ? [] : valuesAtLevel(source, territories, level, year);
  const own = new Map<string, number | null>();
  for (const v of list) if (!v.inherited) own.set(v.code, v.value);
  return {
    year,
    list,
    values: new Map(list.map((v) => [v.code, v])),
    ranks: rankAmong(own, polarity),
    own,
    notAtLevel: year !== null && inherit && notAtLevel(rows, level, n, year, kind),
  };
}

/** What `code` shows in a level's table (a code outside the level: no value, no rank). */
export function valueIn(table: LevelTable, code: string): TerritoryValue {
  const v = table.values.get(code) ?? { code, value: null, sourceLevel: null, inherited: false };
  const r = v.inherited ? undefined : table.ranks.get(code);
  return {
    ...v,
    year: table.year,
    rank: r?.rank ?? null,
    peers: table.ranks.size,
    notAtLevel: v.value === null && table.notAtLevel,
  };
}

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * What one territory shows, without building the whole level's table (the territory panel reads every
 * indicator at once): the same result as `valueIn(levelTable(…), territory.code)` — a test holds the two
 * equal on the real data — in one pass over the rows instead of a sort of the level.
 * `peers`: the codes of the level's territories (default: taken from `territories`).
 */
export function territoryValue(
  rows: readonly IndicatorRow[],
  territories: readonly Territory[],
  territory: Territory,
  options: LevelOptions & { peers?: ReadonlySet<string> } = {},
): TerritoryValue {
  const { kind, polarity = 0, inherit = true } = options;
  const level = territory.level;
  const code = territory.code;
  const year = options.year ?? latestYear(rows);
  const none = { code, value: null, sourceLevel: null, inherited: false, year, rank: null, peers: 0 };
  if (year === null) return { ...none, notAtLevel: false };
  const codes = options.peers ?? new Set(territories.filter((t) => t.level === level).map((t) => t.code));
  const n = options.territoryCount ?? codes.size;
  let mine: number | null = null;
  const own: number[] = [];
  for (const r of rows)
    if (r.year === year && r.level === level && present(r.value) && codes.has(r.code)) {
      own.push(r.value);
      if (r.code === code) mine = r.value;
    }
  if (mine !== null) {
    const sign = polarity === -1 ? -1 : 1;
    let better = 0;
    for (const x of own) if (sign * x > sign * mine) better++;
    return { ...none, value: mine, sourceLevel: level, rank: 1 + better, peers: own.length, notAtLevel: false };
  }
  const out = { ...none, peers: own.length, notAtLevel: inherit && notAtLevel(rows, level, n, year, kind) };
  if (!inherit || !shouldInherit(rows, level, n, year, kind)) return out;
  for (const l of INHERIT_FROM[level]) {
    const parent = parentOf(territory, l);
    for (const r of rows)
      if (r.year === year && r.level === l && r.code === parent && present(r.value))
        return { ...out, value: r.value, sourceLevel: l, inherited: true };
  }
  return out;
}
