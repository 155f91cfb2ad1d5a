import { describe, expect, it } from 'vitest';
import {
  distanceForm,
  distanceToRef,
  minmax,
  normalise,
  percentile,
  zscore,
} from '../../../src/analytics/composite/normalise';
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
  it('a positive level with ref ≥ sd keeps the ratio form (a: ref 25, sd 17.078)', () => {
    expect(distanceForm(a, 25)).toBe('ratio');
    expect(distanceForm(b, 5)).toBe('ratio'); // sd 2.582
  });
});

describe('distanceToRef: the scaled difference 100 + 10·p·(x − ref)/sd', () => {
  it('a change with a negative reference: x = −6, −3, 0, 3, Italy −3, polarity +1', () => {
    // mean −1.5; deviations −4.5, −1.5, 1.5, 4.5; Σ² = 45; sd = √(45/3) = √15 = 3.872983
    // 100 + 10·(x + 3)/3.872983: −6 → 100 − 7.745967 = 92.254033; −3 → 100; 0 → 107.745967; 3 → 115.491933
    const x = [-6, -3, 0, 3];
    expect(distanceForm(x, -3)).toBe('difference');
    expectAllClose([...distanceToRef(x, 1, -3)], [92.254033, 100, 107.745967, 115.491933], 1e-6);
  });
  it('a gap that changes sign, polarity −1: −2, 0, 4 with ref 4', () => {
    // mean 2/3; deviations −8/3, −2/3, 10/3; Σ² = (64 + 4 + 100)/9 = 18.6667; sd = √(18.6667/2) = 3.055050
    // 100 − 10·(x − 4)/3.055050: −2 → 100 + 60/3.055050 = 119.639610; 0 → 100 + 40/3.055050 = 113.093073; 4 → 100
    // (the ratio form would give 250, 200, 100: the span grows as 1/|ref|)
    expect(distanceForm([-2, 0, 4], 4)).toBe('difference');
    expectAllClose([...distanceToRef([-2, 0, 4], -1, 4)], [119.63961, 113.093073, 100], 1e-6);
  });
  it('a positive reference smaller than the spread: 1, 2, 10 with ref 3 (sd 4.932883 > 3)', () => {
    // mean 13/3; Σ² = (100 + 49 + 289)/9 = 48.6667; sd = √24.3333 = 4.932883
    // 100 + 10·(x − 3)/4.932883: 1 → 95.945578; 2 → 97.972789; 10 → 114.190451
    expect(distanceForm([1, 2, 10], 3)).toBe('difference');
    expectAllClose([...distanceToRef([1, 2, 10], 1, 3)], [95.945578, 97.972789, 114.190451], 1e-6);
  });
  it('a zero reference is a difference too (no division by 0); a missing one gives NaN; sd 0 gives 100', () => {
    // [1, 2]: sd = √0.5 = 0.707107 → 100 + 10·x/0.707107 = 114.142136, 128.284271
    expectAllClose([...distanceToRef([1, 2], 1, 0)], [114.142136, 128.284271], 1e-6);
    expect([...distanceToRef([1, 2], 1, NaN)].every(Number.isNaN)).toBe(true);
    expectAllClose([...distanceToRef([-1, -1], 1, -1)], [100, 100]);
  });
});

it("normalise('minmax', …) dispatches", () => {
  expectAllClose([...normalise('minmax', a, 1, 25)], [0, 25, 50, 100]);
  expectAllClose([...normalise('distance_to_ref', a, 1, 25)], [40, 80, 120, 200]);
});
