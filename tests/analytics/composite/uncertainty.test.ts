import { describe, expect, it } from 'vitest';
import {
  MonteCarloAborted,
  methodVariants,
  monteCarlo,
  nearestRank,
  runMonteCarlo,
} from '../../../src/analytics/composite/uncertainty';
import { prepare, scoreWith } from '../../../src/analytics/composite/compute';
import { matrixFromValues } from '../../../src/analytics/composite/matrix';
import { A, B, C, EXAMPLE, config } from '../../fixtures/composite/example';

// 8 territories, 3 indicators whose rankings disagree: weights move the ranks around.
const M8 = matrixFromValues({
  codes: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'],
  ids: ['a', 'b', 'c'],
  values: [
    [1, 2, 3, 4, 5, 6, 7, 8],
    [8, 6, 7, 5, 3, 4, 1, 2],
    [3, 8, 1, 6, 2, 7, 5, 4],
  ],
  ref: [4, 4, 4],
});
const CFG = config([A, { ...B, polarity: 1 }, C]);

describe('nearestRank', () => {
  it('the ⌈p·N⌉-th smallest: N = 20, p05 → 1st, p50 → 10th, p95 → 19th', () => {
    const s = Array.from({ length: 20 }, (_, i) => i + 1);
    expect([nearestRank(s, 0.05), nearestRank(s, 0.5), nearestRank(s, 0.95)]).toEqual([1, 10, 19]);
    expect(nearestRank([4], 0.05)).toBe(4);
  });
});

describe('runMonteCarlo', () => {
  it('the seed fixes the result exactly; another seed gives another one', () => {
    const p = prepare(M8, CFG);
    const a = runMonteCarlo(p, { draws: 300, seed: 1, weightConcentration: 2 });
    const b = runMonteCarlo(prepare(M8, CFG), { draws: 300, seed: 1, weightConcentration: 2 });
    const c = runMonteCarlo(p, { draws: 300, seed: 2, weightConcentration: 2 });
    expect(b).toEqual(a);
    expect([...c.rankP05, ...c.rankP50, ...c.rankP95, ...Object.values(c.normalisationCounts)]).not.toEqual([
      ...a.rankP05,
      ...a.rankP50,
      ...a.rankP95,
      ...Object.values(a.normalisationCounts),
    ]);
  });
  it('p05 ≤ p50 ≤ p95, within 1..ranked; the 9 method variants are taken in turn (stratified)', () => {
    const r = runMonteCarlo(prepare(M8, CFG), { draws: 400, seed: 9 });
    expect(r.ranked).toBe(8);
    for (let i = 0; i < 8; i++) {
      expect(r.rankP05[i]).toBeGreaterThanOrEqual(1);
      expect(r.rankP05[i]).toBeLessThanOrEqual(r.rankP50[i]);
      expect(r.rankP50[i]).toBeLessThanOrEqual(r.rankP95[i]);
      expect(r.rankP95[i]).toBeLessThanOrEqual(8);
    }
    // 400 draws over 9 variants: 400 = 9·44 + 4 → the first 4 variants (arithmetic × 4 normalisations)
    // get 45, the others 44. Arithmetic 4·45 = 180, geometric 4·44 = 176, AMPI 44; each normalisation
    // 45 + 44 = 89 (AMPI draws use none)
    expect(r.aggregationCounts).toEqual({ arithmetic: 180, geometric: 176, ampi: 44 });
    expect(r.normalisationCounts).toEqual({ minmax: 89, zscore: 89, percentile: 89, distance_to_ref: 89 });
  });
  it('methodVariants: AMPI once (it ignores the normalisation); one switch varies that choice only', () => {
    expect(methodVariants('minmax', 'arithmetic', true, true)).toHaveLength(9);
    expect(methodVariants('zscore', 'arithmetic', false, true)).toEqual([
      ['zscore', 'arithmetic'],
      ['zscore', 'geometric'],
      ['zscore', 'ampi'],
    ]);
    expect(methodVariants('minmax', 'ampi', true, false)).toEqual([['minmax', 'ampi']]);
    expect(methodVariants('minmax', 'geometric', true, false).map((v) => v[0])).toEqual([
      'minmax',
      'zscore',
      'percentile',
      'distance_to_ref',
    ]);
    expect(methodVariants('percentile', 'geometric', false, false)).toEqual([['percentile', 'geometric']]);
  });
  it('the threshold comes from the configuration (uncertainty.uncertainShare) and the count is reported', () => {
    const p = prepare(M8, { ...CFG, uncertainty: { ...CFG.uncertainty, uncertainShare: 0.5 } });
    const r = runMonteCarlo(p, { draws: 300, seed: 4, weightConcentration: 1 });
    expect(r.uncertainShare).toBe(0.5);
    for (let i = 0; i < 8; i++) expect(r.uncertain[i]).toBe(r.rankP95[i] - r.rankP05[i] > 4 ? 1 : 0);
    expect(r.uncertainCount).toBe([...r.uncertain].reduce((s, u) => s + u, 0));
  });
  it('with a huge concentration and no switching the interval collapses on the point rank', () => {
    const p = prepare(M8, CFG);
    const point = scoreWith(p);
    const r = runMonteCarlo(p, {
      draws: 100,
      seed: 3,
      weightConcentration: 1e9,
      switchNormalisation: false,
      switchAggregation: false,
    });
    expect([...r.rankP05]).toEqual([...point.rank]);
    expect([...r.rankP95]).toEqual([...point.rank]);
    expect([...r.uncertain]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('uncertain when p95 − p05 > uncertainShare × ranked', () => {
    const r = runMonteCarlo(prepare(M8, CFG), { draws: 300, seed: 4, weightConcentration: 1, uncertainShare: 0.2 });
    for (let i = 0; i < 8; i++) expect(r.uncertain[i]).toBe(r.rankP95[i] - r.rankP05[i] > 1.6 ? 1 : 0);
    expect([...r.uncertain].some((u) => u === 1)).toBe(true);
  });
  it('only territories scored under the chosen configuration are ranked', () => {
    const p = prepare(EXAMPLE, config([A, B, C], { minObservedShare: 0.8 }));
    const r = runMonteCarlo(p, { draws: 50, seed: 1 });
    expect(r.ranked).toBe(3);
    expect([r.rankP05[1], r.rankP50[1], r.rankP95[1]]).toEqual([0, 0, 0]);
  });
  it('progress every N draws, abort at a progress point', () => {
    const seen: [number, number][] = [];
    runMonteCarlo(prepare(M8, CFG), {
      draws: 120,
      seed: 1,
      progressEvery: 50,
      onProgress: (d, t) => seen.push([d, t]),
    });
    expect(seen).toEqual([
      [50, 120],
      [100, 120],
      [120, 120],
    ]);
    const signal = { aborted: false };
    expect(() =>
      runMonteCarlo(prepare(M8, CFG), {
        draws: 120,
        progressEvery: 10,
        signal,
        onProgress: (d) => (signal.aborted = d >= 30),
      }),
    ).toThrow(MonteCarloAborted);
  });
  it('stepping in slices gives the same result as one run', () => {
    const p = prepare(M8, CFG);
    const run = monteCarlo(p, { draws: 97, seed: 5 });
    while (!run.step(13));
    expect(run.result()).toEqual(runMonteCarlo(p, { draws: 97, seed: 5 }));
  });
});

describe('select', () => {
  it('three quickselects give the same percentiles as a full sort', async () => {
    const fc = (await import('fast-check')).default;
    const { select, nearestIndex } = await import('../../../src/analytics/composite/uncertainty');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const a = Uint16Array.from(xs);
        const n = a.length;
        const ks = [nearestIndex(n, 0.05), nearestIndex(n, 0.5), nearestIndex(n, 0.95)];
        select(a, ks[0], 0, n - 1);
        select(a, ks[1], ks[0], n - 1);
        select(a, ks[2], ks[1], n - 1);
        const sorted = Uint16Array.from(xs).sort();
        expect(ks.map((k) => a[k])).toEqual(ks.map((k) => sorted[k]));
      }),
      { seed: 5, numRuns: 400 },
    );
  });
});
