/**
 * Two-step floating catchment area: 2SFCA (Luo & Wang 2003) and E2SFCA (Luo & Qi 2009).
 *   step 1, for each service j:  R_j = S_j / Σ_{k: d_kj ≤ d0} P_k·W(d_kj)
 *   step 2, for each demand i:   A_i = Σ_{j: d_ij ≤ d0} R_j·W(d_ij)
 * A_i is supply per person (×10,000 = per 10,000 residents). S_j = capacity when known and `useCapacity`,
 * otherwise 1. A service with no population in its catchment gets R_j = 0 (it serves nobody counted here).
 * Demand with no service within d0 gets A_i = 0 (a real zero: nothing reachable), never null.
 */
import type KDBush from 'kdbush';
import type { Decay, DemandPoint, ServicePoint } from './types';
import { decayWeight } from './decay';
import { haversineKm, type DistanceFn } from './distance';
import { candidatePairs, pairsFromArrays, type CandidatePairs } from './spatialIndex';

export interface FcaOptions {
  /** catchment radius, km (> 0) */
  d0: number;
  /** default 'none' (2SFCA) */
  decay?: Decay;
  /** S_j = capacity when known (else 1); false → every service counts 1. Default true. */
  useCapacity?: boolean;
}

export interface FcaResult {
  /** A_i, supply per person, aligned with the demand array */
  access: Float64Array;
  /** R_j, supply-to-demand ratio, aligned with the services array */
  ratio: Float64Array;
}

/** S_j for each service: capacity when known (finite, ≥ 0) and wanted, else 1. */
export function supplyOf(services: readonly Pick<ServicePoint, 'capacity'>[], useCapacity = true): Float64Array {
  const s = new Float64Array(services.length);
  for (let j = 0; j < services.length; j++) {
    const c = services[j].capacity;
    s[j] = useCapacity && c !== null && Number.isFinite(c) && c >= 0 ? c : 1;
  }
  return s;
}

function checkD0(d0: number) {
  if (!(d0 > 0) || !Number.isFinite(d0))
    throw new RangeError(`catchment d0 must be a positive number of km, got ${d0}`);
}

/** The core: both steps over precomputed pairs (i, j, d). Typed arrays only. */
export function fcaFromPairs(
  pairs: CandidatePairs,
  population: ArrayLike<number>,
  supply: ArrayLike<number>,
  opts: { d0: number; decay?: Decay },
): FcaResult {
  checkD0(opts.d0);
  const decay = opts.decay ?? 'none';
  const n = pairs.length;
  const w = new Float64Array(n);
  const denom = new Float64Array(supply.length);
  const { i: I, j: J, d: D } = pairs;
  for (let k = 0; k < n; k++) {
    const wk = decayWeight(decay, D[k], opts.d0);
    w[k] = wk;
    denom[J[k]] += population[I[k]] * wk;
  }
  const ratio = new Float64Array(supply.length);
  for (let j = 0; j < supply.length; j++) ratio[j] = denom[j] > 0 ? supply[j] / denom[j] : 0;
  const access = new Float64Array(population.length);
  for (let k = 0; k < n; k++) access[I[k]] += ratio[J[k]] * w[k];
  return { access, ratio };
}

/** 2SFCA / E2SFCA with the spatial index: pairs within d0 come from geokdbush, never from all pairs. */
export function fca(
  demand: readonly DemandPoint[],
  services: readonly ServicePoint[],
  opts: FcaOptions,
  pairs?: CandidatePairs,
  index?: KDBush,
): FcaResult {
  checkD0(opts.d0);
  const p = pairs ?? candidatePairs(demand, services, opts.d0, index);
  return fcaFromPairs(p, populationOf(demand), supplyOf(services, opts.useCapacity ?? true), opts);
}

/**
 * Brute force: scan every (i, j) pair once (injectable distance, default haversine), keep those within d0,
 * then the same two steps. Differs from `fca` only in how the pairs are found. For tests and benchmarks.
 */
export function fcaBruteForce(
  demand: readonly DemandPoint[],
  services: readonly ServicePoint[],
  opts: FcaOptions,
  distance: DistanceFn = (i, j) => haversineKm(demand[i].lon, demand[i].lat, services[j].lon, services[j].lat),
): FcaResult {
  checkD0(opts.d0);
  const I: number[] = [];
  const J: number[] = [];
  const D: number[] = [];
  for (let i = 0; i < demand.length; i++)
    for (let j = 0; j < services.length; j++) {
      const d = distance(i, j);
      if (d <= opts.d0) {
        I.push(i);
        J.push(j);
        D.push(d);
      }
    }
  return fcaFromPairs(
    pairsFromArrays(I, J, D),
    populationOf(demand),
    supplyOf(services, opts.useCapacity ?? true),
    opts,
  );
}

/**
 * FCA from populations, supplies and a distance function (or matrix d[i][j], km) — the textbook double loop.
 * Lets a hand-worked example use exact, made-up distances.
 */
export function fcaMatrix(
  population: ArrayLike<number>,
  supply: ArrayLike<number>,
  distance: DistanceFn | readonly (readonly number[])[],
  opts: { d0: number; decay?: Decay },
): FcaResult {
  checkD0(opts.d0);
  const decay = opts.decay ?? 'none';
  const dist: DistanceFn = typeof distance === 'function' ? distance : (i, j) => distance[i][j];
  const nI = population.length;
  const nJ = supply.length;
  const ratio = new Float64Array(nJ);
  for (let j = 0; j < nJ; j++) {
    let den = 0;
    for (let i = 0; i < nI; i++) den += population[i] * decayWeight(decay, dist(i, j), opts.d0);
    ratio[j] = den > 0 ? supply[j] / den : 0;
  }
  const access = new Float64Array(nI);
  for (let i = 0; i < nI; i++) {
    let a = 0;
    for (let j = 0; j < nJ; j++) a += ratio[j] * decayWeight(decay, dist(i, j), opts.d0);
    access[i] = a;
  }
  return { access, ratio };
}

function populationOf(demand: readonly DemandPoint[]): Float64Array {
  const p = new Float64Array(demand.length);
  for (let i = 0; i < demand.length; i++) {
    const v = demand[i].population;
    p[i] = Number.isFinite(v) && v > 0 ? v : 0;
  }
  return p;
}
