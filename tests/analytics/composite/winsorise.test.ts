import { describe, expect, it } from 'vitest';
import { quantileSorted, winsorise } from '../../../src/analytics/composite/winsorise';
import { expectAllClose, expectClose } from '../asserts';

describe('winsorise', () => {
  it('winsorise([1, 2, 3, 4, 100], 0.05, 0.95): type-7 percentiles 1.2 and 80.8', () => {
    // n = 5: h = 4·0.05 = 0.2 → 1 + 0.2·(2 − 1) = 1.2; h = 4·0.95 = 3.8 → 4 + 0.8·(100 − 4) = 80.8
    expectAllClose([...winsorise([1, 2, 3, 4, 100], 0.05, 0.95)], [1.2, 2, 3, 4, 80.8]);
  });
  it('missing values stay missing and are not counted', () => {
    const r = winsorise([NaN, 1, 2, 3, 4, 100], 0.05, 0.95);
    expect(r[0]).toBeNaN();
    expectClose(r[5], 80.8);
  });
  it('quantileSorted of [10, 20] at 0.5 = 15', () => {
    expectClose(quantileSorted([10, 20], 0.5), 15);
  });
});
