import { expect, it } from 'vitest';
import { rankScores } from '../../../src/analytics/composite/ranking';

it('rankScores: 1 = highest, ties share the minimum rank, NaN → 0', () => {
  // 9 → 1; the two 7s → 2; 5 → 4; NaN → 0; −Infinity last among the ranked
  expect([...rankScores([5, 7, NaN, 9, 7, -Infinity])]).toEqual([4, 2, 0, 1, 2, 5]);
});

it('rankScores agrees with counting the strictly greater scores (negatives, −0, ties, NaN, ±Infinity)', async () => {
  const fc = (await import('fast-check')).default;
  const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, -1, 2.5, NaN, Infinity, -Infinity));
  fc.assert(
    fc.property(fc.array(value, { maxLength: 60 }), (xs) => {
      const expected = xs.map((x) => (Number.isNaN(x) ? 0 : 1 + xs.filter((y) => !Number.isNaN(y) && y > x).length));
      expect([...rankScores(Float64Array.from(xs))]).toEqual(expected);
    }),
    { seed: 11, numRuns: 500 },
  );
});
