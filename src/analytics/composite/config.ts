// Over 300 lines: the configuration type, its defaults per level and its validation in plain words.
/**
 * The settings of the employability coefficient: a small JSON object (fits in a URL), validated where
 * it enters (a file, a link) with every problem listed, and the weights it implies.
 */
import type { IndicatorMeta } from '../catalogue';
import { INHERIT_FROM } from '../levels';
import { MAP_LEVELS, type MapLevel, type Pillar } from '../../contract';

export type { Pillar };
/** Fixed order of pillars: sub-score columns, CSV columns, legends. */
export const PILLARS: readonly Pillar[] = ['labour', 'stability', 'context'];
/** The coefficient is computed for every map level of Italy's hierarchy (not for Europe's NUTS2 regions). */
export type IndexLevel = Exclude<MapLevel, 'nuts2'>;
export const INDEX_LEVELS: readonly IndexLevel[] = MAP_LEVELS.filter((l): l is IndexLevel => l !== 'nuts2');
export type MissingPolicy = 'reweight' | 'impute_parent';
export const MISSING_POLICIES: readonly MissingPolicy[] = ['reweight', 'impute_parent'];
/** Where a missing indicator's weight goes: to the other indicators of its pillar, or of the whole index. */
export type Respread = 'pillar' | 'all';
export const RESPREADS: readonly Respread[] = ['pillar', 'all'];
export type Normalisation = 'minmax' | 'zscore' | 'percentile' | 'distance_to_ref';
export const NORMALISATIONS: readonly Normalisation[] = ['minmax', 'zscore', 'percentile', 'distance_to_ref'];
export type Aggregation = 'arithmetic' | 'geometric' | 'ampi';
export const AGGREGATIONS: readonly Aggregation[] = ['arithmetic', 'geometric', 'ampi'];

export interface IndicatorSetting {
  id: string;
  pillar: Pillar;
  polarity: 1 | -1;
  /** relative weight within its pillar (≥ 0) */
  weight: number;
  enabled: boolean;
}

export interface UncertaintySettings {
  draws: number;
  seed: number;
  /** Dirichlet concentration: weights ~ Dirichlet(weightConcentration × chosen weights) */
  weightConcentration: number;
  switchNormalisation: boolean;
  switchAggregation: boolean;
  /** a territory's rank is "uncertain" when its 5–95 % interval is wider than this share of the ranking */
  uncertainShare: number;
}

export interface Config {
  version: 1;
  level: IndexLevel;
  indicators: IndicatorSetting[];
  /** relative weight of each pillar (≥ 0); pillars without enabled indicators are ignored */
  pillarWeights: Partial<Record<Pillar, number>>;
  missing: MissingPolicy;
  /** a missing indicator's weight is re-spread within its pillar (default, OECD–JRC/COINr) or over all */
  respread: Respread;
  /** a territory whose observed share of weight is below this gets no score ('insufficient') */
  minObservedShare: number;
  /** winsorise at these percentiles (0..1) before normalising, or not at all */
  winsor: null | { lower: number; upper: number };
  normalisation: Normalisation;
  aggregation: Aggregation;
  uncertainty: UncertaintySettings;
}

export const DEFAULT_UNCERTAINTY: UncertaintySettings = {
  draws: 1000,
  seed: 42,
  weightConcentration: 20,
  switchNormalisation: true,
  switchAggregation: true,
  uncertainShare: 0.4,
};
export const DEFAULT_MIN_OBSERVED_SHARE = 0.5;

/**
 * Indicators that can enter the index at `level`: pillar labour or stability, polarity ±1, and
 * measured at the level or at a coarser one (then inherited) other than Italy.
 */
export function candidateIndicators(catalogue: readonly IndicatorMeta[], level: IndexLevel): IndicatorMeta[] {
  return catalogue.filter(
    (m) =>
      (m.pillar === 'labour' || m.pillar === 'stability') &&
      (m.polarity === 1 || m.polarity === -1) &&
      m.levels.some((l) => l === level || INHERIT_FROM[level].includes(l)),
  );
}

/** The largest weight a slider offers (and so a default may use). */
export const MAX_WEIGHT = 4;

/**
 * Default weight of each candidate indicator at `level`: 1, except that in a pillar where the
 * indicators measured AT the level (catalogue levels include it) are fewer than the others (inherited
 * from a coarser level), each of them gets n_others / n_own (rounded to the sliders' 0.25 steps, at
 * most MAX_WEIGHT), so that the level's own data carry about half of the pillar. At comune level this
 * gives the comune indicators (income, its change, the census unemployment rate and foreign share)
 * about half of the weight, while the regional foreign-born labour-market figures stay in with weight
 * 1 each. An indicator absent from the catalogue is simply not there: the rule uses what exists.
 */
export function levelWeights(candidates: readonly IndicatorMeta[], level: IndexLevel): number[] {
  const own = candidates.map((m) => m.levels.includes(level));
  return candidates.map((m, j) => {
    if (!own[j]) return 1;
    let nOwn = 0;
    let nOther = 0;
    candidates.forEach((c, k) => c.pillar === m.pillar && (own[k] ? nOwn++ : nOther++));
    if (nOwn >= nOther) return 1;
    return Math.min(MAX_WEIGHT, Math.round((4 * nOther) / nOwn) / 4);
  });
}

/**
 * Default configuration: the candidate indicators with levelWeights (equal weights where the level
 * measures as many indicators as it inherits), pillars equal, min–max, arithmetic mean, re-weighting
 * of missing values within their pillar.
 */
export function defaultConfig(catalogue: readonly IndicatorMeta[], level: IndexLevel): Config {
  const candidates = candidateIndicators(catalogue, level);
  const weights = levelWeights(candidates, level);
  const indicators: IndicatorSetting[] = candidates.map((m, j) => ({
    id: m.id,
    pillar: m.pillar,
    polarity: m.polarity as 1 | -1,
    weight: weights[j],
    enabled: true,
  }));
  const pillarWeights: Partial<Record<Pillar, number>> = {};
  for (const p of PILLARS) if (indicators.some((i) => i.pillar === p)) pillarWeights[p] = 1;
  return {
    version: 1,
    level,
    indicators,
    pillarWeights,
    missing: 'reweight',
    respread: 'pillar',
    minObservedShare: DEFAULT_MIN_OBSERVED_SHARE,
    winsor: null,
    normalisation: 'minmax',
    aggregation: 'arithmetic',
    uncertainty: { ...DEFAULT_UNCERTAINTY },
  };
}

/** Pillars with at least one enabled indicator, in PILLARS order (the sub-score columns). */
export function activePillars(config: Config): Pillar[] {
  return PILLARS.filter((p) => config.indicators.some((i) => i.enabled && i.pillar === p));
}

/**
 * Weight of each indicator of config.indicators (same order), summing to 1:
 * (pillar weight / Σ weights of the pillars in use) × (indicator weight / Σ weights in its pillar).
 * A pillar is in use when its weight and the sum of its enabled indicators' weights are both > 0.
 * Disabled indicators get 0. All zeros when nothing is in use.
 */
export function effectiveWeights(config: Config): Float64Array {
  const within = new Map<Pillar, number>();
  for (const i of config.indicators)
    if (i.enabled && i.weight > 0) within.set(i.pillar, (within.get(i.pillar) ?? 0) + i.weight);
  let pillarSum = 0;
  for (const [p] of within) pillarSum += Math.max(0, config.pillarWeights[p] ?? 0);
  const out = new Float64Array(config.indicators.length);
  if (!(pillarSum > 0)) return out;
  config.indicators.forEach((i, j) => {
    const pw = Math.max(0, config.pillarWeights[i.pillar] ?? 0);
    const sum = within.get(i.pillar) ?? 0;
    out[j] = i.enabled && i.weight > 0 && sum > 0 ? (pw / pillarSum) * (i.weight / sum) : 0;
  });
  return out;
}

/**
 * Weights as percentages that add up to exactly 100 (in steps of 10^-decimals), by largest-remainder
 * (Hamilton) rounding: floor every share, then give the missing steps to the largest remainders
 * (ties to the earlier indicator). All zeros stay zeros.
 */
export function weightsAsPercent(weights: ArrayLike<number>, decimals = 0): number[] {
  const n = weights.length;
  const unit = Math.pow(10, decimals);
  const total = 100 * unit;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.max(0, weights[j] || 0);
  if (!(sum > 0)) return Array.from({ length: n }, () => 0);
  const floors: number[] = [];
  const rem: number[] = [];
  let used = 0;
  for (let j = 0; j < n; j++) {
    const exact = (Math.max(0, weights[j] || 0) / sum) * total;
    // 1e-9 guards exact shares like 12.5 computed as 12.499999999
    const f = Math.floor(exact + 1e-9);
    floors.push(f);
    rem.push(exact - f);
    used += f;
  }
  const order = rem.map((r, j) => j).sort((a, b) => rem[b] - rem[a] || a - b);
  for (let k = 0; k < total - used; k++) floors[order[k % n]]++;
  return floors.map((f) => f / unit);
}

/** Thrown by validateConfig: `problems` lists every problem found, one sentence each. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * Check a configuration read from JSON (or a URL) and return it typed, with defaults filled in for
 * the optional fields (missing, minObservedShare, winsor, normalisation, aggregation, uncertainty and
 * its fields, pillarWeights = 1 per pillar used, an indicator's weight = 1 and enabled = true).
 * With a catalogue, indicator ids must exist in it and pillar/polarity default to the catalogue's.
 * Throws ConfigError listing every problem.
 */
export function validateConfig(input: unknown, catalogue?: readonly IndicatorMeta[]): Config {
  const problems: string[] = [];
  if (!isObj(input)) throw new ConfigError([`the configuration must be a JSON object, got ${show(input)}`]);
  const known = [
    'version',
    'level',
    'indicators',
    'pillarWeights',
    'missing',
    'respread',
    'minObservedShare',
    'winsor',
    'normalisation',
    'aggregation',
    'uncertainty',
  ];
  for (const k of Object.keys(input))
    if (!known.includes(k)) problems.push(`unknown field "${k}" (known: ${known.join(', ')})`);

  if (input.version !== 1) problems.push(`"version" must be 1, got ${show(input.version)}`);
  const level = input.level as IndexLevel;
  if (!INDEX_LEVELS.includes(level))
    problems.push(`"level" must be one of ${INDEX_LEVELS.join(', ')}, got ${show(input.level)}`);

  const enumField = <T extends string>(name: string, allowed: readonly T[], dflt: T): T => {
    const v = input[name];
    if (v === undefined) return dflt;
    if (!allowed.includes(v as T)) problems.push(`"${name}" must be one of ${allowed.join(', ')}, got ${show(v)}`);
    return v as T;
  };
  const missing = enumField('missing', MISSING_POLICIES, 'reweight');
  const respread = enumField('respread', RESPREADS, 'pillar');
  const normalisation = enumField('normalisation', NORMALISATIONS, 'minmax');
  const aggregation = enumField('aggregation', AGGREGATIONS, 'arithmetic');

  const byId = new Map((catalogue ?? []).map((m) => [m.id, m]));
  const indicators: IndicatorSetting[] = [];
  if (!Array.isArray(input.indicators) || input.indicators.length === 0) {
    problems.push(
      `"indicators" must be a non-empty array of { id, pillar, polarity, weight, enabled }, got ${show(input.indicators)}`,
    );
  } else {
    const seen = new Set<string>();
    input.indicators.forEach((raw: unknown, j: number) => {
      const at = `indicators[${j}]`;
      if (!isObj(raw)) {
        problems.push(`${at} must be an object, got ${show(raw)}`);
        return;
      }
      for (const k of Object.keys(raw))
        if (!['id', 'pillar', 'polarity', 'weight', 'enabled'].includes(k))
          problems.push(`${at}: unknown field "${k}"`);
      const id = raw.id;
      if (typeof id !== 'string' || id === '') {
        problems.push(`${at}.id must be a non-empty string, got ${show(id)}`);
        return;
      }
      const name = `${at} (${id})`;
      if (seen.has(id)) problems.push(`${name}: indicator listed twice`);
      seen.add(id);
      const meta = byId.get(id);
      if (catalogue && !meta) problems.push(`${name}: unknown indicator (not in the catalogue)`);
      const pillar = (raw.pillar ?? meta?.pillar) as Pillar;
      if (!PILLARS.includes(pillar))
        problems.push(`${name}.pillar must be one of ${PILLARS.join(', ')}, got ${show(raw.pillar)}`);
      const polarity = (raw.polarity ?? (meta && meta.polarity !== 0 ? meta.polarity : undefined)) as 1 | -1;
      if (polarity !== 1 && polarity !== -1)
        problems.push(
          `${name}.polarity must be 1 (higher is better) or -1 (lower is better), got ${show(raw.polarity)}`,
        );
      const weight = raw.weight ?? 1;
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
        problems.push(`${name}.weight must be a number ≥ 0, got ${show(raw.weight)}`);
      const enabled = raw.enabled ?? true;
      if (typeof enabled !== 'boolean')
        problems.push(`${name}.enabled must be true or false, got ${show(raw.enabled)}`);
      indicators.push({ id, pillar, polarity, weight: weight as number, enabled: enabled as boolean });
    });
  }

  const pillarWeights: Partial<Record<Pillar, number>> = {};
  const used = PILLARS.filter((p) => indicators.some((i) => i.enabled && i.pillar === p));
  if (input.pillarWeights === undefined) {
    for (const p of used) pillarWeights[p] = 1;
  } else if (!isObj(input.pillarWeights)) {
    problems.push(
      `"pillarWeights" must be an object like {"labour": 1, "stability": 1}, got ${show(input.pillarWeights)}`,
    );
  } else {
    for (const [k, v] of Object.entries(input.pillarWeights)) {
      if (!PILLARS.includes(k as Pillar))
        problems.push(`pillarWeights: unknown pillar "${k}" (known: ${PILLARS.join(', ')})`);
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        problems.push(`pillarWeights.${k} must be a number ≥ 0, got ${show(v)}`);
      else pillarWeights[k as Pillar] = v;
    }
    for (const p of used)
      if (!(p in input.pillarWeights))
        problems.push(`pillarWeights.${p} is missing (pillar "${p}" has enabled indicators)`);
  }

  let minObservedShare = DEFAULT_MIN_OBSERVED_SHARE;
  if (input.minObservedShare !== undefined) {
    const v = input.minObservedShare;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      problems.push(`"minObservedShare" must be a number from 0 to 1, got ${show(v)}`);
    else minObservedShare = v;
  }

  let winsor: Config['winsor'] = null;
  if (input.winsor !== undefined && input.winsor !== null) {
    const w = input.winsor;
    if (
      !isObj(w) ||
      typeof w.lower !== 'number' ||
      typeof w.upper !== 'number' ||
      !(w.lower >= 0 && w.lower < w.upper && w.upper <= 1)
    ) {
      problems.push(
        `"winsor" must be null or { "lower": p, "upper": q } with 0 ≤ p < q ≤ 1 (e.g. 0.05 and 0.95), got ${show(w)}`,
      );
    } else winsor = { lower: w.lower, upper: w.upper };
  }

  const uncertainty: UncertaintySettings = { ...DEFAULT_UNCERTAINTY };
  if (input.uncertainty !== undefined) {
    const u = input.uncertainty;
    if (!isObj(u)) problems.push(`"uncertainty" must be an object, got ${show(u)}`);
    else {
      for (const k of Object.keys(u))
        if (!(k in DEFAULT_UNCERTAINTY))
          problems.push(`uncertainty: unknown field "${k}" (known: ${Object.keys(DEFAULT_UNCERTAINTY).join(', ')})`);
      if (u.draws !== undefined) {
        if (!Number.isInteger(u.draws) || (u.draws as number) < 1 || (u.draws as number) > 100000)
          problems.push(`uncertainty.draws must be a whole number from 1 to 100000, got ${show(u.draws)}`);
        else uncertainty.draws = u.draws as number;
      }
      if (u.seed !== undefined) {
        if (!Number.isSafeInteger(u.seed))
          problems.push(`uncertainty.seed must be a whole number, got ${show(u.seed)}`);
        else uncertainty.seed = u.seed as number;
      }
      if (u.weightConcentration !== undefined) {
        const c = u.weightConcentration;
        if (typeof c !== 'number' || !Number.isFinite(c) || c <= 0)
          problems.push(`uncertainty.weightConcentration must be a number > 0, got ${show(c)}`);
        else uncertainty.weightConcentration = c;
      }
      if (u.uncertainShare !== undefined) {
        const v = u.uncertainShare;
        if (typeof v !== 'number' || !(v > 0 && v <= 1))
          problems.push(`uncertainty.uncertainShare must be a number above 0 and at most 1, got ${show(v)}`);
        else uncertainty.uncertainShare = v;
      }
      for (const k of ['switchNormalisation', 'switchAggregation'] as const) {
        if (u[k] === undefined) continue;
        if (typeof u[k] !== 'boolean') problems.push(`uncertainty.${k} must be true or false, got ${show(u[k])}`);
        else uncertainty[k] = u[k] as boolean;
      }
    }
  }

  const config: Config = {
    version: 1,
    level,
    indicators,
    pillarWeights,
    missing,
    respread,
    minObservedShare,
    winsor,
    normalisation,
    aggregation,
    uncertainty,
  };
  if (indicators.length > 0 && problems.length === 0 && !effectiveWeights(config).some((w) => w > 0)) {
    problems.push('no weight is left: enable at least one indicator with weight > 0 in a pillar with weight > 0');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
