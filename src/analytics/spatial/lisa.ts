/**
 * Local Moran's I (LISA) with conditional permutation (pure).
 *
 *   Iᵢ = (n − 1) · zᵢ · lagᵢ / Σⱼ zⱼ²,   z = y − ȳ,   lagᵢ = Σⱼ wᵢⱼ zⱼ (row-standardised w)
 *
 * (esda's Moran_Local; GeoDa's zᵢ·lagᵢ on values standardised with the sample sd is the same number.)
 * Conditional permutation: unit i keeps its value, and its kᵢ neighbours' values are replaced by kᵢ
 * values drawn without replacement from the other n − 1 units. As in esda, one set of draws per
 * permutation (the first kᵢ of max k distinct ranks among n − 1) is shared by every unit, each unit
 * skipping itself — the same distribution for each unit at a fraction of the cost. Pseudo p-value
 * (GeoDa): (min(#≥, #<) + 1) / (permutations + 1).
 *
 * Quadrant codes follow GeoDa: 1 high-high, 2 low-low, 3 low-high, 4 high-low, 0 not significant,
 * 6 isolated (no neighbour: never permuted, no lag). "High" is zᵢ > 0 (lag > 0); a value exactly at the
 * mean counts as low.
 */
import { createRng, type Random } from '../rng';
import { pseudoP } from './moran';
import type { Weights } from './weights';

export const CLUSTER = { none: 0, HH: 1, LL: 2, LH: 3, HL: 4, isolated: 6 } as const;
export type ClusterCode = (typeof CLUSTER)[keyof typeof CLUSTER];

export interface LocalMoran {
  /** local I of each unit */
  Is: Float64Array;
  /** spatial lag of the deviations */
  lag: Float64Array;
  /** deviations from the mean */
  z: Float64Array;
  /** pseudo p-value of each unit */
  p: Float64Array;
  /** 1 HH, 2 LL, 3 LH, 4 HL, whatever the significance */
  quadrant: Uint8Array;
  permutations: number;
}

export function quadrantOf(z: number, lag: number): 1 | 2 | 3 | 4 {
  const hi = z > 0;
  const lhi = lag > 0;
  return hi ? (lhi ? 1 : 4) : lhi ? 3 : 2;
}

/**
 * Local Moran of `y` on row-standardised weights where every unit has a neighbour (analyse.ts drops
 * islands and missing values first).
 */
export function localMoran(
  y: ArrayLike<number>,
  w: Weights,
  opts: { permutations?: number; seed?: number; random?: Random } = {},
): LocalMoran {
  const n = w.n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  const z = new Float64Array(n);
  let den = 0;
  for (let i = 0; i < n; i++) {
    z[i] = y[i] - mean;
    den += z[i] * z[i];
  }
  const lag = new Float64Array(n);
  const Is = new Float64Array(n);
  const quadrant = new Uint8Array(n);
  const scale = den > 0 ? (n - 1) / den : NaN;
  let maxK = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k] * z[w.neighbours[k]];
    lag[i] = s;
    Is[i] = scale * z[i] * s;
    quadrant[i] = quadrantOf(z[i], s);
    maxK = Math.max(maxK, w.offsets[i + 1] - w.offsets[i]);
  }
  const permutations = Math.max(0, Math.trunc(opts.permutations ?? 999));
  const p = new Float64Array(n).fill(NaN);
  if (permutations > 0 && n > 1 && den > 0) {
    maxK = Math.min(maxK, n - 1);
    const random = opts.random ?? createRng(opts.seed ?? 12345);
    // draws[p·maxK + q]: the q-th distinct rank (0 … n−2) of permutation p (partial Fisher–Yates)
    const draws = new Uint32Array(permutations * maxK);
    const deck = new Uint32Array(n - 1);
    for (let q = 0; q < n - 1; q++) deck[q] = q;
    for (let pp = 0; pp < permutations; pp++) {
      for (let q = 0; q < maxK; q++) {
        const j = q + Math.floor(random() * (n - 1 - q));
        const t = deck[q];
        deck[q] = deck[j];
        deck[j] = t;
        draws[pp * maxK + q] = deck[q];
      }
    }
    for (let i = 0; i < n; i++) {
      const o = w.offsets[i];
      const k = w.offsets[i + 1] - o;
      const obs = Is[i];
      const zi = scale * z[i];
      if (zi === 0) {
        // a value at the mean: every permuted I equals the observed 0 — no evidence of anything
        p[i] = 1;
        continue;
      }
      let above = 0;
      for (let pp = 0; pp < permutations; pp++) {
        const base = pp * maxK;
        let s = 0;
        for (let q = 0; q < k; q++) {
          const r = draws[base + q];
          s += w.weights[o + q] * z[r < i ? r : r + 1];
        }
        if (zi * s >= obs) above++;
      }
      p[i] = pseudoP(above, permutations);
    }
  }
  return { Is, lag, z, p, quadrant, permutations };
}

/**
 * The naive version, for the benchmark and the tests: each unit drawn on its own (a fresh shuffle of
 * the other n − 1 units for every permutation of every unit). Same statistic, other random stream.
 */
export function localMoranNaive(
  y: ArrayLike<number>,
  w: Weights,
  opts: { permutations?: number; seed?: number } = {},
): Float64Array {
  const n = w.n;
  const ys = Array.from(y);
  const mean = ys.reduce((a, b) => a + b, 0) / n;
  const z = ys.map((v) => v - mean);
  const den = z.reduce((a, b) => a + b * b, 0);
  const permutations = opts.permutations ?? 999;
  const random = createRng(opts.seed ?? 12345);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const nb: number[] = [];
    const wt: number[] = [];
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      nb.push(w.neighbours[k]);
      wt.push(w.weights[k]);
    }
    const obs = ((n - 1) * z[i] * nb.reduce((s, j, q) => s + wt[q] * z[j], 0)) / den;
    const others = z.filter((_, j) => j !== i);
    let above = 0;
    for (let pp = 0; pp < permutations; pp++) {
      for (let q = 0; q < nb.length; q++) {
        const j = q + Math.floor(random() * (others.length - q));
        const t = others[q];
        others[q] = others[j];
        others[j] = t;
      }
      let s = 0;
      for (let q = 0; q < nb.length; q++) s += wt[q] * others[q];
      if (((n - 1) * z[i] * s) / den >= obs) above++;
    }
    out[i] = pseudoP(above, permutations);
  }
  return out;
}
