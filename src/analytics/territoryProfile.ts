/**
 * Every indicator of one territory at its level, from the tables already in the page (no DuckDB): the latest
 * year of each indicator with a value (the map's default year), the value, rank and ranked peers exactly as the
 * map shows them (src/analytics/territoryValue.ts: own, or inherited from the province or region where the
 * indicator is not measured at this level, never for a count or a class, which are then "not available at this
 * level"; competition ranking among the peers with their own value), the parent's and Italy's value.
 * The named SQL query src/db/queries/territoryProfile.ts computes the same; a test runs it against DuckDB on
 * the real data to prove it.
 */
import {
  kindOf,
  listedAt,
  type IndicatorMeta,
  type IndicatorRow,
  type Territory,
  type TerritoryLevel,
} from './catalogue';
import { latestYearIn, rowsForYear, yearsIn } from './rowView';
import { territoryValue, type TerritoryValue } from './territoryValue';

/** One indicator of a territory's profile. */
export interface ProfileRow {
  indicator: string;
  year: number;
  value: number | null;
  sourceLevel: TerritoryLevel | null;
  rank: number | null;
  ranked: number;
  parentValue: number | null;
  italyValue: number | null;
  /** not measured at this level and not inheritable (a count or class): show "not available at this level" */
  notAtLevel: boolean;
}

/** The levels a territory profile is made for (Italy is only the figure every profile sets beside). */
export type ProfileLevel = Exclude<TerritoryLevel, 'italy'>;

/** a NUTS2 region has no parent: it is outside Italy's hierarchy */
export const PROFILE_PARENT: Record<ProfileLevel, TerritoryLevel | null> = {
  comune: 'province',
  province: 'region',
  region: 'italy',
  sll: 'region',
  nuts2: null,
};

/** The code of the territory whose value a profile sets beside `me`'s (null: none, or unknown). */
export function profileParentCode(me: Territory, parentLevel: TerritoryLevel | null): string | null {
  if (parentLevel === null) return null;
  if (parentLevel === 'italy') return 'IT';
  return parentLevel === 'region' ? me.region_code : me.province_code;
}

/**
 * One row of a profile from what the territory shows (`v`: src/analytics/territoryValue.ts); an indicator without a
 * catalogue entry (`catalogued` false) is not ranked.
 */
export function profileRow(
  indicator: string,
  year: number,
  v: Pick<TerritoryValue, 'value' | 'sourceLevel' | 'rank' | 'peers' | 'notAtLevel'>,
  catalogued: boolean,
  beside: { parent: number | null; italy: number | null },
): ProfileRow {
  return {
    indicator,
    year,
    value: v.value,
    sourceLevel: v.sourceLevel,
    rank: catalogued ? v.rank : null,
    ranked: catalogued ? v.peers : 0,
    parentValue: beside.parent,
    italyValue: beside.italy,
    notAtLevel: v.notAtLevel,
  };
}

/** The year a profile reads for an indicator: the latest with a value, else the latest there is. */
export function profileYear(all: readonly IndicatorRow[]): number {
  return latestYearIn(all) ?? yearsIn(all).at(-1) ?? -Infinity;
}

export function territoryProfile(
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  catalogue: readonly IndicatorMeta[],
  level: ProfileLevel,
  code: string,
): ProfileRow[] {
  const me = territories.find((t) => t.level === level && t.code === code);
  if (!me) return [];
  const peers = new Set<string>();
  for (const t of territories) if (t.level === level) peers.add(t.code);
  const metas = new Map(catalogue.map((m) => [m.id, m]));
  const parentLevel = PROFILE_PARENT[level];
  const parentCode = profileParentCode(me, parentLevel);
  // a level of its own (Europe's NUTS2 regions) lists only what is measured there, beside no Italian figure
  const own = parentLevel === null;
  const out: ProfileRow[] = [];
  for (const id of [...rowsByIndicator.keys()].sort()) {
    const all = rowsByIndicator.get(id) ?? [];
    if (!all.length) continue;
    const year = profileYear(all);
    // that year's rows only (an imported indicator makes no other year's)
    const rows = rowsForYear(all, year);
    const at = (lvl: TerritoryLevel, c: string | null): number | null => {
      if (c === null) return null;
      for (const r of rows) if (r.year === year && r.level === lvl && r.code === c) return r.value;
      return null;
    };
    const meta = metas.get(id);
    if (meta ? !listedAt(meta, level) : own) continue;
    const v = territoryValue(rows, territories, me, { year, kind: kindOf(meta), polarity: meta?.polarity ?? 0, peers });
    out.push(
      profileRow(id, year, v, !!meta, {
        parent: parentLevel === null ? null : at(parentLevel, parentCode),
        italy: own ? null : at('italy', 'IT'),
      }),
    );
  }
  return out;
}
