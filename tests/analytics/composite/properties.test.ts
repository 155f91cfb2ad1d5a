import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeIndex, prepare, scoreWith } from '../../../src/analytics/composite/compute';
import { runMonteCarlo } from '../../../src/analytics/composite/uncertainty';
import { matrixFromValues } from '../../../src/analytics/composite/matrix';
import {
  AGGREGATIONS,
  NORMALISATIONS,
  type Config,
  type IndicatorSetting,
} from '../../../src/analytics/composite/config';
import { config } from '../../fixtures/composite/example';

const SEED = { seed: 20260126, numRuns: 150 };
const K = 3;
const settings: IndicatorSetting[] = [
  { id: 'a', pillar: 'labour', polarity: 1, weight: 1, enabled: true },
  { id: 'b', pillar: 'labour', polarity: 1, weight: 2, enabled: true },
  { id: 'c', pillar: 'stability', polarity: 1, weight: 1, enabled: true },
];
const cell = fc.option(fc.double({ min: 0.5, max: 1000, noNaN: true }), { nil: null, freq: 6 });
const table = fc
  .integer({ min: 2, max: 12 })
  .chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: K, maxLength: K }));
const mat = (values: (number | null)[][]) =>
  matrixFromValues({ codes: values[0].map((_, i) => `t${i}`), ids: ['a', 'b', 'c'], values, ref: [100, 100, 100] });

describe('computeIndex properties', () => {
  it('min–max or percentile with the arithmetic mean: scores in [0, 100]', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom('minmax' as const, 'percentile' as const),
        fc.constantFrom('reweight' as const, 'impute_parent' as const),
        (v, norm, missing) => {
          const r = computeIndex(mat(v), config(settings, { normalisation: norm, missing, minObservedShare: 0 }));
          for (const s of r.scores) if (s === s) expect(s >= -1e-9 && s <= 100 + 1e-9).toBe(true);
        },
      ),
      SEED,
    );
  });
  it('positive polarity, arithmetic: raising one value never lowers that territory’s score', () => {
    fc.assert(
      fc.property(
        table,
        fc.nat(),
        fc.nat(K - 1),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.constantFrom(...NORMALISATIONS),
        (v, ii, j, bump, norm) => {
          const i = ii % v[0].length;
          fc.pre(v[j][i] !== null);
          const c: Config = config(settings, { normalisation: norm, minObservedShare: 0 });
          const before = computeIndex(mat(v), c).scores[i];
          const w = v.map((row) => [...row]);
          w[j][i] = (w[j][i] as number) + bump;
          const after = computeIndex(mat(w), c).scores[i];
          expect(after).toBeGreaterThanOrEqual(before - 1e-9 * Math.max(1, Math.abs(before)));
        },
      ),
      SEED,
    );
  });
  it('equal inputs give equal scores, under every normalisation and aggregation', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(...NORMALISATIONS), fc.constantFrom(...AGGREGATIONS), (v, norm, agg) => {
        const w = v.map((row) => [...row, row[0]]); // a copy of territory 0 at the end
        const r = computeIndex(
          mat(w),
          config(settings, { normalisation: norm, aggregation: agg, minObservedShare: 0 }),
        );
        const last = w[0].length - 1;
        expect(Object.is(r.scores[0], r.scores[last])).toBe(true);
        expect(r.rank[0]).toBe(r.rank[last]);
      }),
      SEED,
    );
  });
  it('contributions sum to the score', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(...NORMALISATIONS), fc.constantFrom(...AGGREGATIONS), (v, norm, agg) => {
        const r = computeIndex(
          mat(v),
          config(settings, { normalisation: norm, aggregation: agg, minObservedShare: 0 }),
        );
        r.scores.forEach((s, i) => {
          if (s !== s) return;
          let sum = 0;
          for (const c of r.contributions) if (c[i] === c[i]) sum += c[i];
          expect(Math.abs(sum - s)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(s)));
        });
      }),
      SEED,
    );
  });
  it('scoreWith after a weight change equals a fresh computeIndex with those weights', () => {
    fc.assert(
      fc.property(
        table,
        fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: K, maxLength: K }),
        (v, ws) => {
          const c = config(settings);
          const p = prepare(mat(v), c);
          scoreWith(p); // fills the cache
          const moved = scoreWith(p, Float64Array.from(ws));
          const fresh = computeIndex(mat(v), {
            ...c,
            indicators: settings.map((s, j) => ({ ...s, weight: ws[j] })),
            pillarWeights: { labour: ws[0] + ws[1], stability: ws[2] },
          });
          moved.scores.forEach((s, i) =>
            s === s ? expect(Math.abs(s - fresh.scores[i])).toBeLessThan(1e-9) : expect(fresh.scores[i]).toBeNaN(),
          );
        },
      ),
      SEED,
    );
  });
});

describe('Monte Carlo properties', () => {
  it('p05 ≤ p50 ≤ p95 always, and the seed fixes the arrays', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 0, max: 2 ** 31 }), (v, seed) => {
        const p = prepare(mat(v), config(settings, { minObservedShare: 0 }));
        const a = runMonteCarlo(p, { draws: 40, seed, weightConcentration: 3 });
        const b = runMonteCarlo(p, { draws: 40, seed, weightConcentration: 3 });
        expect(b).toEqual(a);
        for (let i = 0; i < a.rankP05.length; i++) {
          expect(a.rankP05[i] <= a.rankP50[i] && a.rankP50[i] <= a.rankP95[i]).toBe(true);
        }
      }),
      { ...SEED, numRuns: 60 },
    );
  });
});
