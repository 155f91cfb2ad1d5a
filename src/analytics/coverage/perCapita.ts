/** Services per 10,000 residents (and per 10,000 non-EU residents, known or estimated) within each territory. */
import type { ServicePoint } from './types';

export interface TerritoryPopulation {
  code: string;
  population: number | null;
  province_code?: string | null;
  /** non-EU residents when known (province, region); comuni do not have it */
  non_eu_population?: number | null;
}

export interface PerCapitaOptions {
  /** sum capacities (unknown capacity counts 1) instead of counting points; default false */
  useCapacity?: boolean;
  /**
   * Province → share of non-EU residents in the total population (0–1). Only when given, a territory without a
   * known non-EU population gets population × its province's share, flagged `estimated: true`.
   */
  estimateNonEuFromProvince?: ReadonlyMap<string, number>;
}

export interface PerCapita {
  code: string;
  /** number of points (or capacity) with this comune_code */
  services: number;
  population: number | null;
  /** services per 10,000 residents; null when population is unknown or 0 */
  per_10k: number | null;
  non_eu_population: number | null;
  per_10k_non_eu: number | null;
  /** true when non_eu_population is an estimate (province share × population) */
  estimated: boolean;
}

/** services / population × 10,000; null when the denominator is unknown or not positive. */
export function per10k(services: number, population: number | null | undefined): number | null {
  return population !== null && population !== undefined && population > 0 ? (services / population) * 10_000 : null;
}

/** Count (or capacity-sum) the services of each territory by `comune_code` (`key` picks another code). */
export function countByTerritory(
  services: readonly ServicePoint[],
  opts: { useCapacity?: boolean; key?: (s: ServicePoint) => string | undefined | null } = {},
): Map<string, number> {
  const key = opts.key ?? ((s: ServicePoint) => s.comune_code);
  const m = new Map<string, number>();
  for (const s of services) {
    const k = key(s);
    if (!k) continue;
    const v = opts.useCapacity && s.capacity !== null && Number.isFinite(s.capacity) ? s.capacity : 1;
    m.set(k, (m.get(k) ?? 0) + v);
  }
  return m;
}

export function perCapita(
  territories: readonly TerritoryPopulation[],
  services: readonly ServicePoint[],
  opts: PerCapitaOptions = {},
): PerCapita[] {
  const counts = countByTerritory(services, { useCapacity: opts.useCapacity });
  return territories.map((t) => {
    const n = counts.get(t.code) ?? 0;
    let nonEu = t.non_eu_population ?? null;
    let estimated = false;
    if (nonEu === null && opts.estimateNonEuFromProvince && t.province_code && t.population !== null) {
      const share = opts.estimateNonEuFromProvince.get(t.province_code);
      if (share !== undefined && Number.isFinite(share)) {
        nonEu = t.population * share;
        estimated = true;
      }
    }
    return {
      code: t.code,
      services: n,
      population: t.population,
      per_10k: per10k(n, t.population),
      non_eu_population: nonEu,
      per_10k_non_eu: per10k(n, nonEu),
      estimated,
    };
  });
}
