// Over 300 lines: the audit as one run: statistics, sensitivity and the report in JSON and text.
/**
 * The statistical audit of the coefficient on the current configuration and level (COINr's
 * conventions; stats.ts and sobol.ts):
 *
 *  - auditStatistics: correlations (Pearson and Spearman, with p-values) among the indicators, and of
 *    each indicator with its pillar's sub-score and with the index; flags |r| > 0.9 (COINr's
 *    collinearity flag) and negative correlations inside a pillar; Cronbach's alpha per pillar; PCA;
 *    outlier flags on the raw values with COINr's winsorising suggestion. Correlations, alpha and PCA
 *    use the normalised values of the chosen method (polarity applied: higher = better).
 *  - sensitivityRun: Sobol first-order and total indices of the OPEN CHOICES on every ranked
 *    territory's rank and on the ranking as a whole (the mean absolute rank shift from the chosen
 *    configuration's ranking). Five factors, each uniform on (0, 1), mapped to its alternatives:
 *      weights        one of 100 seeded Dirichlet(c·w*) weight sets around the chosen weights w*
 *                     (c = the configuration's weightConcentration, as the Monte Carlo)
 *      normalisation  min–max, z-score, percentile, distance to Italy
 *      aggregation    arithmetic, geometric, AMPI−
 *      missing        re-weighting, or the parent territory's value
 *      winsorising    none, or 5–95 % (when the configuration winsorises: its percentiles, or none)
 *    The ranked set is the territories scored under the chosen configuration (as the Monte Carlo);
 *    a territory a run cannot score is ranked after all the others in that run.
 */
import { createRng, dirichlet } from '../../rng';
import {
  AGGREGATIONS,
  MISSING_POLICIES,
  NORMALISATIONS,
  PILLARS,
  effectiveWeights,
  type Config,
  type Pillar,
} from '../config';
import { normalisedColumns, prepare, scoreWith, scoresInto, type CompositeResult, type Prepared } from '../compute';
import { aggregateScratch } from '../aggregate';
import { rankScores, rankScratch } from '../ranking';
import type { Matrix } from '../matrix';
import {
  checkOutliers,
  correlation,
  correlationMatrix,
  cronbachAlpha,
  pca,
  type Alpha,
  type Correlation,
  type OutlierCheck,
  type Pca,
} from './stats';
import { sobolRun, type SobolInterval, type SobolRun } from './sobol';

export const COLLINEAR_R = 0.9;

export interface IndicatorAudit {
  id: string;
  pillar: Pillar;
  /** with its pillar's sub-score and with the index */
  withPillar: { pearson: Correlation; spearman: Correlation };
  withIndex: { pearson: Correlation; spearman: Correlation };
  /** on the raw values (before imputation and winsorising) */
  outliers: OutlierCheck;
}

export interface AuditStatistics {
  level: string;
  /** the indicators audited: enabled with weight > 0 (config order) */
  ids: string[];
  pillars: Pillar[];
  pearson: Correlation[][];
  spearman: Correlation[][];
  indicators: IndicatorAudit[];
  /** pairs with |Pearson r| > 0.9 */
  collinear: { a: string; b: string; r: number }[];
  /** pairs in the same pillar with a negative Pearson r, significant at 5 % */
  negativeInPillar: { a: string; b: string; r: number; p: number }[];
  /** per pillar with at least 2 indicators */
  alpha: Partial<Record<Pillar, Alpha>>;
  pca: Pca | null;
  flagged: string[];
}

/** The indicators the audit looks at: enabled, weight > 0 (config indices). */
export function auditedIndicators(config: Config): number[] {
  const w = effectiveWeights(config);
  return config.indicators.flatMap((ind, j) => (ind.enabled && w[j] > 0 ? [j] : []));
}

export function auditStatistics(p: Prepared, result: CompositeResult = scoreWith(p)): AuditStatistics {
  const js = auditedIndicators(p.config);
  const norm = normalisedColumns(p, p.config.normalisation);
  const cols = js.map((j) => norm[j]);
  const ids = js.map((j) => p.config.indicators[j].id);
  const pearson = correlationMatrix(cols, 'pearson');
  const spearman = correlationMatrix(cols, 'spearman');
  const indicators: IndicatorAudit[] = js.map((j, a) => {
    const pillar = p.config.indicators[j].pillar;
    const ps = result.pillarScores[pillar] ?? new Float64Array(p.n).fill(NaN);
    return {
      id: ids[a],
      pillar,
      withPillar: { pearson: correlation(cols[a], ps, 'pearson'), spearman: correlation(cols[a], ps, 'spearman') },
      withIndex: {
        pearson: correlation(cols[a], result.scores, 'pearson'),
        spearman: correlation(cols[a], result.scores, 'spearman'),
      },
      outliers: checkOutliers(p.matrix.values[p.matrixIndex[j]]),
    };
  });
  const collinear: AuditStatistics['collinear'] = [];
  const negativeInPillar: AuditStatistics['negativeInPillar'] = [];
  for (let a = 0; a < js.length; a++) {
    for (let b = a + 1; b < js.length; b++) {
      const c = pearson[a][b];
      if (Math.abs(c.r) > COLLINEAR_R) collinear.push({ a: ids[a], b: ids[b], r: c.r });
      if (indicators[a].pillar === indicators[b].pillar && c.r < 0 && c.p < 0.05)
        negativeInPillar.push({ a: ids[a], b: ids[b], r: c.r, p: c.p });
    }
  }
  const alpha: AuditStatistics['alpha'] = {};
  const pillars = PILLARS.filter((pl) => indicators.some((i) => i.pillar === pl));
  for (const pl of pillars) {
    const members = js.flatMap((_, a) => (indicators[a].pillar === pl ? [cols[a]] : []));
    if (members.length >= 2) alpha[pl] = cronbachAlpha(members);
  }
  return {
    level: p.matrix.level,
    ids,
    pillars,
    pearson,
    spearman,
    indicators,
    collinear,
    negativeInPillar,
    alpha,
    pca: pca(cols),
    flagged: indicators.filter((i) => i.outliers.flagged).map((i) => i.id),
  };
}

// ---------------- sensitivity ----------------

export type Factor = 'weights' | 'normalisation' | 'aggregation' | 'missing' | 'winsor';
export const FACTORS: readonly Factor[] = ['weights', 'normalisation', 'aggregation', 'missing', 'winsor'];
export const WEIGHT_SETS = 100;
export const DEFAULT_WINSOR = { lower: 0.05, upper: 0.95 };

export interface SensitivityOptions {
  /** base sample N (runs = N·(5 + 2)); default 256 */
  n?: number;
  seed?: number;
  /** bootstrap resamples for the ranking-wide indices (default 500) */
  bootstrap?: number;
}

export interface SensitivityResult {
  factors: Factor[];
  n: number;
  seed: number;
  runs: number;
  /** territories ranked (matrix indices) */
  members: Int32Array;
  /** mean absolute rank shift from the chosen ranking: its indices, mean and 5–95 % intervals */
  summary: { first: Float64Array; total: Float64Array; variance: number; mean: number; interval: SobolInterval };
  /** per ranked territory s and factor f at s·d + f (NaN: the rank never moves) */
  first: Float64Array;
  total: Float64Array;
  /** per ranked territory: its rank variance (0 = never moves) */
  rankVariance: Float64Array;
  /** per ranked territory: the factor with the largest total index, −1 when its rank never moves */
  driver: Int8Array;
  /** territories whose main driver is each factor */
  driverCounts: number[];
}

const choose = <T>(u: number, options: readonly T[]): T =>
  options[Math.min(options.length - 1, Math.floor(u * options.length))];

/** The model of the open choices on the ranks (see the file comment) and its ranked set. */
export function sensitivityModel(matrix: Matrix, config: Config, seed: number) {
  const chosenW = effectiveWeights(config);
  const base = prepare(matrix, config);
  const point = scoreWith(base, chosenW);
  const members: number[] = [];
  for (let i = 0; i < base.n; i++) if (point.status[i] === 'ok') members.push(i);
  const m = members.length;
  const winsors = config.winsor ? [config.winsor, null] : [null, DEFAULT_WINSOR];
  const prepared = new Map<string, Prepared>();
  const prep = (missing: Config['missing'], w: Config['winsor']) => {
    const key = `${missing}|${w ? `${w.lower}-${w.upper}` : 'none'}`;
    let p = prepared.get(key);
    if (!p)
      prepared.set(
        key,
        (p =
          key === `${config.missing}|${config.winsor ? `${config.winsor.lower}-${config.winsor.upper}` : 'none'}`
            ? base
            : prepare(matrix, { ...config, missing, winsor: w })),
      );
    return p;
  };
  const conc = config.uncertainty.weightConcentration;
  const wRandom = createRng((seed + 0x9e3779b9) >>> 0);
  const alphas = Float64Array.from(point.weights, (w) => conc * w);
  const weightSets = Array.from({ length: WEIGHT_SETS }, () => dirichlet(wRandom, alphas));
  const chosenRank = new Int32Array(m);
  const scores = new Float64Array(base.n);
  const share = new Float64Array(base.n);
  const scratch = aggregateScratch(base.n);
  const sub = new Float64Array(m);
  const subRank = new Int32Array(m);
  const rs = rankScratch(m);
  for (let s = 0; s < m; s++) sub[s] = point.scores[members[s]];
  rankScores(sub, chosenRank, rs);
  const model = (x: Float64Array, out: Float64Array) => {
    const w = choose(x[0], weightSets);
    const norm = choose(x[1], NORMALISATIONS);
    const agg = choose(x[2], AGGREGATIONS);
    const missing = choose(x[3], MISSING_POLICIES);
    const win = choose(x[4], winsors);
    scoresInto(prep(missing, win), w, norm, agg, scores, share, scratch);
    for (let s = 0; s < m; s++) {
      const v = scores[members[s]];
      sub[s] = v === v ? v : -Infinity;
    }
    rankScores(sub, subRank, rs);
    let shift = 0;
    for (let s = 0; s < m; s++) {
      out[s] = subRank[s];
      shift += Math.abs(subRank[s] - chosenRank[s]);
    }
    out[m] = m ? shift / m : 0;
  };
  return { model, d: FACTORS.length, outputs: m + 1, members: Int32Array.from(members), chosenRank };
}

export interface SensitivityStepper {
  readonly total: number;
  readonly done: number;
  step(rows: number): boolean;
  result(): SensitivityResult;
}

/** The Saltelli run over the open choices, in steps (rows of d + 2 runs each). */
export function sensitivityRun(matrix: Matrix, config: Config, options: SensitivityOptions = {}): SensitivityStepper {
  const n = options.n ?? 256;
  const seed = options.seed ?? config.uncertainty.seed;
  const sm = sensitivityModel(matrix, config, seed);
  const m = sm.members.length;
  const run: SobolRun = sobolRun(sm.model, sm.d, sm.outputs, {
    n,
    seed,
    keep: [m],
    bootstrap: options.bootstrap ?? 500,
  });
  return {
    get total() {
      return run.total;
    },
    get done() {
      return run.done;
    },
    step: (rows: number) => run.step(rows),
    result(): SensitivityResult {
      const r = run.result();
      const d = sm.d;
      const first = new Float64Array(m * d);
      const total = new Float64Array(m * d);
      const rankVariance = new Float64Array(m);
      const driver = new Int8Array(m).fill(-1);
      const driverCounts = new Array<number>(d).fill(0);
      for (let s = 0; s < m; s++) {
        const ix = r.indices[s];
        rankVariance[s] = ix.variance;
        let best = -1;
        for (let f = 0; f < d; f++) {
          first[s * d + f] = ix.first[f];
          total[s * d + f] = ix.total[f];
          if (ix.total[f] === ix.total[f] && (best < 0 || ix.total[f] > ix.total[best])) best = f;
        }
        driver[s] = best;
        if (best >= 0) driverCounts[best]++;
      }
      const sIx = r.indices[m];
      return {
        factors: [...FACTORS],
        n,
        seed,
        runs: r.runs,
        members: sm.members,
        summary: {
          first: sIx.first,
          total: sIx.total,
          variance: sIx.variance,
          mean: sIx.mean,
          interval: r.intervals[0],
        },
        first,
        total,
        rankVariance,
        driver,
        driverCounts,
      };
    },
  };
}

export function runSensitivity(matrix: Matrix, config: Config, options: SensitivityOptions = {}): SensitivityResult {
  const s = sensitivityRun(matrix, config, options);
  s.step(s.total);
  return s.result();
}

/** Factors ordered by their total index on the ranking as a whole (largest first; NaN last). */
export function driversInOrder(
  r: SensitivityResult,
): { factor: Factor; first: number; total: number; lo: number; hi: number }[] {
  return r.factors
    .map((factor, f) => ({
      factor,
      first: r.summary.first[f],
      total: r.summary.total[f],
      lo: r.summary.interval.totalLo[f],
      hi: r.summary.interval.totalHi[f],
    }))
    .sort((a, b) => (b.total === b.total ? b.total : -1) - (a.total === a.total ? a.total : -1));
}
