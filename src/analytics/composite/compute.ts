/**
 * The employability coefficient of every territory of a matrix under a configuration.
 *
 * Two stages, so that a slider move re-runs only the cheap one:
 *   prepare(matrix, config)   imputation, winsorising; normalised columns computed lazily and cached
 *                             per method (and per aggregation: ln g for geometric, r for AMPI)
 *   scoreWith(prepared, w)    aggregation with weights w (per config indicator), ranks, pillar
 *                             sub-scores, contributions — typed arrays only, no per-cell objects
 * computeIndex(matrix, config) = scoreWith(prepare(matrix, config), effectiveWeights(config)).
 */
import {
  PILLARS,
  activePillars,
  effectiveWeights,
  type Aggregation,
  type Config,
  type Normalisation,
  type Pillar,
} from './config';
import type { Matrix } from './matrix';
import { applyMissing } from './missing';
import { winsorise } from './winsorise';
import { normalise, type Polarity } from './normalise';
import {
  aggregateInto,
  aggregateScratch,
  ampiColumn,
  contributionsInto,
  geometricColumn,
  ownShareInto,
  type AggregateScratch,
} from './aggregate';
import { SOURCE_LEVELS } from './matrix';
import { rankScores } from './ranking';

export type Status = 'ok' | 'insufficient';

export interface Prepared {
  matrix: Matrix;
  config: Config;
  /** territories */
  n: number;
  /** config indicator j → matrix indicator index */
  matrixIndex: Int32Array;
  /** per config indicator: values after imputation and winsorising (NaN = missing) */
  values: Float64Array[];
  /** per config indicator: 1 = own or inherited value, 0 = imputed or missing */
  observed: Uint8Array[];
  /** per config indicator: 1 = a value measured at the matrix's own level (not inherited, not imputed) */
  own: Uint8Array[];
  /** per config indicator: its pillar's index in PILLARS, the groups of the re-spreading; null = over all */
  groups: Uint8Array | null;
  polarity: Polarity[];
  /** pillars with enabled indicators (PILLARS order) and their config indicator indices */
  pillars: Pillar[];
  pillarMembers: Map<Pillar, Int32Array>;
  /** reference per config indicator (Italy or mean, see Matrix.ref) */
  ref: Float64Array;
  /** lazily computed columns: 'norm:<method>', 'geo:<method>', 'ampi' */
  cache: Map<string, Float64Array[]>;
}

export interface CompositeResult {
  ids: string[];
  normalisation: Normalisation;
  aggregation: Aggregation;
  /** the weights used, per config indicator, summing to 1 */
  weights: Float64Array;
  /** NaN = not scored */
  scores: Float64Array;
  status: Status[];
  /** 1 = best, ties share the minimum rank, 0 = not scored */
  rank: Int32Array;
  pillars: Pillar[];
  /** same aggregation within each pillar; minObservedShare applies within the pillar */
  pillarScores: Partial<Record<Pillar, Float64Array>>;
  /** per config indicator: its part of the score (see aggregate.ts); they sum to the score */
  contributions: Float64Array[];
  /** observed share of weight, 0..1 */
  observedShare: Float64Array;
  /** share of the (re-spread) weight from values measured at the level itself, 0..1; NaN = not scored */
  ownLevelShare: Float64Array;
  /** per config indicator: the normalised values (higher = better); for AMPI its r_ij */
  normalised: Float64Array[];
  /** scored territories */
  scored: number;
}

export function prepare(matrix: Matrix, config: Config): Prepared {
  const n = matrix.codes.length;
  const where = new Map(matrix.ids.map((id, j) => [id, j]));
  const matrixIndex = new Int32Array(config.indicators.length);
  const values: Float64Array[] = [];
  const observed: Uint8Array[] = [];
  const own: Uint8Array[] = [];
  const ownCode = SOURCE_LEVELS.indexOf(matrix.level);
  const ref = new Float64Array(config.indicators.length);
  config.indicators.forEach((ind, j) => {
    const mj = where.get(ind.id);
    if (mj === undefined)
      throw new Error(`computeIndex: indicator "${ind.id}" is not in the matrix (has: ${matrix.ids.join(', ')})`);
    matrixIndex[j] = mj;
    const imp = applyMissing(matrix.values[mj], matrix.parentValues[mj], config.missing);
    values.push(
      config.winsor ? winsorise(imp.values, config.winsor.lower, config.winsor.upper, imp.values) : imp.values,
    );
    observed.push(imp.observed);
    const src = matrix.sourceLevel[mj];
    own.push(Uint8Array.from(imp.observed, (o, i) => (o === 1 && src[i] === ownCode ? 1 : 0)));
    ref[j] = matrix.ref[mj];
  });
  const pillars = activePillars(config);
  const pillarMembers = new Map<Pillar, Int32Array>();
  for (const p of pillars) {
    pillarMembers.set(
      p,
      Int32Array.from(config.indicators.flatMap((ind, j) => (ind.enabled && ind.pillar === p ? [j] : []))),
    );
  }
  return {
    matrix,
    config,
    n,
    matrixIndex,
    values,
    observed,
    own,
    groups:
      config.respread === 'all'
        ? null
        : Uint8Array.from(config.indicators, (i) => Math.max(0, PILLARS.indexOf(i.pillar))),
    polarity: config.indicators.map((i) => i.polarity),
    pillars,
    pillarMembers,
    ref,
    cache: new Map(),
  };
}

/** Normalised values per config indicator (cached). */
export function normalisedColumns(p: Prepared, method: Normalisation): Float64Array[] {
  const key = `norm:${method}`;
  let cols = p.cache.get(key);
  if (!cols) {
    cols = p.values.map((x, j) => normalise(method, x, p.polarity[j], p.ref[j]));
    p.cache.set(key, cols);
  }
  return cols;
}

/** What the aggregation consumes per config indicator (cached): y, ln g or r. */
export function aggregationColumns(
  p: Prepared,
  aggregation: Aggregation,
  normalisation: Normalisation,
): Float64Array[] {
  if (aggregation === 'arithmetic') return normalisedColumns(p, normalisation);
  const key = aggregation === 'ampi' ? 'ampi' : `geo:${normalisation}`;
  let cols = p.cache.get(key);
  if (!cols) {
    cols =
      aggregation === 'ampi'
        ? p.values.map((x, j) => ampiColumn(x, p.polarity[j], p.ref[j]))
        : normalisedColumns(p, normalisation).map((y) => geometricColumn(y));
    p.cache.set(key, cols);
  }
  return cols;
}

/** Overall scores only, with no threshold (the Monte Carlo's fast path; `share` is left at 0). */
export function scoresInto(
  p: Prepared,
  weights: ArrayLike<number>,
  normalisation: Normalisation,
  aggregation: Aggregation,
  scores: Float64Array,
  share: Float64Array,
  scratch: AggregateScratch,
): void {
  aggregateInto(
    aggregation,
    aggregationColumns(p, aggregation, normalisation),
    p.observed,
    weights,
    null,
    0,
    scores,
    share,
    scratch,
    false,
    p.groups,
  );
}

export interface ScoreOptions {
  normalisation?: Normalisation;
  aggregation?: Aggregation;
}

/** Everything weights-dependent: call again after a slider move (weights per config indicator). */
/** f's value, computed on the first call only. */
function once<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}

export function scoreWith(
  p: Prepared,
  weights: ArrayLike<number> = effectiveWeights(p.config),
  options: ScoreOptions = {},
): CompositeResult {
  const normalisation = options.normalisation ?? p.config.normalisation;
  const aggregation = options.aggregation ?? p.config.aggregation;
  const k = p.config.indicators.length;
  if (weights.length !== k) throw new Error(`scoreWith: ${weights.length} weights for ${k} indicators`);
  const w = new Float64Array(k);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const v = p.config.indicators[j].enabled && weights[j] > 0 ? weights[j] : 0;
    w[j] = v;
    sum += v;
  }
  if (sum > 0) for (let j = 0; j < k; j++) w[j] /= sum;

  const n = p.n;
  const cols = aggregationColumns(p, aggregation, normalisation);
  const scratch = aggregateScratch(n);
  const scores = new Float64Array(n);
  const observedShare = new Float64Array(n);
  const minShare = p.config.minObservedShare;
  aggregateInto(aggregation, cols, p.observed, w, null, minShare, scores, observedShare, scratch, true, p.groups);
  // what recolouring does not need is computed when first read: contributions and the own-level share read the
  // main aggregation's scratch (written by nothing else afterwards), the pillar scores use a scratch of their own
  const contributions = once(() => {
    const c = Array.from({ length: k }, () => new Float64Array(n));
    contributionsInto(aggregation, cols, w, scores, scratch, c, p.groups);
    return c;
  });
  const ownLevelShare = once(() => {
    const o = new Float64Array(n);
    ownShareInto(cols, p.own, w, scores, scratch, o, p.groups);
    return o;
  });
  const pillarScores = once(() => {
    const ps: Partial<Record<Pillar, Float64Array>> = {};
    const own = aggregateScratch(n);
    const pillarShare = new Float64Array(n);
    for (const pl of p.pillars) {
      const s = new Float64Array(n);
      aggregateInto(aggregation, cols, p.observed, w, p.pillarMembers.get(pl) ?? null, minShare, s, pillarShare, own);
      ps[pl] = s;
    }
    return ps;
  });
  const status: Status[] = new Array(n);
  let scored = 0;
  for (let i = 0; i < n; i++) {
    const ok = scores[i] === scores[i];
    status[i] = ok ? 'ok' : 'insufficient';
    if (ok) scored++;
  }
  return {
    ids: p.config.indicators.map((i) => i.id),
    normalisation,
    aggregation,
    weights: w,
    scores,
    status,
    rank: rankScores(scores),
    pillars: p.pillars,
    get pillarScores() {
      return pillarScores();
    },
    get contributions() {
      return contributions();
    },
    observedShare,
    get ownLevelShare() {
      return ownLevelShare();
    },
    normalised: aggregation === 'ampi' ? cols : normalisedColumns(p, normalisation),
    scored,
  };
}

export function computeIndex(matrix: Matrix, config: Config): CompositeResult {
  return scoreWith(prepare(matrix, config), effectiveWeights(config));
}
