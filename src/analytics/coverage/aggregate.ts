/**
 * Comune measures → a coarser level: population-weighted means for distance and access, sums for counts and
 * gap population, per 10,000 recomputed as a ratio of sums. Territories with null measures ("no data") are
 * left out of every sum and mean; a parent with no data at all gets nulls.
 */
import type { CoverageMeasure } from './types';
import { per10k } from './perCapita';

type Acc = {
  pop: number;
  wsum: { [k in MeanKey]: number };
  wpop: { [k in MeanKey]: number };
  services: number | null;
  servicesPop: number;
  gap: number | null;
};
type MeanKey = 'nearest_km' | 'access_2sfca' | 'access_e2sfca';
const MEANS: MeanKey[] = ['nearest_km', 'access_2sfca', 'access_e2sfca'];

/** Population-weighted mean of the non-null values; null when nothing to average (or zero total weight). */
export function weightedMean(values: readonly (number | null)[], weights: readonly number[]): number | null {
  let s = 0;
  let w = 0;
  values.forEach((v, i) => {
    if (v === null || !(weights[i] > 0)) return;
    s += v * weights[i];
    w += weights[i];
  });
  return w > 0 ? s / w : null;
}

export function aggregateCoverage(
  rows: readonly CoverageMeasure[],
  parentOf: (code: string) => string | null | undefined,
): CoverageMeasure[] {
  const groups = new Map<string, Acc>();
  for (const r of rows) {
    const parent = parentOf(r.code);
    if (!parent) continue;
    let g = groups.get(parent);
    if (!g) {
      g = {
        pop: 0,
        wsum: { nearest_km: 0, access_2sfca: 0, access_e2sfca: 0 },
        wpop: { nearest_km: 0, access_2sfca: 0, access_e2sfca: 0 },
        services: null,
        servicesPop: 0,
        gap: null,
      };
      groups.set(parent, g);
    }
    const p = r.population > 0 ? r.population : 0;
    g.pop += p;
    for (const k of MEANS) {
      const v = r[k];
      if (v === null || p === 0) continue;
      g.wsum[k] += v * p;
      g.wpop[k] += p;
    }
    if (r.services !== null) {
      g.services = (g.services ?? 0) + r.services;
      g.servicesPop += p;
    }
    if (r.gap_population !== null) g.gap = (g.gap ?? 0) + r.gap_population;
  }
  const mean = (g: Acc, k: MeanKey) => (g.wpop[k] > 0 ? g.wsum[k] / g.wpop[k] : null);
  return [...groups.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([code, g]) => ({
      code,
      population: g.pop,
      nearest_km: mean(g, 'nearest_km'),
      nearest_ids: [],
      services: g.services,
      per_10k: g.services === null ? null : per10k(g.services, g.servicesPop),
      access_2sfca: mean(g, 'access_2sfca'),
      access_e2sfca: mean(g, 'access_e2sfca'),
      gap_population: g.gap,
    }));
}
