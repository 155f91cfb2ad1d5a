import { expect, it } from 'vitest';
import { rankScores } from '../../../src/analytics/composite/ranking';

it('rankScores: 1 = highest, ties share the minimum rank, NaN → 0', () => {
  // 9 → 1; the two 7s → 2; 5 → 4; NaN → 0; −Infinity last among the ranked
  expect([...rankScores([5, 7, NaN, 9, 7, -Infinity])]).toEqual([4, 2, 0, 1, 2, 5]);
});
