import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import {
  ConfigError,
  activePillars,
  candidateIndicators,
  defaultConfig,
  effectiveWeights,
  validateConfig,
  weightsAsPercent,
  INDEX_LEVELS,
} from '../../../src/analytics/composite/config';
import type { IndicatorMeta } from '../../../src/analytics/catalogue';
import { A, B, C, config } from '../../fixtures/composite/example';
import { expectAllClose } from '../asserts';

const meta = (
  id: string,
  pillar: IndicatorMeta['pillar'],
  polarity: IndicatorMeta['polarity'],
  levels: IndicatorMeta['levels'],
) => ({ id, pillar, polarity, levels }) as IndicatorMeta;
const CAT: IndicatorMeta[] = [
  meta('emp', 'labour', 1, ['region', 'province']),
  meta('unemp', 'labour', -1, ['region']),
  meta('income', 'labour', 1, ['italy', 'region', 'province', 'comune']),
  meta('permits', 'stability', 1, ['italy', 'region', 'province']),
  meta('pop', 'context', 0, ['italy', 'region', 'province', 'comune']),
  meta('national', 'stability', 1, ['italy']),
];

describe('defaultConfig', () => {
  it('labour and stability indicators with polarity ±1 that exist at the level or coarser (not Italy only)', () => {
    expect(candidateIndicators(CAT, 'region').map((m) => m.id)).toEqual(['emp', 'unemp', 'income', 'permits']);
    const c = defaultConfig(CAT, 'comune');
    expect(c.indicators.map((i) => [i.id, i.pillar, i.polarity, i.weight, i.enabled])).toEqual([
      ['emp', 'labour', 1, 1, true],
      ['unemp', 'labour', -1, 1, true],
      // income is the only labour indicator measured at comune level, against 2 inherited → weight 2
      ['income', 'labour', 1, 2, true],
      ['permits', 'stability', 1, 1, true],
    ]);
    // the documented defaults (the fixture's configuration is written out field by field)
    const { indicators: _, uncertainty: __, ...defaults } = config([], { level: 'comune' });
    expect(c).toMatchObject(defaults);
    expect(c.uncertainty).toMatchObject({ draws: 1000, weightConcentration: 20 });
  });
  it('sll level: what the SLL measure gets the weight; the region is the only coarser level (no province figures)', () => {
    const cat = [...CAT.slice(0, 2), meta('income', 'labour', 1, ['italy', 'region', 'province', 'comune', 'sll'])];
    // emp exists for regions and provinces: the SLL inherits the region's; the province's is no SLL's parent
    expect(candidateIndicators([...cat, meta('prov', 'labour', 1, ['province'])], 'sll').map((m) => m.id)).toEqual([
      'emp',
      'unemp',
      'income',
    ]);
    // income is the only labour indicator measured at SLL level, against 2 inherited → weight 2
    expect(defaultConfig(cat, 'sll').indicators.map((i) => [i.id, i.weight])).toEqual([
      ['emp', 1],
      ['unemp', 1],
      ['income', 2],
    ]);
  });
  it('round-trips through JSON and validateConfig unchanged', () => {
    const c = defaultConfig(CAT, 'province');
    expect(validateConfig(JSON.parse(JSON.stringify(c)), CAT)).toEqual(c);
  });
});

// Shaped like the real catalogue (synthetic metadata, not real data): the regional and provincial
// indicators, plus the comune census indicators that the data pipeline adds (when it does).
const REAL_LIKE: IndicatorMeta[] = [
  meta('foreign_per_100', 'stability', 1, ['italy', 'region', 'province']),
  meta('longterm_permit_share', 'stability', 1, ['italy', 'region', 'province']),
  meta('longterm_permit_share_change', 'stability', 1, ['italy', 'region', 'province']),
  meta('citizenship_per_1000', 'stability', 1, ['italy', 'region', 'province']),
  meta('avg_taxable_income', 'labour', 1, ['italy', 'region', 'province', 'comune']),
  meta('unemployment_rate', 'labour', -1, ['region']),
  meta('neet_18_29', 'labour', -1, ['region']),
  meta('fb_employment_rate_20_64', 'labour', 1, ['region', 'province']),
  meta('employment_gap_native_fb', 'labour', -1, ['region', 'province']),
  meta('fb_unemployment_rate', 'labour', -1, ['region', 'province']),
  meta('reception_per_1000', 'stability', 1, ['italy', 'region']),
];
const CENSUS: IndicatorMeta[] = [
  meta('foreign_per_100_census', 'stability', 1, ['italy', 'region', 'province', 'comune']),
  meta('unemployment_rate_census', 'labour', -1, ['italy', 'region', 'province', 'comune']),
  meta('avg_taxable_income_change', 'labour', 1, ['italy', 'region', 'province', 'comune']),
];
const ownShare = (c: ReturnType<typeof defaultConfig>, cat: IndicatorMeta[]) => {
  const w = effectiveWeights(c);
  return c.indicators.reduce((s, i, j) => s + (cat.find((m) => m.id === i.id)!.levels.includes(c.level) ? w[j] : 0), 0);
};

describe('defaultConfig gives weight to what the level measures', () => {
  it('comune level with the census indicators: comune data carry ≥ ⅓ of the weight, foreign-born labour figures stay', () => {
    const cat = [...REAL_LIKE, ...CENSUS];
    const c = defaultConfig(cat, 'comune');
    const wt = Object.fromEntries(c.indicators.map((i) => [i.id, i.weight]));
    // labour: 3 comune indicators against 5 regional → 5/3 = 1.667 → 1.75 each; stability: 1 against 5 → 5, capped at 4
    expect(wt).toMatchObject({
      avg_taxable_income: 1.75,
      avg_taxable_income_change: 1.75,
      unemployment_rate_census: 1.75,
      foreign_per_100_census: 4,
    });
    expect(wt).toMatchObject({
      fb_employment_rate_20_64: 1,
      employment_gap_native_fb: 1,
      fb_unemployment_rate: 1,
      unemployment_rate: 1,
      foreign_per_100: 1,
    });
    // ½·5.25/10.25 + ½·4/9 = 0.256098 + 0.222222 = 0.478320
    expect(ownShare(c, cat)).toBeCloseTo(0.47832, 5);
    expect(ownShare(c, cat)).toBeGreaterThanOrEqual(1 / 3);
  });
  it('without the census indicators it degrades gracefully: income alone gets weight 4 (5 inherited labour indicators)', () => {
    const c = defaultConfig(REAL_LIKE, 'comune');
    expect(c.indicators.map((i) => i.id)).toEqual(REAL_LIKE.map((m) => m.id));
    expect(c.indicators.find((i) => i.id === 'avg_taxable_income')!.weight).toBe(4);
    expect(c.indicators.filter((i) => i.id !== 'avg_taxable_income').every((i) => i.weight === 1)).toBe(true);
    // ½·4/9 = 0.222222
    expect(ownShare(c, REAL_LIKE)).toBeCloseTo(2 / 9, 6);
  });
  it('province and region levels, where most indicators are measured there, keep equal weights', () => {
    for (const level of ['province', 'region'] as const)
      expect(defaultConfig([...REAL_LIKE, ...CENSUS], level).indicators.every((i) => i.weight === 1)).toBe(true);
  });
});

describe('effectiveWeights', () => {
  it('pillar weight × within-pillar share: 3 labour, 1 stability, pillars equal → ⅙ ⅙ ⅙ ½', () => {
    expectAllClose([...effectiveWeights(defaultConfig(CAT, 'region'))], [1 / 6, 1 / 6, 1 / 6, 1 / 2]);
  });
  it('within-pillar weights are relative; disabled indicators get 0; pillar weights are relative', () => {
    // labour: a; stability: b weight 3, c weight 1 → ¾ and ¼ of the stability pillar's ⅔
    const c = config([A, { ...B, weight: 3 }, C], { pillarWeights: { labour: 1, stability: 2 } });
    expectAllClose([...effectiveWeights(c)], [1 / 3, 0.5, 1 / 6]);
    expectAllClose(
      [...effectiveWeights({ ...c, indicators: [A, { ...B, weight: 3, enabled: false }, C] })],
      [1 / 3, 0, 2 / 3],
    );
  });
  it('a pillar with no enabled weight does not take a share', () => {
    const c = config([A, { ...B, enabled: false }]);
    expectAllClose([...effectiveWeights(c)], [1, 0]);
    expect(activePillars(c)).toEqual(['labour']);
  });
});

describe('weightsAsPercent', () => {
  it('⅓ ⅓ ⅓ → 34 33 33 (largest remainder, ties to the first)', () => {
    expect(weightsAsPercent([1, 1, 1])).toEqual([34, 33, 33]);
  });
  it('12.5 37.5 50 → 13 37 50; with one decimal 12.5 37.5 50', () => {
    // floors 12, 37, 50 = 99; remainders .5 .5 0 → the first .5 gets the missing point
    expect(weightsAsPercent([0.125, 0.375, 0.5])).toEqual([13, 37, 50]);
    expect(weightsAsPercent([0.125, 0.375, 0.5], 1)).toEqual([12.5, 37.5, 50]);
  });
  it('⅙ ⅙ ⅙ ½ → 17 17 16 50; always sums to exactly 100', () => {
    // 16.667 ×3 → floors 16 16 16 50 = 98; the two largest remainders (ties → earlier) get +1
    expect(weightsAsPercent([1 / 6, 1 / 6, 1 / 6, 1 / 2])).toEqual([17, 17, 16, 50]);
    const w = [0.07, 0.11, 0.13, 0.29, 0.4];
    expect(weightsAsPercent(w, 1).reduce((s, x) => s + x * 10, 0)).toBe(1000);
  });
  it('all zero stays zero', () => {
    expect(weightsAsPercent([0, 0])).toEqual([0, 0]);
  });
});

describe('validateConfig', () => {
  it('fills the optional fields with defaults and pillar/polarity from the catalogue', () => {
    const c = validateConfig(
      { version: 1, level: 'region', indicators: [{ id: 'emp' }, { id: 'unemp', weight: 2 }] },
      CAT,
    );
    expect(c.indicators).toEqual([
      { id: 'emp', pillar: 'labour', polarity: 1, weight: 1, enabled: true },
      { id: 'unemp', pillar: 'labour', polarity: -1, weight: 2, enabled: true },
    ]);
    expect(c.pillarWeights).toEqual({ labour: 1 });
    expect(c).toMatchObject({
      missing: 'reweight',
      normalisation: 'minmax',
      aggregation: 'arithmetic',
      minObservedShare: 0.5,
      winsor: null,
    });
  });
  it('lists every problem at once', () => {
    let err: ConfigError | null = null;
    try {
      validateConfig(JSON.parse(fs.readFileSync('tests/fixtures/composite/bad-config.json', 'utf8')), CAT);
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.problems).toEqual([
      '"version" must be 1, got 2',
      `"level" must be one of ${INDEX_LEVELS.join(', ')}, got "provincia"`,
      '"normalisation" must be one of minmax, zscore, percentile, distance_to_ref, got "rank"',
      'indicators[0] (fb_employment_rate_20_64): unknown indicator (not in the catalogue)',
      'indicators[0] (fb_employment_rate_20_64).pillar must be one of labour, stability, context, got nothing',
      'indicators[0] (fb_employment_rate_20_64).polarity must be 1 (higher is better) or -1 (lower is better), got nothing',
      'indicators[0] (fb_employment_rate_20_64).weight must be a number ≥ 0, got -1',
      'indicators[1] (no_such_indicator): unknown indicator (not in the catalogue)',
      'indicators[1] (no_such_indicator).pillar must be one of labour, stability, context, got nothing',
      'indicators[1] (no_such_indicator).polarity must be 1 (higher is better) or -1 (lower is better), got nothing',
      '"minObservedShare" must be a number from 0 to 1, got 1.5',
    ]);
    expect(err!.message).toContain('Invalid configuration:\n  - "version" must be 1');
  });
  it('rejects unknown fields, bad winsor, bad uncertainty, and a config with no weight left', () => {
    const base = { version: 1, level: 'region', indicators: [{ id: 'emp' }] };
    const problems = (x: unknown) => {
      try {
        validateConfig(x, CAT);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ ...base, weights: {} })[0]).toMatch(/^unknown field "weights"/);
    expect(problems({ ...base, winsor: { lower: 0.9, upper: 0.1 } })[0]).toMatch(/^"winsor" must be null/);
    expect(
      problems({ ...base, uncertainty: { draws: 0, seed: 1.5, weightConcentration: -1, switchAggregation: 'yes' } }),
    ).toEqual([
      'uncertainty.draws must be a whole number from 1 to 100000, got 0',
      'uncertainty.seed must be a whole number, got 1.5',
      'uncertainty.weightConcentration must be a number > 0, got -1',
      'uncertainty.switchAggregation must be true or false, got "yes"',
    ]);
    expect(problems({ ...base, respread: 'region', uncertainty: { uncertainShare: 0 } })).toEqual([
      '"respread" must be one of pillar, all, got "region"',
      'uncertainty.uncertainShare must be a number above 0 and at most 1, got 0',
    ]);
    expect(validateConfig({ ...base, respread: 'all', uncertainty: { uncertainShare: 0.25 } }, CAT)).toMatchObject({
      respread: 'all',
      uncertainty: { uncertainShare: 0.25 },
    });
    // older saved configurations (no respread, no uncertainShare) get the defaults
    expect(validateConfig(base, CAT)).toMatchObject({ respread: 'pillar', uncertainty: { uncertainShare: 0.4 } });
    expect(problems({ ...base, indicators: [{ id: 'emp', weight: 0 }] })).toEqual([
      'no weight is left: enable at least one indicator with weight > 0 in a pillar with weight > 0',
    ]);
    expect(problems({ ...base, pillarWeights: { stability: 1 } })).toEqual([
      'pillarWeights.labour is missing (pillar "labour" has enabled indicators)',
    ]);
    expect(problems([])).toEqual(['the configuration must be a JSON object, got []']);
  });
  it('without a catalogue, pillar and polarity are required', () => {
    expect(() => validateConfig({ version: 1, level: 'region', indicators: [{ id: 'x' }] })).toThrow(
      /pillar must be one of/,
    );
    expect(
      validateConfig({ version: 1, level: 'region', indicators: [{ id: 'x', pillar: 'labour', polarity: -1 }] })
        .indicators[0].polarity,
    ).toBe(-1);
  });
});
