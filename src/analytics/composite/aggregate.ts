/**
 * Aggregation of normalised indicators into a score, per territory, with re-weighting of missing
 * values (see missing.ts) and the decomposition of each score into per-indicator contributions.
 *
 * Each method works on a "column" per indicator prepared once (aggregationColumn) and a weight per
 * indicator; w̃_ij = w_j / Σ_{available k} w_k are the weights re-scaled over the indicators the
 * territory has (NaN = not available).
 *
 * - arithmetic: S_i = Σ w̃_ij·y_ij (fully compensatory; the CNEL choice). Contribution w̃_ij·y_ij.
 * - geometric: S_i = Π g_ij^w̃_ij = exp(Σ w̃_ij·ln g_ij), with g = the normalised value linearly
 *   re-scaled per indicator to 1..100 (min → 1, max → 100; 50.5 when constant), because the geometric
 *   mean needs strictly positive inputs. For min–max this is CNEL's 1–100 scale (g = 1 + 0.99·y).
 *   Contribution: the indicator's share of the log, times the score: S_i·w̃_ij·ln g_ij / ln S_i
 *   (sums to S_i; when ln S_i = 0, i.e. all g = 1, w̃_ij·S_i).
 * - ampi: Adjusted Mazziotta–Pareto Index, negative penalty (Mazziotta & Pareto 2016, "On a
 *   generalized non-compensatory composite index for measuring socio-economic phenomena", Social
 *   Indicators Research 127; ISTAT BES). It uses its OWN re-scaling of the raw (imputed, winsorised)
 *   values instead of the chosen normalisation, with goalposts Ref_j (Italy, or the mean of the
 *   territories when there is no Italy value) and Δ_j = (max_j − min_j)/2:
 *     r_ij = 70 + 60·(x_ij − (Ref_j − Δ_j))/(2Δ_j)   (polarity +1; r = 100 at the reference)
 *     r_ij = 130 − 60·(x_ij − (Ref_j − Δ_j))/(2Δ_j)  (polarity −1)
 *   (Δ_j = 0: r = 100 for everyone). Then AMPI−_i = M_i − S_i·cv_i = M_i − S_i²/M_i with M_i and S_i
 *   the WEIGHTED mean and weighted population SD of r_ij over the territory's indicators (weights
 *   w̃_ij). With equal weights this is exactly Mazziotta–Pareto's unweighted formula; weighting lets
 *   the sliders and the Monte Carlo act on AMPI too. M_i ≤ 0 gives NaN (cv undefined).
 *   Contribution: w̃_ij·(r_ij − (r_ij − M_i)²/M_i): the indicator's weighted value minus its share of
 *   the penalty (its weighted squared deviation); sums to the score.
 */
import type { Aggregation } from './config';
import type { Polarity } from './normalise';

/** The geometric-mean column: ln of y re-scaled linearly to 1..100. */
export function geometricColumn(y: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(y.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < min) min = y[i];
    if (y[i] > max) max = y[i];
  }
  const range = max - min;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    res[i] = v !== v ? NaN : Math.log(range > 0 ? 1 + (99 * (v - min)) / range : 50.5);
  }
  return res;
}

/** The AMPI column r_ij of raw values x (see the file comment). */
export function ampiColumn(x: ArrayLike<number>, polarity: Polarity, ref: number, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(x.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  const delta = (max - min) / 2;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v || ref !== ref) res[i] = NaN;
    else if (!(delta > 0)) res[i] = 100;
    else {
      const t = (60 * (v - (ref - delta))) / (2 * delta);
      res[i] = polarity === 1 ? 70 + t : 130 - t;
    }
  }
  return res;
}

/** Working arrays of one aggregation, reusable across calls. */
export interface AggregateScratch {
  /** Σ of the weights of the available indicators, per territory */
  sumW: Float64Array;
  /** Σ w·column, then the weighted mean M (AMPI) or the score */
  acc: Float64Array;
  acc2: Float64Array;
}

export function aggregateScratch(n: number): AggregateScratch {
  return { sumW: new Float64Array(n), acc: new Float64Array(n), acc2: new Float64Array(n) };
}

/** Relative tolerance on the observed-share threshold (2 of 4 equal weights is exactly 0.5). */
const SHARE_EPS = 1e-12;

/**
 * Scores of every territory from `columns` (see geometricColumn, ampiColumn; arithmetic takes the
 * normalised values) over the indicators `members` (all when null). `observed[j][i]` = 1 when the
 * value is the territory's own or inherited (not imputed, not missing). Writes `scores` (NaN = not
 * scored: observed share < minShare, or no available indicator with weight > 0) and `share` (the
 * observed share of weight Σ_observed w / Σ w over members).
 */
export function aggregateInto(
  method: Aggregation,
  columns: readonly Float64Array[],
  observed: readonly Uint8Array[],
  weights: ArrayLike<number>,
  members: ArrayLike<number> | null,
  minShare: number,
  scores: Float64Array,
  share: Float64Array,
  scratch: AggregateScratch,
  /** false: skip the observed share (minShare must be ≤ 0) — the Monte Carlo's fast path */
  withShare = true
): void {
  const n = scores.length;
  const { sumW, acc, acc2 } = scratch;
  sumW.fill(0, 0, n);
  acc.fill(0, 0, n);
  share.fill(0, 0, n);
  const m = members ? members.length : columns.length;
  let total = 0;
  for (let k = 0; k < m; k++) {
    const j = members ? members[k] : k;
    const w = weights[j];
    if (!(w > 0)) continue;
    total += w;
    const col = columns[j];
    const obs = observed[j];
    if (withShare) {
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== v) continue;
        sumW[i] += w;
        acc[i] += w * v;
        if (obs[i] === 1) share[i] += w;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== v) continue;
        sumW[i] += w;
        acc[i] += w * v;
      }
    }
  }
  if (!withShare && minShare > 0) throw new Error('aggregateInto: withShare = false needs minShare ≤ 0');
  const threshold = minShare * (1 - SHARE_EPS);
  for (let i = 0; i < n; i++) {
    share[i] = total > 0 ? share[i] / total : 0;
    acc[i] = sumW[i] > 0 ? acc[i] / sumW[i] : NaN;
  }
  if (method === 'ampi') {
    acc2.fill(0, 0, n);
    for (let k = 0; k < m; k++) {
      const j = members ? members[k] : k;
      const w = weights[j];
      if (!(w > 0)) continue;
      const col = columns[j];
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== v) continue;
        const d = v - acc[i];
        acc2[i] += w * d * d;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (!(sumW[i] > 0) || share[i] < threshold) {
      scores[i] = NaN;
      continue;
    }
    const mean = acc[i];
    if (method === 'arithmetic') scores[i] = mean;
    else if (method === 'geometric') scores[i] = Math.exp(mean);
    else scores[i] = mean > 0 ? mean - acc2[i] / sumW[i] / mean : NaN;
  }
}

/**
 * Contribution of each indicator to each score (see the file comment), after aggregateInto with the
 * same arguments and scratch. NaN where the indicator is not available or the territory not scored.
 */
export function contributionsInto(
  method: Aggregation,
  columns: readonly Float64Array[],
  weights: ArrayLike<number>,
  scores: Float64Array,
  scratch: AggregateScratch,
  out: Float64Array[]
): void {
  const n = scores.length;
  const { sumW, acc } = scratch;
  for (let j = 0; j < columns.length; j++) {
    const col = columns[j];
    const res = out[j];
    const w = weights[j];
    for (let i = 0; i < n; i++) {
      const v = col[i];
      const s = scores[i];
      if (v !== v || s !== s || !(w > 0)) {
        res[i] = NaN;
        continue;
      }
      const wt = w / sumW[i];
      if (method === 'arithmetic') res[i] = wt * v;
      else if (method === 'geometric') {
        const ls = Math.log(s);
        res[i] = Math.abs(ls) < 1e-12 ? wt * s : (s * wt * v) / ls;
      } else {
        const mean = acc[i];
        res[i] = wt * (v - ((v - mean) * (v - mean)) / mean);
      }
    }
  }
}
