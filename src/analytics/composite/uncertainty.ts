/**
 * Uncertainty and sensitivity analysis by Monte Carlo (methods.md §1.8; OECD–JRC Handbook §2.7).
 *
 * Draw d = 0..D−1:
 *   1. the method: the distinct (normalisation, aggregation) variants in play are taken IN TURN,
 *      variant d mod V (stratified, not drawn at random). With both switches on: 4 normalisations ×
 *      {arithmetic, geometric} + AMPI once (AMPI re-scales the raw values itself, so its normalisation
 *      does not matter) = 9 variants; with one switch, that switch's variants around the chosen
 *      method; with none, the chosen method only. Every variant thus gets the same share of draws
 *      (±1), none more than 1/V by chance, and AMPI does not take a third of the draws four times over.
 *   2. indicator weights, with one seeded generator (rng.ts): w ~ Dirichlet(c · w*) around the chosen
 *      weights w* (Σw* = 1): E[w] = w*, and the larger c (weightConcentration), the closer the draws
 *      (Var w_j = w*_j(1 − w*_j)/(c + 1)). Indicators with chosen weight 0 stay at 0.
 * Each draw's scores are turned into ranks within the draw before anything is combined, so the
 * different scales of the methods (z-scores, 0–100, AMPI's 70–130) never mix.
 * then the scores and competition ranks. Normalised columns are cached per method in the Prepared,
 * so a draw costs one aggregation and one ranking, not a full computation.
 *
 * Ranked set: the territories scored under the chosen configuration (status 'ok'); draws re-rank only
 * those, without re-applying the observed-share threshold (Dirichlet weights move the share around
 * the threshold and the set of ranks would change under the reader). A territory that a draw cannot
 * score (e.g. distance_to_ref with a zero reference) is ranked after all the others in that draw.
 *
 * Percentiles: nearest-rank, p-th = the ⌈p/100 · D⌉-th smallest of the territory's D ranks (always an
 * observed rank, p05 ≤ p50 ≤ p95). `uncertain` = p95 − p05 > uncertainShare × (ranked territories):
 * the interval covers more than that share of the ranking (config.uncertainty.uncertainShare, set
 * by the user; default 0.4, i.e. the territory could be anywhere in 40 % of the ranking).
 *
 * Pure (no DOM), so it runs in a Web Worker: `monteCarlo(...)` returns a stepper that the worker can
 * run in slices and yield in between (to receive an abort message); runMonteCarlo runs it to the end,
 * calling onProgress every progressEvery draws and checking signal.aborted there.
 */
import { createRng, dirichlet } from '../rng';
import {
  AGGREGATIONS,
  DEFAULT_UNCERTAINTY,
  NORMALISATIONS,
  effectiveWeights,
  type Aggregation,
  type Normalisation,
} from './config';
import { aggregateScratch } from './aggregate';
import { scoreWith, scoresInto, type Prepared } from './compute';
import { rankScores, rankScratch } from './ranking';
import { stepped, type SteppedRun } from './stepped';

export interface MonteCarloOptions {
  draws?: number;
  seed?: number;
  weightConcentration?: number;
  switchNormalisation?: boolean;
  switchAggregation?: boolean;
  /** chosen weights per config indicator (default effectiveWeights(config)) */
  weights?: ArrayLike<number>;
  /** interval width above this share of the ranked territories → uncertain (default: the configuration's) */
  uncertainShare?: number;
  onProgress?: (done: number, total: number) => void;
  /** default 50 */
  progressEvery?: number;
  signal?: { readonly aborted: boolean };
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  /** territories ranked (scored under the chosen configuration) */
  ranked: number;
  /** per territory; 0 = not ranked */
  rankP05: Int32Array;
  rankP50: Int32Array;
  rankP95: Int32Array;
  /** 1 = interval wider than uncertainShare × ranked */
  uncertain: Uint8Array;
  /** draws per normalisation (AMPI draws, which use none, are not counted here) */
  normalisationCounts: Record<Normalisation, number>;
  aggregationCounts: Record<Aggregation, number>;
  /** the share of the ranking above which a rank is "uncertain" */
  uncertainShare: number;
  /** territories flagged uncertain */
  uncertainCount: number;
}

/** The distinct (normalisation, aggregation) pairs the Monte Carlo takes in turn (see the file comment). */
export function methodVariants(
  normalisation: Normalisation,
  aggregation: Aggregation,
  switchNormalisation: boolean,
  switchAggregation: boolean,
): [Normalisation, Aggregation][] {
  const norms = switchNormalisation ? NORMALISATIONS : [normalisation];
  const aggs = switchAggregation ? AGGREGATIONS : [aggregation];
  const out: [Normalisation, Aggregation][] = [];
  for (const a of aggs) {
    if (a === 'ampi') out.push([normalisation, 'ampi']);
    else for (const n of norms) out.push([n, a]);
  }
  return out;
}

export class MonteCarloAborted extends Error {
  constructor(public readonly done: number) {
    super(`Monte Carlo aborted after ${done} draws`);
    this.name = 'AbortError';
  }
}

/** A step is one draw; the result has the percentiles. */
export type MonteCarloRun = SteppedRun<MonteCarloResult>;

/** 0-based index of the nearest-rank p-th percentile among n sorted values: ⌈p·n⌉ − 1. */
export function nearestIndex(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil(p * n - 1e-9))) - 1;
}

/** Nearest-rank percentile of sorted values: the ⌈p·N⌉-th smallest (p in (0, 1]). */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  return sorted[nearestIndex(sorted.length, p)];
}

/**
 * Quickselect (Hoare partition, median-of-three pivot): afterwards a[k] holds the value it would have
 * in sorted order, with nothing larger in lo..k−1 and nothing smaller in k+1..hi.
 */
export function select(a: Uint16Array | Uint32Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

export function monteCarlo(p: Prepared, options: MonteCarloOptions = {}): MonteCarloRun {
  const u = p.config.uncertainty;
  const total = options.draws ?? u.draws;
  const seed = options.seed ?? u.seed;
  const conc = options.weightConcentration ?? u.weightConcentration;
  const switchN = options.switchNormalisation ?? u.switchNormalisation;
  const switchA = options.switchAggregation ?? u.switchAggregation;
  const uncertainShare = options.uncertainShare ?? u.uncertainShare ?? DEFAULT_UNCERTAINTY.uncertainShare;
  const variants = methodVariants(p.config.normalisation, p.config.aggregation, switchN, switchA);
  if (!Number.isInteger(total) || total < 1)
    throw new Error(`monteCarlo: draws must be a whole number ≥ 1, got ${total}`);
  if (!(conc > 0)) throw new Error(`monteCarlo: weightConcentration must be > 0, got ${conc}`);

  const point = scoreWith(p, options.weights ?? effectiveWeights(p.config));
  const chosen = point.weights;
  const members: number[] = [];
  for (let i = 0; i < p.n; i++) if (point.status[i] === 'ok') members.push(i);
  const m = members.length;
  const k = chosen.length;
  const alphas = Float64Array.from(chosen, (w) => conc * w);
  const random = createRng(seed);
  const weights = new Float64Array(k);
  const scores = new Float64Array(p.n);
  const share = new Float64Array(p.n);
  const scratch = aggregateScratch(p.n);
  const sub = new Float64Array(m);
  const subRank = new Int32Array(m);
  const rs = rankScratch(m);
  const ranks = m <= 0xffff ? new Uint16Array(m * total) : new Uint32Array(m * total);
  const normalisationCounts = Object.fromEntries(NORMALISATIONS.map((x) => [x, 0])) as Record<Normalisation, number>;
  const aggregationCounts = Object.fromEntries(AGGREGATIONS.map((x) => [x, 0])) as Record<Aggregation, number>;

  const draw = (d: number) => {
    const [norm, agg] = variants[d % variants.length];
    if (agg !== 'ampi') normalisationCounts[norm]++;
    aggregationCounts[agg]++;
    dirichlet(random, alphas, weights);
    scoresInto(p, weights, norm, agg, scores, share, scratch);
    for (let s = 0; s < m; s++) {
      const v = scores[members[s]];
      sub[s] = v === v ? v : -Infinity;
    }
    rankScores(sub, subRank, rs);
    for (let s = 0; s < m; s++) ranks[s * total + d] = subRank[s];
  };

  return stepped(
    total,
    draw,
    () => {
      const rankP05 = new Int32Array(p.n);
      const rankP50 = new Int32Array(p.n);
      const rankP95 = new Int32Array(p.n);
      const uncertain = new Uint8Array(p.n);
      let uncertainCount = 0;
      const k05 = nearestIndex(total, 0.05);
      const k50 = nearestIndex(total, 0.5);
      const k95 = nearestIndex(total, 0.95);
      for (let s = 0; s < m; s++) {
        const slice = ranks.subarray(s * total, (s + 1) * total);
        // three quickselects instead of a sort: k05 ≤ k50 ≤ k95, each search starts after the last
        select(slice, k05, 0, total - 1);
        select(slice, k50, k05, total - 1);
        select(slice, k95, k50, total - 1);
        const i = members[s];
        rankP05[i] = slice[k05];
        rankP50[i] = slice[k50];
        rankP95[i] = slice[k95];
        uncertain[i] = rankP95[i] - rankP05[i] > uncertainShare * m ? 1 : 0;
        uncertainCount += uncertain[i];
      }
      return {
        draws: total,
        seed,
        ranked: m,
        rankP05,
        rankP50,
        rankP95,
        uncertain,
        normalisationCounts,
        aggregationCounts,
        uncertainShare,
        uncertainCount,
      };
    },
    (done) => `monteCarlo: only ${done} of ${total} draws done`,
  );
}

/** Run every draw synchronously; throws MonteCarloAborted when signal.aborted at a progress point. */
export function runMonteCarlo(p: Prepared, options: MonteCarloOptions = {}): MonteCarloResult {
  const run = monteCarlo(p, options);
  const every = Math.max(1, options.progressEvery ?? 50);
  while (!run.step(every)) {
    options.onProgress?.(run.done, run.total);
    if (options.signal?.aborted) throw new MonteCarloAborted(run.done);
  }
  options.onProgress?.(run.done, run.total);
  return run.result();
}
