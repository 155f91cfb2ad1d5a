/** All coverage measures per demand territory (comune), in one pass over one spatial index. */
import type { CoverageMeasure, Decay, DemandPoint, ServicePoint } from './types';
import { buildIndex, candidatePairs } from './spatialIndex';
import { nearestServices } from './nearest';
import { fcaFromPairs, supplyOf } from './fca';
import { countByTerritory, per10k } from './perCapita';

export interface CoverageOptions {
  /** catchment radius for 2SFCA/E2SFCA, km */
  d0: number;
  /** decay of the E2SFCA column; default 'gaussian' */
  decay?: Exclude<Decay, 'none'> | 'none';
  /** S_j = capacity when known (else 1); false → each service counts 1. Default true. */
  useCapacity?: boolean;
  /** how many nearest ids to keep; default 3 */
  k?: number;
  /** when set, gap_population = population of the comune if its nearest service is farther than gapKm */
  gapKm?: number;
  /**
   * Territories covered by the service data. Outside them every measure is null ("no data", not "no service");
   * their population still competes for services in step 1 of the FCA.
   */
  hasData?: (code: string) => boolean;
}

/** A territory without a measure (no data for its region, or no row): every measure missing, never 0. */
export function noMeasure(code: string, population: number): CoverageMeasure {
  return {
    code,
    population,
    nearest_km: null,
    nearest_ids: [],
    services: null,
    per_10k: null,
    access_2sfca: null,
    access_e2sfca: null,
    gap_population: null,
  };
}

export function coverageMeasures(
  demand: readonly DemandPoint[],
  services: readonly ServicePoint[],
  opts: CoverageOptions,
): CoverageMeasure[] {
  const index = buildIndex(services);
  const k = opts.k ?? 3;
  const nearest = nearestServices(demand, services, k, Infinity, index);
  const pairs = candidatePairs(demand, services, opts.d0, index);
  const pop = new Float64Array(demand.length);
  demand.forEach((p, i) => (pop[i] = p.population > 0 ? p.population : 0));
  const supply = supplyOf(services, opts.useCapacity ?? true);
  const a2 = fcaFromPairs(pairs, pop, supply, { d0: opts.d0, decay: 'none' }).access;
  const ae = fcaFromPairs(pairs, pop, supply, { d0: opts.d0, decay: opts.decay ?? 'gaussian' }).access;
  const counts = countByTerritory(services);
  return demand.map((p, i): CoverageMeasure => {
    if (opts.hasData && !opts.hasData(p.code)) return noMeasure(p.code, p.population);
    const n = counts.get(p.code) ?? 0;
    const km = nearest[i].km;
    return {
      code: p.code,
      population: p.population,
      nearest_km: km,
      nearest_ids: nearest[i].idx.map((j) => services[j].id),
      services: n,
      per_10k: per10k(n, p.population),
      access_2sfca: a2[i] * 10_000,
      access_e2sfca: ae[i] * 10_000,
      gap_population: opts.gapKm === undefined ? null : km === null || km > opts.gapKm ? p.population : 0,
    };
  });
}
