import { describe, expect, it } from 'vitest';
import { distanceToRef, minmax, normalise, percentile, zscore } from '../../../src/analytics/composite/normalise';
import { expectAllClose } from '../asserts';

const a = [10, 20, 30, 50]; // polarity +1, Italy 25
const b = [4, 2, 8, 6]; // polarity −1, Italy 5

describe('minmax', () => {
  it('minmax(a, +1): min 10, max 50, range 40 → 100·(x − 10)/40', () => {
    // (10−10)/40 = 0, (20−10)/40 = 25 %, (30−10)/40 = 50 %, (50−10)/40 = 100 %
    expectAllClose([...minmax(a, 1)], [0, 25, 50, 100]);
  });
  it('minmax(b, −1): 100·(max − x)/(max − min) = 100·(8 − x)/6', () => {
    // 4 → 400/6 = 66.667; 2 → 100; 8 → 0; 6 → 200/6 = 33.333
    expectAllClose([...minmax(b, -1)], [400 / 6, 100, 0, 200 / 6]);
  });
  it('missing stays NaN and does not move min/max; a constant indicator gives 50', () => {
    const r = minmax([1, NaN, 3], 1);
    expect(r[1]).toBeNaN();
    expectAllClose([r[0], r[2]], [0, 100]);
    expectAllClose([...minmax([7, 7, 7], 1)], [50, 50, 50]);
  });
});

describe('zscore', () => {
  it('zscore(a, +1) with the sample SD', () => {
    // mean 27.5; deviations −17.5, −7.5, 2.5, 22.5; Σ² = 306.25 + 56.25 + 6.25 + 506.25 = 875;
    // sd = √(875/3) = √291.667 = 17.07825 → −17.5/17.07825 = −1.024695, −0.439155, 0.146385, 1.317465
    expectAllClose([...zscore(a, 1)], [-1.024695, -0.439155, 0.146385, 1.317465], 1e-6);
  });
  it('zscore(b, −1) flips the sign', () => {
    // mean 5; deviations −1, −3, 3, 1; Σ² = 20; sd = √(20/3) = 2.581989; −(x − 5)/sd
    expectAllClose([...zscore(b, -1)], [0.387298, 1.161895, -1.161895, -0.387298], 1e-6);
  });
  it('a constant indicator (sd = 0) gives 0', () => {
    expectAllClose([...zscore([3, 3], 1)], [0, 0]);
  });
});

describe('percentile', () => {
  it('percentile(a, +1): mid-rank 100·(#below + ½)/4', () => {
    expectAllClose([...percentile(a, 1)], [12.5, 37.5, 62.5, 87.5]);
  });
  it('percentile(b, −1): counts the worse (higher) values', () => {
    // 4: worse are 8, 6 → (2 + ½)/4 = 62.5; 2: 3 worse → 87.5; 8: none → 12.5; 6: one → 37.5
    expectAllClose([...percentile(b, -1)], [62.5, 87.5, 12.5, 37.5]);
  });
  it('ties share the mid-rank: [5, 5, 7] → 100·(0 + ½·2)/3, 100·(2 + ½)/3', () => {
    expectAllClose([...percentile([5, 5, 7], 1)], [100 / 3, 100 / 3, 250 / 3]);
  });
});

describe('distanceToRef', () => {
  it('distanceToRef(a, +1, Italy 25) = 100·x/25', () => {
    expectAllClose([...distanceToRef(a, 1, 25)], [40, 80, 120, 200]);
  });
  it('distanceToRef(b, −1, Italy 5) = 100·(2 − x/5)', () => {
    // 4 → 120, 2 → 160, 8 → 40, 6 → 80
    expectAllClose([...distanceToRef(b, -1, 5)], [120, 160, 40, 80]);
  });
  it('stays linear and ordered across 0 (a negative gap): −2 with ref 4, polarity −1 → 100·(1 + 6/4) = 250', () => {
    expectAllClose([...distanceToRef([-2, 0, 4], -1, 4)], [250, 200, 100]);
  });
  it('a zero or missing reference gives NaN (no division by 0)', () => {
    expect([...distanceToRef([1, 2], 1, 0)].every(Number.isNaN)).toBe(true);
    expect([...distanceToRef([1, 2], 1, NaN)].every(Number.isNaN)).toBe(true);
  });
});

it("normalise('minmax', …) dispatches", () => {
  expectAllClose([...normalise('minmax', a, 1, 25)], [0, 25, 50, 100]);
  expectAllClose([...normalise('distance_to_ref', a, 1, 25)], [40, 80, 120, 200]);
});
