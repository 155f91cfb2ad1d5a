/** population (count) and density (ratio of sums population / area) at all levels. Pure. */
import type { Codes } from './codes.ts';
import type { IndicatorRow, Part } from './types.ts';
import { sumAllLevels, ratioAllLevels } from './aggregate.ts';
import { parents } from './hierarchy.ts';
import { scaleOf } from './catalogue.ts';

export const POPULATION_YEAR = 2026;

export function populationIndicators(codes: Codes, pop: Map<string, number>): IndicatorRow[] {
  const P = parents(codes);
  const popParts: Part[] = [];
  const densParts: Part[] = [];
  for (const c of codes.comuni) {
    const v = pop.get(c.code);
    if (v === undefined) continue;
    popParts.push({ code: c.code, year: POPULATION_YEAR, num: v, den: 0 });
    densParts.push({ code: c.code, year: POPULATION_YEAR, num: v, den: c.area_km2 });
  }
  return [
    ...sumAllLevels('population', { level: 'comune', parts: popParts }, P.fromComune),
    ...ratioAllLevels('density', { level: 'comune', parts: densParts }, P.fromComune, scaleOf('density')),
  ];
}
