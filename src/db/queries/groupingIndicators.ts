/**
 * Indicators of a user grouping (comune → group): for each group, indicator and year, the value
 * aggregated from its comuni — sum for counts, sum of numerators over sum of denominators for ratios
 * (times the indicator's scale from the catalogue, e.g. 100 for "per 100"), population-weighted mean where chosen;
 * never a plain average of rates. A group gets a value only when every member comune has one.
 * Tables: territories, indicators, and the members table (comune_code, group_code).
 */
import { ident, lit, num, type NamedQuery } from '../sql';

export type GroupMethod = 'sum' | 'ratio_of_sums' | 'weighted_mean';

export interface GroupingParams {
  /** the members table: columns comune_code, group_code */
  members: string;
  /**
   * `scale`: the catalogue's (IndicatorMeta.scale: value = scale × numerator / denominator). Only an indicator
   * imported before the catalogue carried a scale lacks it: its scale is then read off its own comune rows
   * (the median of value × denominator / numerator), as it always was.
   */
  indicators: { id: string; method: GroupMethod; scale?: number | null }[];
}

export interface GroupValue {
  group: string;
  indicator: string;
  year: number;
  value: number | null;
  withValue: number;
  members: number;
}

export const groupingIndicators: NamedQuery<GroupingParams, GroupValue[]> = {
  name: 'groupingIndicators',
  sql: ({ members, indicators }) => {
    if (indicators.length === 0)
      return `SELECT NULL AS group_code, NULL AS indicator, NULL AS year, NULL AS value, 0 AS with_value, 0 AS members WHERE false`;
    const methods = indicators.map((i) => `(${lit(i.id)}, ${lit(i.method)}, ${lit(i.scale ?? null)})`).join(', ');
    const unscaled = indicators.filter((i) => i.scale === undefined || i.scale === null).map((i) => lit(i.id));
    // the legacy estimate, for the indicators without a published scale only
    const estimate = unscaled.length
      ? `SELECT indicator, median(value * denominator / numerator) AS k FROM indicators
  WHERE level = 'comune' AND indicator IN (${unscaled.join(', ')}) AND numerator IS NOT NULL AND numerator <> 0 AND denominator IS NOT NULL AND value IS NOT NULL
  GROUP BY indicator`
      : `SELECT NULL::VARCHAR AS indicator, NULL::DOUBLE AS k WHERE false`;
    return `
WITH m AS (
  SELECT DISTINCT comune_code AS code, group_code FROM ${ident(members)}
), sizes AS (
  SELECT group_code, count(*) AS n FROM m GROUP BY group_code
), methods AS (
  SELECT indicator, method, scale::DOUBLE AS scale FROM (VALUES ${methods}) v(indicator, method, scale)
), estimate AS (
  ${estimate}
), x AS (
  SELECT m.group_code, i.indicator, i.year, me.method, me.scale,
    count(i.value) AS with_value,
    count(CASE WHEN i.numerator IS NOT NULL AND i.denominator IS NOT NULL THEN 1 END) AS with_parts,
    sum(i.value) AS s, sum(i.numerator) AS sn, sum(i.denominator) AS sd,
    sum(i.value * t.population) AS wv,
    sum(CASE WHEN i.value IS NOT NULL THEN t.population END) AS w,
    count(CASE WHEN i.value IS NOT NULL AND t.population IS NULL THEN 1 END) AS no_pop
  FROM m
  JOIN indicators i ON i.level = 'comune' AND i.code = m.code
  JOIN methods me ON me.indicator = i.indicator
  JOIN territories t ON t.level = 'comune' AND t.code = m.code
  GROUP BY m.group_code, i.indicator, i.year, me.method, me.scale
)
SELECT x.group_code, x.indicator, x.year,
  CASE
    WHEN x.with_value < s.n THEN NULL
    WHEN x.method = 'sum' THEN x.s
    WHEN x.method = 'ratio_of_sums' THEN CASE WHEN x.with_parts < s.n OR x.sd = 0 THEN NULL ELSE x.sn / x.sd * coalesce(x.scale, k.k, 1) END
    WHEN x.method = 'weighted_mean' THEN CASE WHEN x.no_pop = 0 AND x.w > 0 THEN x.wv / x.w END
  END AS value,
  x.with_value, s.n AS members
FROM x JOIN sizes s USING (group_code) LEFT JOIN estimate k USING (indicator)
ORDER BY x.indicator, x.year, x.group_code`;
  },
  map: (rows) =>
    rows.map((r) => ({
      group: String(r.group_code),
      indicator: String(r.indicator),
      year: Number(r.year),
      value: num(r.value),
      withValue: num(r.with_value) ?? 0,
      members: num(r.members) ?? 0,
    })),
};

/**
 * How an indicator is aggregated over a grouping, from its catalogue entry (null: it is not). `userWeighted`:
 * an import stored before 'weighted_mean' was an aggregation of its own (kept as 'none' with a note).
 */
export function groupMethodOf(
  aggregation: 'sum' | 'ratio_of_sums' | 'weighted_mean' | 'none',
  userWeighted = false,
): GroupMethod | null {
  if (aggregation === 'sum') return 'sum';
  if (aggregation === 'ratio_of_sums') return 'ratio_of_sums';
  if (aggregation === 'weighted_mean') return 'weighted_mean';
  return userWeighted ? 'weighted_mean' : null;
}
