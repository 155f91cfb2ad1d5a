import { describe, expect, it } from 'vitest';
import { quantileBreaks, quantileSorted } from '../../../src/analytics/classify';
import { expectAllClose, expectClose } from '../asserts';

describe('quantileSorted (type 7: h = (n−1)p, linear interpolation)', () => {
  it('quantileSorted([1..10], 0.25) = 3.25', () => {
    // h = 9·0.25 = 2.25 → x[2] + 0.25·(x[3] − x[2]) = 3 + 0.25 = 3.25
    expectClose(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.25), 3.25);
  });
  it('quantileSorted(x, 0) and (x, 1) are min and max', () => {
    expect(quantileSorted([2, 4, 8], 0)).toBe(2);
    expect(quantileSorted([2, 4, 8], 1)).toBe(8);
  });
  it('quantileSorted([], p) is NaN', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('quantileBreaks', () => {
  it('quantileBreaks([1..10], 5) = [2.8, 4.6, 6.4, 8.2]', () => {
    // p = .2: h = 1.8 → 2 + .8 = 2.8;  p = .4: h = 3.6 → 4.6
    // p = .6: h = 5.4 → 6.4;           p = .8: h = 7.2 → 8.2
    expectAllClose(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5), [2.8, 4.6, 6.4, 8.2]);
  });
  it('quantileBreaks([1..10], 4) = [3.25, 5.5, 7.75]', () => {
    // h = 2.25 → 3.25; h = 4.5 → 5.5; h = 6.75 → 7.75
    expectAllClose(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4), [3.25, 5.5, 7.75]);
  });
});
