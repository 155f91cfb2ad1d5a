/**
 * Aggregation of normalised indicators into a score, per territory, with re-weighting of missing
 * values (see missing.ts) and the decomposition of each score into per-indicator contributions.
 *
 * Each method works on a "column" per indicator prepared once (aggregationColumn) and a weight per
 * indicator; w̃_ij are the weights re-spread over the indicators the territory has (NaN = not
 * available), summing to 1: by default a missing indicator's weight goes to the other indicators of
 * ITS PILLAR (OECD–JRC Handbook, COINr: "re-normalised within its group"), so the pillars keep their
 * weights; option 'all': w̃_ij = w_j / Σ_{available k} w_k over every indicator (see respreadInto).
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
 *   values instead of the chosen normalisation, with goalposts Ref_j (the national value; the mean of
 *   the territories only when the data has none, flagged refSource 'mean') and Δ_j = (max_j − min_j)/2:
 *     r_ij = 70 + 60·(x_ij − (Ref_j − Δ_j))/(2Δ_j)   (polarity +1; r = 100 at the reference)
 *     r_ij = 130 − 60·(x_ij − (Ref_j − Δ_j))/(2Δ_j)  (polarity −1)
 *   (Δ_j = 0: r = 100 for everyone). Then AMPI−_i = M_i − S_i·cv_i = M_i − S_i²/M_i with M_i and S_i
 *   the WEIGHTED mean and weighted population SD of r_ij over the territory's indicators (weights
 *   w̃_ij). Ref_j is the national value (matrix.ts nationalReference). With equal weights this is exactly Mazziotta–Pareto's unweighted formula; weighting lets
 *   the sliders and the Monte Carlo act on AMPI too. M_i ≤ 0 gives NaN (cv undefined).
 *   Contribution: w̃_ij·(r_ij − (r_ij − M_i)²/M_i): the indicator's weighted value minus its share of
 *   the penalty (its weighted squared deviation); sums to the score.
 */
import type { Aggregation } from './config';
import type { Polarity } from './normalise';

/** The smallest and the largest value (a missing NaN compares false: left out). */
function extent(xs: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < min) min = xs[i];
    if (xs[i] > max) max = xs[i];
  }
  return [min, max];
}

/** The geometric-mean column: ln of y re-scaled linearly to 1..100. */
export function geometricColumn(y: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(y.length);
  const [min, max] = extent(y);
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
  const [min, max] = extent(x);
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
  /** 1 when the territory has an available indicator with weight > 0, else 0 */
  sumW: Float64Array;
  /** the weighted mean M (AMPI), Σ w̃·ln g (geometric) or the score (arithmetic) */
  acc: Float64Array;
  acc2: Float64Array;
  /** per group: available weight A_gi, partial sum P_gi = Σ_{j∈g} w_j·y_ij, factor f_gi (w̃_ij = w_j·f_g(j),i) */
  avail: Float64Array[];
  part: Float64Array[];
  scale: Float64Array[];
}

export function aggregateScratch(n: number): AggregateScratch {
  return {
    sumW: new Float64Array(n),
    acc: new Float64Array(n),
    acc2: new Float64Array(n),
    avail: [],
    part: [],
    scale: [],
  };
}

/** Relative tolerance on the observed-share threshold (2 of 4 equal weights is exactly 0.5). */
const SHARE_EPS = 1e-12;

/**
 * Scores of every territory from `columns` (see geometricColumn, ampiColumn; arithmetic takes the
 * normalised values) over the indicators `members` (all when null). `observed[j][i]` = 1 when the
 * value is the territory's own or inherited (not imputed, not missing). Writes `scores` (NaN = not
 * scored: observed share < minShare, or no available indicator with weight > 0) and `share` (the
 * observed share of weight Σ_observed w / Σ w over members).
 *
 * Re-spreading: `groups[j]` = the group (pillar) of column j, or null = one group. With
 * W_g = Σ_{j∈g} w_j and A_gi = Σ_{j∈g, available for i} w_j, the weights of territory i are
 *   w̃_ij = w_j·f_g(j),i,   f_gi = (W_g / A_gi) / Σ_{g′: A_g′i > 0} W_g′   (0 when A_gi = 0)
 * i.e. a missing indicator's weight goes to the available indicators of ITS group, in proportion to
 * their weights; a group with nothing available passes its weight to the other groups. With one
 * group this is w̃_ij = w_j / Σ_available w (re-spread over all indicators). One pass over the data:
 * the partial sums P_gi = Σ_{j∈g} w_j·y_ij give M_i = Σ_g f_gi·P_gi.
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
  withShare = true,
  groups: ArrayLike<number> | null = null,
): void {
  const n = scores.length;
  if (!withShare && minShare > 0) throw new Error('aggregateInto: withShare = false needs minShare ≤ 0');
  const m = members ? members.length : columns.length;
  let G = 1;
  if (groups) for (let k = 0; k < m; k++) G = Math.max(G, 1 + groups[members ? members[k] : k]);
  const len = scratch.sumW.length;
  while (scratch.avail.length < G) {
    scratch.avail.push(new Float64Array(len));
    scratch.part.push(new Float64Array(len));
    scratch.scale.push(new Float64Array(len));
  }
  const { sumW, acc, acc2, avail, part, scale } = scratch;
  for (let g = 0; g < G; g++) {
    avail[g].fill(0, 0, n);
    part[g].fill(0, 0, n);
  }
  share.fill(0, 0, n);
  const groupW = new Float64Array(G);
  let total = 0;
  for (let k = 0; k < m; k++) {
    const j = members ? members[k] : k;
    const w = weights[j];
    if (!(w > 0)) continue;
    total += w;
    const g = groups ? groups[j] : 0;
    groupW[g] += w;
    const col = columns[j];
    const a = avail[g];
    const pt = part[g];
    if (withShare) {
      const obs = observed[j];
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== v) continue;
        a[i] += w;
        pt[i] += w * v;
        if (obs[i] === 1) share[i] += w;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== v) continue;
        a[i] += w;
        pt[i] += w * v;
      }
    }
  }
  const threshold = minShare * (1 - SHARE_EPS);
  for (let i = 0; i < n; i++) {
    share[i] = total > 0 ? share[i] / total : 0;
    let d = 0;
    for (let g = 0; g < G; g++) if (avail[g][i] > 0) d += groupW[g];
    let mean = 0;
    for (let g = 0; g < G; g++) {
      const ag = avail[g][i];
      const f = ag > 0 ? groupW[g] / (ag * d) : 0;
      scale[g][i] = f;
      mean += f * part[g][i];
    }
    sumW[i] = d > 0 ? 1 : 0;
    acc[i] = d > 0 ? mean : NaN;
  }
  if (method === 'ampi') {
    acc2.fill(0, 0, n);
    for (let k = 0; k < m; k++) {
      const j = members ? members[k] : k;
      const w = weights[j];
      if (!(w > 0)) continue;
      const col = columns[j];
      const f = scale[groups ? groups[j] : 0];
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (v !== v) continue;
        const dv = v - acc[i];
        acc2[i] += w * f[i] * dv * dv;
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
    else scores[i] = mean > 0 ? mean - acc2[i] / mean : NaN;
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
  out: Float64Array[],
  groups: ArrayLike<number> | null = null,
): void {
  const n = scores.length;
  const { acc, scale } = scratch;
  for (let j = 0; j < columns.length; j++) {
    const col = columns[j];
    const res = out[j];
    const w = weights[j];
    const f = scale[groups ? groups[j] : 0];
    for (let i = 0; i < n; i++) {
      const v = col[i];
      const s = scores[i];
      if (v !== v || s !== s || !(w > 0)) {
        res[i] = NaN;
        continue;
      }
      const wt = w * f[i];
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

/**
 * Share of each scored territory's weight that comes from values measured at the map's own level
 * (`own[j][i]` = 1), Σ_j w̃_ij·own_ij with the re-spread weights of the last aggregateInto (same
 * arguments and scratch). NaN where the territory is not scored.
 */
export function ownShareInto(
  columns: readonly Float64Array[],
  own: readonly Uint8Array[],
  weights: ArrayLike<number>,
  scores: Float64Array,
  scratch: AggregateScratch,
  out: Float64Array,
  groups: ArrayLike<number> | null = null,
): void {
  const n = scores.length;
  out.fill(0, 0, n);
  for (let j = 0; j < columns.length; j++) {
    const w = weights[j];
    if (!(w > 0)) continue;
    const col = columns[j];
    const o = own[j];
    const f = scratch.scale[groups ? groups[j] : 0];
    for (let i = 0; i < n; i++) if (o[i] === 1 && col[i] === col[i]) out[i] += w * f[i];
  }
  for (let i = 0; i < n; i++) if (scores[i] !== scores[i]) out[i] = NaN;
}
