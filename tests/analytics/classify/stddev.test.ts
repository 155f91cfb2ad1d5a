import { describe, expect, it } from 'vitest';
import { meanSd, stddevBreaks } from '../../../src/analytics/classify';
import { expectAllClose, expectClose } from '../asserts';

// [2,4,4,4,5,5,7,9]: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; σ = √(32/8) = 2
const X = [2, 4, 4, 4, 5, 5, 7, 9];

describe('stddevBreaks', () => {
  it('meanSd([2,4,4,4,5,5,7,9]) = {mean 5, sd 2} (population σ)', () => {
    const { mean, sd } = meanSd(X);
    expectClose(mean, 5);
    expectClose(sd, 2);
  });
  it('stddevBreaks(x, 4) = mean + [−1, 0, 1]σ = [3, 5, 7]', () => {
    expectAllClose(stddevBreaks(X, 4), [3, 5, 7]);
  });
  it('stddevBreaks(x, 3) = mean ± σ/2 = [4, 6]', () => {
    expectAllClose(stddevBreaks(X, 3), [4, 6]);
  });
  it('stddevBreaks(x, 5) = mean ± [1.5, 0.5]σ = [2, 4, 6, 8]', () => {
    expectAllClose(stddevBreaks(X, 5), [2, 4, 6, 8]);
  });
  it('stddevBreaks of constant values = []', () => {
    expect(stddevBreaks([3, 3, 3], 4)).toEqual([]);
  });
});
