/**
 * Every indicator of one territory at its level, from the tables already in the page (no DuckDB): the latest
 * year of each indicator, the value (own, or inherited from the province or region where the indicator is
 * not measured at this level — fewer than half of the peers have their own value — and never for a count or a
 * class, which are then "not available at this level"), its rank among the peers with their own value
 * (competition ranking, ties share a rank; lower is better for polarity −1), the parent's and Italy's value.
 * The same result as the named SQL query src/db/queries/territoryProfile.ts, which a test runs against
 * DuckDB on the real data to prove it.
 */
import { kindOf, type IndicatorMeta, type IndicatorRow, type Territory, type TerritoryLevel } from './catalogue';
import { NEVER_INHERITED } from './inheritance';

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

const PARENT: Record<Exclude<TerritoryLevel, 'italy'>, TerritoryLevel> = {
  comune: 'province',
  province: 'region',
  region: 'italy',
};

export function territoryProfile(
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  catalogue: readonly IndicatorMeta[],
  level: Exclude<TerritoryLevel, 'italy'>,
  code: string,
): ProfileRow[] {
  const me = territories.find((t) => t.level === level && t.code === code);
  if (!me) return [];
  const peers = territories.filter((t) => t.level === level).length;
  const metas = new Map(catalogue.map((m) => [m.id, m]));
  const parentLevel = PARENT[level];
  const parentCode = parentLevel === 'italy' ? 'IT' : parentLevel === 'region' ? me.region_code : me.province_code;
  const out: ProfileRow[] = [];
  for (const id of [...rowsByIndicator.keys()].sort()) {
    const rows = rowsByIndicator.get(id) ?? [];
    if (!rows.length) continue;
    let year = -Infinity;
    for (const r of rows) if (r.year > year) year = r.year;
    const at = (lvl: TerritoryLevel, c: string | null): number | null => {
      if (c === null) return null;
      for (const r of rows) if (r.year === year && r.level === lvl && r.code === c) return r.value;
      return null;
    };
    const own = rows.filter(
      (r) => r.year === year && r.level === level && r.value !== null && Number.isFinite(r.value),
    ) as (IndicatorRow & { value: number })[];
    const meta = metas.get(id);
    const sparse = own.length < 0.5 * peers;
    const never = NEVER_INHERITED.has(kindOf(meta));
    const mine = own.find((r) => r.code === code)?.value ?? null;
    let value = mine;
    let sourceLevel: TerritoryLevel | null = mine !== null ? level : null;
    if (mine === null && sparse && !never) {
      const pv = level === 'comune' ? at('province', me.province_code) : null;
      const rv = level !== 'region' ? at('region', me.region_code) : null;
      if (pv !== null) [value, sourceLevel] = [pv, 'province'];
      else if (rv !== null) [value, sourceLevel] = [rv, 'region'];
    }
    let rank: number | null = null;
    if (mine !== null && meta) {
      const better = meta.polarity === -1 ? (x: number) => x < mine : (x: number) => x > mine;
      rank = 1 + own.filter((r) => better(r.value)).length;
    }
    out.push({
      indicator: id,
      year,
      value,
      sourceLevel,
      rank,
      ranked: meta ? own.length : 0,
      parentValue: at(parentLevel, parentCode),
      italyValue: at('italy', 'IT'),
      notAtLevel: sparse && never && mine === null,
    });
  }
  return out;
}
