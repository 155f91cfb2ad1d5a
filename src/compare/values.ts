/**
 * The values the comparison shows: for each indicator of the catalogue, each territory's value at its
 * own level exactly as the map shows it (own value, or an inherited coarser one marked ⚑ where the
 * indicator is not measured at that level), and its percentile within Italy among the territories of
 * the level the value comes from (100 = best for polarity ±1, = highest for polarity 0).
 */
import type { LevelValue } from '../analytics/levels';
import { latestYearIn, rowsForYear, yearsIn } from '../analytics/rowView';
import { percentileRanks, type Rank } from '../analytics/rank';
import { levelTable as coreTable, type LevelTable as CoreTable } from '../analytics/territoryValue';
import {
  kindOf,
  listedAt,
  type IndicatorKind,
  type IndicatorMeta,
  type IndicatorRow,
  type Territory,
} from '../analytics/catalogue';
import type { Level } from '../state/url';

export interface Cell extends LevelValue {
  /** the indicator (a count or class) is not measured at this territory's level */
  notAtLevel?: boolean;
  /** 0..100, oriented (100 = best, or highest when the indicator has no polarity) */
  percentile: number | null;
  rank: Rank | null;
}

export interface CompareRow {
  meta: IndicatorMeta;
  year: number | null;
  cells: Cell[];
}

/** The map's table of the level (src/analytics/territoryValue.ts) with the percentiles of its own values. */
export interface LevelTable extends CoreTable {
  percentiles: Map<string, number>;
}

const withPercentiles = (t: CoreTable, polarity: 1 | -1 | 0): LevelTable => ({
  ...t,
  percentiles: percentileRanks(t.own, polarity),
});

/**
 * Values of one indicator at one level for one year (default: the latest), with percentiles of own values.
 * `kind`: a count or class is never inherited (src/analytics/inheritance.ts).
 */
export function levelTable(
  rows: readonly IndicatorRow[],
  territories: readonly Territory[],
  level: Level,
  polarity: 1 | -1 | 0,
  year?: number | null,
  kind?: IndicatorKind,
): LevelTable {
  return withPercentiles(coreTable(rows, territories, level, { year, kind, polarity }), polarity);
}

/** Percentiles of the coarser level's own values (for inherited cells: the parent's place among its peers). */
function ownTable(
  rows: readonly IndicatorRow[],
  territories: readonly Territory[],
  level: Level,
  polarity: 1 | -1 | 0,
  year: number,
): LevelTable {
  return withPercentiles(coreTable(rows, territories, level, { year, polarity, inherit: false }), polarity);
}

export interface Pick {
  code: string;
  level: Level;
  territory: Territory | undefined;
}

export function compareRows(
  catalogue: readonly IndicatorMeta[],
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  picks: readonly Pick[],
): CompareRow[] {
  const levels = [...new Set(picks.map((p) => p.level))];
  // the figures of the picks' levels (Europe's regions have their own; Italy's levels leave those out)
  return catalogue
    .filter((m) => levels.some((l) => listedAt(m, l)))
    .map((meta) => {
      // the latest year's rows only (an imported indicator makes no other year's)
      const all = rowsByIndicator.get(meta.id) ?? [];
      const year = latestYearIn(all);
      const rows = rowsForYear(all, year);
      const tables = new Map(
        levels.map((l) => [l, levelTable(rows, territories, l, meta.polarity, year, kindOf(meta))]),
      );
      const coarse = new Map<Level, LevelTable>();
      const cells = picks.map((p): Cell => {
        const v = tables.get(p.level)?.values.get(p.code) ?? {
          code: p.code,
          value: null,
          sourceLevel: null,
          inherited: false,
        };
        if (v.value === null || year === null)
          return { ...v, percentile: null, rank: null, notAtLevel: tables.get(p.level)?.notAtLevel ?? false };
        if (!v.inherited) {
          const t = tables.get(p.level) as LevelTable;
          return { ...v, percentile: t.percentiles.get(p.code) ?? null, rank: t.ranks.get(p.code) ?? null };
        }
        const src = v.sourceLevel as Level;
        let t = coarse.get(src);
        if (!t) coarse.set(src, (t = ownTable(rows, territories, src, meta.polarity, year)));
        const parent = src === 'region' ? p.territory?.region_code : p.territory?.province_code;
        return {
          ...v,
          percentile: parent ? (t.percentiles.get(parent) ?? null) : null,
          rank: parent ? (t.ranks.get(parent) ?? null) : null,
        };
      });
      return { meta, year, cells };
    });
}

export interface TrendSeries {
  code: string;
  inherited: boolean;
  sourceLevel: Level | null;
  points: { x: number; y: number | null }[];
}

/** One series per pick over every year of the indicator, with the same inheritance rule as the map. */
export function trendSeries(
  rows: readonly IndicatorRow[],
  territories: readonly Territory[],
  picks: readonly Pick[],
  kind?: IndicatorKind,
): TrendSeries[] {
  const years = yearsIn(rows);
  const levels = [...new Set(picks.map((p) => p.level))];
  const byLevel = new Map<Level, Map<number, Map<string, LevelValue>>>(levels.map((l) => [l, new Map()]));
  // year by year (an imported indicator makes one year's rows at a time)
  for (const y of years) {
    const ofYear = rowsForYear(rows, y);
    for (const l of levels) byLevel.get(l)?.set(y, levelTable(ofYear, territories, l, 0, y, kind).values);
  }
  return picks.map((p) => {
    let inherited = false;
    let sourceLevel: Level | null = null;
    const points = years.map((y) => {
      const v = byLevel.get(p.level)?.get(y)?.get(p.code);
      if (v?.inherited) inherited = true;
      if (v?.sourceLevel && v.sourceLevel !== 'italy') sourceLevel = v.sourceLevel;
      return { x: y, y: v?.value ?? null };
    });
    return { code: p.code, inherited, sourceLevel, points };
  });
}
