/**
 * All indicators of one territory at its level, latest year of each indicator: the value (own, or
 * inherited from the province/region when the indicator does not exist at this level), its rank among
 * the peers that have their own value, the parent's value and Italy's value. Inheritance follows
 * src/analytics/inheritance.ts: only where fewer than half of the peers have a value of their own, and never for
 * the indicators in `noInherit` (counts and classes: a province's count is not a comune's) — those rows come back
 * with `notAtLevel` ("not available at this level").
 * Tables: territories, indicators, catalogue(id, polarity).
 * The app computes the same thing without DuckDB (src/analytics/territoryProfile.ts, so the panel never waits
 * for the engine); this query is the reference a test holds it to, and works in the SQL console too.
 */
import { lit, num, type NamedQuery } from '../sql';
import { OWN_LEVELS } from '../../contract';
import type { TerritoryLevel } from '../../analytics/catalogue';
import type { ProfileRow } from '../../analytics/territoryProfile';

export interface ProfileParams {
  level: Exclude<TerritoryLevel, 'italy'>;
  code: string;
  /** indicator ids never inherited (catalogue kind 'count' or 'class'; see NEVER_INHERITED) */
  noInherit?: readonly string[];
}

export type { ProfileRow };

export const territoryProfile: NamedQuery<ProfileParams, ProfileRow[]> = {
  name: 'territoryProfile',
  sql: ({ level, code, noInherit = [] }) => {
    const L = lit(level);
    const never = noInherit.length ? `l.indicator IN (${noInherit.map((id) => lit(id)).join(', ')})` : 'false';
    const parentLevel = level === 'comune' ? 'province' : level === 'province' || level === 'sll' ? 'region' : 'italy';
    // a level of its own (Europe's NUTS2 regions): its own figures, beside no Italian parent; Italy's levels: all
    // but the figures only such a level has (src/analytics/catalogue.ts listedAt)
    const own = OWN_LEVELS.includes(level);
    const listed = own
      ? `bool_or(level = ${L})`
      : `bool_or(level NOT IN (${OWN_LEVELS.map((l) => lit(l)).join(', ')}))`;
    const parents = own ? 'false' : 'true';
    return `
WITH latest AS (
  SELECT indicator, max(year) AS year FROM indicators GROUP BY indicator HAVING ${listed}
), iv AS (
  SELECT i.level, i.code, i.indicator, i.value FROM indicators i JOIN latest l USING (indicator, year)
), peers AS (
  SELECT code, province_code, region_code FROM territories WHERE level = ${L}
), own AS (
  SELECT p.code, iv.indicator, iv.value FROM peers p JOIN iv ON iv.level = ${L} AND iv.code = p.code
  WHERE iv.value IS NOT NULL
), ranked AS (
  SELECT o.code, o.indicator, o.value,
    rank() OVER (PARTITION BY o.indicator ORDER BY CASE WHEN c.polarity = -1 THEN o.value ELSE -o.value END) AS rnk,
    count(*) OVER (PARTITION BY o.indicator) AS ranked
  FROM own o JOIN catalogue c ON c.id = o.indicator
), cov AS (
  SELECT indicator, count(*) AS n FROM own GROUP BY indicator
), sparse AS (
  SELECT l.indicator, coalesce(c.n, 0) < 0.5 * (SELECT count(*) FROM peers) AS sparse
  FROM latest l LEFT JOIN cov c USING (indicator)
), inh AS (
  SELECT l.indicator, s.sparse AND NOT (${never}) AS inherit, s.sparse AND (${never}) AS not_at_level
  FROM latest l JOIN sparse s USING (indicator)
), me AS (
  SELECT * FROM territories WHERE level = ${L} AND code = ${lit(code)}
)
SELECT l.indicator, l.year,
  coalesce(r.value, pv.value, rv.value) AS value,
  CASE WHEN r.value IS NOT NULL THEN ${L}
       WHEN pv.value IS NOT NULL THEN 'province'
       WHEN rv.value IS NOT NULL THEN 'region' END AS source_level,
  r.rnk AS rank,
  (SELECT max(ranked) FROM ranked x WHERE x.indicator = l.indicator) AS ranked,
  par.value AS parent_value,
  it.value AS italy_value,
  inh.not_at_level AND r.value IS NULL AS not_at_level
FROM latest l CROSS JOIN me JOIN inh ON inh.indicator = l.indicator
LEFT JOIN ranked r ON r.indicator = l.indicator AND r.code = me.code
LEFT JOIN iv pv ON inh.inherit AND ${L} = 'comune' AND pv.indicator = l.indicator AND pv.level = 'province' AND pv.code = me.province_code
LEFT JOIN iv rv ON inh.inherit AND ${L} IN ('comune', 'province', 'sll') AND rv.indicator = l.indicator AND rv.level = 'region' AND rv.code = me.region_code
LEFT JOIN iv par ON ${parents} AND par.indicator = l.indicator AND par.level = ${lit(parentLevel)}
  AND par.code = ${parentLevel === 'italy' ? "'IT'" : parentLevel === 'region' ? 'me.region_code' : 'me.province_code'}
LEFT JOIN iv it ON ${parents} AND it.indicator = l.indicator AND it.level = 'italy' AND it.code = 'IT'
ORDER BY l.indicator`;
  },
  map: (rows) =>
    rows.map((r) => ({
      indicator: String(r.indicator),
      year: Number(r.year),
      value: num(r.value),
      sourceLevel: (r.source_level as TerritoryLevel | null) ?? null,
      rank: num(r.rank),
      ranked: num(r.ranked) ?? 0,
      parentValue: num(r.parent_value),
      italyValue: num(r.italy_value),
      notAtLevel: r.not_at_level === true,
    })),
};
