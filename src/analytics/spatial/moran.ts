/**
 * Global Moran's I (pure). Conventions: Cliff & Ord (1981) moments, as in esda's `Moran` and GeoDa.
 *
 *   I = (n / S0) · Σᵢ Σⱼ wᵢⱼ zᵢ zⱼ / Σᵢ zᵢ²,   z = y − ȳ,   E[I] = −1/(n−1)
 *   Var_norm(I) = (n²S1 − nS2 + 3S0²) / ((n²−1) S0²) − E[I]²
 *   Var_rand(I) = (n[(n²−3n+3)S1 − nS2 + 3S0²] − b2[(n²−n)S1 − 2nS2 + 6S0²]) / ((n−1)(n−2)(n−3) S0²) − E[I]²
 *   with S0 = Σwᵢⱼ, S1 = ½ΣΣ(wᵢⱼ + wⱼᵢ)², S2 = Σᵢ(wᵢ. + w.ᵢ)², b2 = n Σz⁴ / (Σz²)².
 *
 * Pseudo p-value of the permutations (GeoDa): (min(#≥, #<) + 1) / (permutations + 1), where # counts the
 * permuted I at or above (≥) and below (<) the observed one.
 */
import { createRng, type Random } from '../rng';
import { normalSf } from './normal';
import type { Weights } from './weights';

export interface MoranGlobal {
  n: number;
  I: number;
  EI: number;
  VI_norm: number;
  VI_rand: number;
  z_norm: number;
  z_rand: number;
  /** one-tailed normal p-values (upper tail when I > E[I], lower otherwise) */
  p_norm: number;
  p_rand: number;
  permutations: number;
  /** pseudo p-value of the permutations (null with 0 permutations) */
  p_sim: number | null;
  /** mean and sd of the permuted I, and the z of I against them */
  EI_sim: number | null;
  z_sim: number | null;
}

export class SpatialError extends Error {}

/** The spatial lag Σⱼ wᵢⱼ xⱼ of every unit. */
export function spatialLag(w: Weights, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k] * x[w.neighbours[k]];
    out[i] = s;
  }
  return out;
}

export function deviations(y: ArrayLike<number>): Float64Array {
  const n = y.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += y[i];
  m /= n;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = y[i] - m;
  return z;
}

function moments(w: Weights): { S0: number; S1: number; S2: number } {
  const m = new Map<number, number>();
  const rowSum = new Float64Array(w.n);
  const colSum = new Float64Array(w.n);
  let S0 = 0;
  for (let i = 0; i < w.n; i++)
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const j = w.neighbours[k];
      const v = w.weights[k];
      S0 += v;
      rowSum[i] += v;
      colSum[j] += v;
      m.set(i * w.n + j, v);
    }
  // ½ Σ over ordered pairs (i, j) of (wᵢⱼ + wⱼᵢ)²: a link with its reverse is visited from both sides;
  // a one-way link stands for both ordered pairs.
  let S1 = 0;
  for (const [key, v] of m) {
    const i = Math.floor(key / w.n);
    const j = key - i * w.n;
    const back = m.get(j * w.n + i);
    S1 += back === undefined ? 2 * v * v : (v + back) * (v + back);
  }
  let S2 = 0;
  for (let i = 0; i < w.n; i++) S2 += (rowSum[i] + colSum[i]) ** 2;
  return { S0, S1: S1 / 2, S2 };
}

function moranOf(w: Weights, z: ArrayLike<number>, S0: number, den: number): number {
  const { n, offsets, neighbours, weights } = w;
  let num = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const e = offsets[i + 1];
    for (let k = offsets[i]; k < e; k++) s += weights[k] * z[neighbours[k]];
    num += z[i] * s;
  }
  return (n / S0) * (num / den);
}

/** Pseudo p-value (GeoDa): (min(#≥ observed, #< observed) + 1) / (permutations + 1). */
export function pseudoP(atOrAbove: number, permutations: number): number {
  return (Math.min(atOrAbove, permutations - atOrAbove) + 1) / (permutations + 1);
}

/**
 * Global Moran's I of `y` (every unit must have a value and at least one neighbour: the caller drops
 * missing values and islands first, see analyse.ts). `random` or `seed` fixes the permutations.
 */
export function moranGlobal(
  y: ArrayLike<number>,
  w: Weights,
  opts: { permutations?: number; seed?: number; random?: Random } = {},
): MoranGlobal {
  const n = w.n;
  if (y.length !== n) throw new SpatialError(`moran: ${y.length} values for ${n} units`);
  if (n < 4) throw new SpatialError(`Moran's I needs at least 4 units with a value and a neighbour, got ${n}`);
  const z = deviations(y);
  let den = 0;
  let z4 = 0;
  for (let i = 0; i < n; i++) {
    den += z[i] * z[i];
    z4 += z[i] ** 4;
  }
  if (!(den > 0)) throw new SpatialError("Moran's I is undefined: every unit has the same value");
  const { S0, S1, S2 } = moments(w);
  const I = moranOf(w, z, S0, den);
  const EI = -1 / (n - 1);
  const n2 = n * n;
  const VI_norm = (n2 * S1 - n * S2 + 3 * S0 * S0) / ((n2 - 1) * S0 * S0) - EI * EI;
  const b2 = (n * z4) / (den * den);
  const A = n * ((n2 - 3 * n + 3) * S1 - n * S2 + 3 * S0 * S0);
  const B = b2 * ((n2 - n) * S1 - 2 * n * S2 + 6 * S0 * S0);
  const VI_rand = (A - B) / ((n - 1) * (n - 2) * (n - 3) * S0 * S0) - EI * EI;
  const z_norm = (I - EI) / Math.sqrt(VI_norm);
  const z_rand = (I - EI) / Math.sqrt(VI_rand);
  const tail = (zz: number) => (zz > 0 ? normalSf(zz) : normalSf(-zz));
  const permutations = Math.max(0, Math.trunc(opts.permutations ?? 999));
  let p_sim: number | null = null;
  let EI_sim: number | null = null;
  let z_sim: number | null = null;
  if (permutations > 0) {
    const random = opts.random ?? createRng(opts.seed ?? 12345);
    const zp = Float64Array.from(z);
    let above = 0;
    let s = 0;
    let ss = 0;
    for (let p = 0; p < permutations; p++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = zp[i];
        zp[i] = zp[j];
        zp[j] = t;
      }
      const Ip = moranOf(w, zp, S0, den);
      if (Ip >= I) above++;
      s += Ip;
      ss += Ip * Ip;
    }
    p_sim = pseudoP(above, permutations);
    EI_sim = s / permutations;
    const sd = Math.sqrt(Math.max(0, (ss - permutations * EI_sim * EI_sim) / (permutations - 1 || 1)));
    z_sim = sd > 0 ? (I - EI_sim) / sd : null;
  }
  return {
    n,
    I,
    EI,
    VI_norm,
    VI_rand,
    z_norm,
    z_rand,
    p_norm: tail(z_norm),
    p_rand: tail(z_rand),
    permutations,
    p_sim,
    EI_sim,
    z_sim,
  };
}
