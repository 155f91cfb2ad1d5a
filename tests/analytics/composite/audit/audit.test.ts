import { describe, expect, it } from 'vitest';
import { matrixFromValues, prepare, type Config } from '../../../../src/analytics/composite';
import { auditStatistics, driversInOrder, runSensitivity, FACTORS } from '../../../../src/analytics/composite/audit';
import { DEFAULT_UNCERTAINTY } from '../../../../src/analytics/composite/config';
import { config as fixtureConfig, XYZ } from '../../../fixtures/composite/example';

// fixture (synthetic, labelled as such): 6 territories, 3 indicators in 2 pillars
const matrix = matrixFromValues({
  codes: ['A', 'B', 'C', 'D', 'E', 'F'],
  ids: ['x', 'y', 'z'],
  values: [
    [1, 2, 3, 4, 5, 6],
    [2, 1, 4, 3, 6, 5],
    [10, 30, 20, 60, 50, 40],
  ],
});
// the composite tests' configuration with 100 draws (fixture: x, y labour; z stability)
const config = (over: Partial<Config> = {}): Config =>
  fixtureConfig(XYZ, { uncertainty: { ...DEFAULT_UNCERTAINTY, draws: 100 }, ...over });

describe('audit statistics on the configuration', () => {
  it('correlations of the normalised indicators, alpha of the labour pillar, PCA, outliers', () => {
    const a = auditStatistics(prepare(matrix, config()));
    expect(a.ids).toEqual(['x', 'y', 'z']);
    // x and y (min–max is linear, r unchanged): dx = −2.5…2.5, dy = (−1.5, −2.5, 0.5, −0.5, 2.5, 1.5) → Σdxdy = 14.5, Σdx² = Σdy² = 17.5
    expect(a.pearson[0][1].r).toBeCloseTo(14.5 / 17.5, 12);
    // labour pillar (min–max of x and y = 20·(x−1) and 20·(y−1)): α = 2·(1 − 2·17.5/(Σ var of the sum)) on raw-scaled values
    const s = [0, 1, 2, 3, 4, 5].map((i) => [1, 2, 3, 4, 5, 6][i] + [2, 1, 4, 3, 6, 5][i]);
    const mean = s.reduce((p, q) => p + q, 0) / 6;
    const varSum = s.reduce((p, q) => p + (q - mean) ** 2, 0) / 5;
    expect(a.alpha.labour!.alpha).toBeCloseTo(2 * (1 - (2 * 3.5) / varSum), 12);
    expect(a.alpha.stability).toBeUndefined(); // one indicator: no alpha
    expect(a.pca!.explained.reduce((p, q) => p + q, 0)).toBeCloseTo(1, 12);
    expect(a.indicators[0].withIndex.pearson.r).toBeGreaterThan(0.5);
    expect(a.flagged).toEqual([]);
    expect(a.collinear).toEqual([]);
  });
});

describe('Sobol sensitivity of the ranking to the open choices', () => {
  it('one indicator, no missing value: only winsorising (ties at the extremes) can move a rank; every other factor has exactly 0', () => {
    // 21 values 1..20, 100: the type-7 5 % and 95 % points are exactly 2 and 20, so winsorising ties
    // the lowest with the next one and 100 with 20
    const codes = Array.from({ length: 21 }, (_, i) => `T${i}`);
    const one = matrixFromValues({
      codes,
      ids: ['x'],
      values: [[...Array.from({ length: 20 }, (_, i) => i + 1), 100]],
    });
    const c = config({
      indicators: [{ id: 'x', pillar: 'labour', polarity: 1, weight: 1, enabled: true }],
      pillarWeights: { labour: 1 },
    });
    const r = runSensitivity(one, c, { n: 200, seed: 3, bootstrap: 50 });
    expect(r.runs).toBe(200 * 7);
    const f = (name: string) => FACTORS.indexOf(name as never);
    // the whole ranking: the mean absolute rank shift moves only with winsorising
    // the only factor that matters: S ≈ ST ≈ 1 (estimates from 200 rows, not exact)
    expect(Math.abs(r.summary.total[f('winsor')] - 1)).toBeLessThan(0.15);
    expect(Math.abs(r.summary.first[f('winsor')] - 1)).toBeLessThan(0.15);
    for (const name of ['weights', 'normalisation', 'aggregation', 'missing']) {
      expect(r.summary.total[f(name)]).toBe(0);
      expect(r.summary.first[f(name)]).toBe(0);
    }
    // the top (100 → 20, tied first with the 20) keeps rank 1: its rank never moves
    const sJ = Array.from(r.members).indexOf(20);
    expect(r.rankVariance[sJ]).toBe(0);
    expect(r.driver[sJ]).toBe(-1);
    // the lowest (1 → 2) ties with the next when winsorised: winsorising drives its rank
    const sA = Array.from(r.members).indexOf(0);
    expect(r.driver[sA]).toBe(f('winsor'));
    expect(driversInOrder(r)[0].factor).toBe('winsor');
  });

  it('with weights and methods open: deterministic for a seed, indices in a sane range, counts add up', () => {
    const r1 = runSensitivity(matrix, config(), { n: 64, seed: 11, bootstrap: 50 });
    const r2 = runSensitivity(matrix, config(), { n: 64, seed: 11, bootstrap: 50 });
    expect(Array.from(r1.summary.total)).toEqual(Array.from(r2.summary.total));
    expect(Array.from(r1.first)).toEqual(Array.from(r2.first));
    const f = FACTORS.indexOf('missing');
    expect(r1.summary.total[f]).toBe(0); // no missing value in the fixture
    for (let i = 0; i < FACTORS.length; i++) {
      const t = r1.summary.total[i];
      expect(t).toBeGreaterThanOrEqual(0);
      expect(r1.summary.interval.totalLo[i]).toBeLessThanOrEqual(r1.summary.interval.totalHi[i]);
    }
    const moving = Array.from(r1.rankVariance).filter((v) => v > 0).length;
    expect(r1.driverCounts.reduce((p, q) => p + q, 0)).toBe(moving);
  });
});
