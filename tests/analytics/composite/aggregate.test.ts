import { describe, expect, it } from 'vitest';
import { computeIndex } from '../../../src/analytics/composite/compute';
import { A, B, C, EXAMPLE, config } from '../../fixtures/composite/example';
import { expectAllClose, expectClose } from '../asserts';

// a (labour, +1) and b (stability, −1); pillars equal → weights ½, ½
const AB = config([A, B, { ...C, enabled: false }]);

describe('computeIndex: arithmetic mean', () => {
  it('minmax + arithmetic, weights ½ ½', () => {
    // minmax a: 0, 25, 50, 100; minmax b (−1): 66.667, 100, 0, 33.333
    // A (0 + 66.667)/2 = 33.333; B (25 + 100)/2 = 62.5; C (50 + 0)/2 = 25; D (100 + 33.333)/2 = 66.667
    const r = computeIndex(EXAMPLE, AB);
    expectAllClose([...r.scores], [100 / 3, 62.5, 25, 200 / 3]);
    expect([...r.rank]).toEqual([3, 2, 4, 1]);
    // contributions = w·y: A → 0 and 33.333
    expectAllClose([r.contributions[0][0], r.contributions[1][0]], [0, 100 / 3]);
    expect(r.contributions[2][0]).toBeNaN(); // disabled
    expectAllClose([...r.pillarScores.labour!], [0, 25, 50, 100]);
    expectAllClose([...r.pillarScores.stability!], [400 / 6, 100, 0, 200 / 6]);
  });
  it('percentile + arithmetic', () => {
    // a: 12.5, 37.5, 62.5, 87.5; b: 62.5, 87.5, 12.5, 37.5 → A 37.5, B 62.5, C 37.5, D 62.5 (ties share rank)
    const r = computeIndex(EXAMPLE, { ...AB, normalisation: 'percentile' });
    expectAllClose([...r.scores], [37.5, 62.5, 37.5, 62.5]);
    expect([...r.rank]).toEqual([3, 1, 3, 1]);
  });
  it('distance_to_ref + arithmetic', () => {
    // a: 40, 80, 120, 200; b: 120, 160, 40, 80 → 80, 120, 80, 140
    expectAllClose([...computeIndex(EXAMPLE, { ...AB, normalisation: 'distance_to_ref' }).scores], [80, 120, 80, 140]);
  });
  it('zscore + arithmetic', () => {
    // (−1.024695 + 0.387298)/2 = −0.318699; (−0.439155 + 1.161895)/2 = 0.361370;
    // (0.146385 − 1.161895)/2 = −0.507755; (1.317465 − 0.387298)/2 = 0.465084
    expectAllClose(
      [...computeIndex(EXAMPLE, { ...AB, normalisation: 'zscore' }).scores],
      [-0.318699, 0.36137, -0.507755, 0.465084],
      1e-5,
    );
  });
  it('unequal weights: a weight 3 in a pillar of weight 3, b pillar weight 1 → ¾ ¼', () => {
    // A: ¾·0 + ¼·66.667 = 16.667; D: ¾·100 + ¼·33.333 = 83.333
    const r = computeIndex(EXAMPLE, { ...AB, pillarWeights: { labour: 3, stability: 1 } });
    expectClose(r.scores[0], 50 / 3);
    expectClose(r.scores[3], 250 / 3);
  });
});

describe('computeIndex: geometric mean', () => {
  it('minmax re-scaled to 1..100 (g = 1 + 0.99·y), then Π g^½', () => {
    // g_a: 1, 25.75, 50.5, 100; g_b: 1 + 0.99·66.667 = 67, 100, 1, 1 + 0.99·33.333 = 34
    // A √(1·67) = 8.185353; B √(25.75·100) = 50.744458; C √(50.5·1) = 7.106335; D √(100·34) = 58.309519
    const r = computeIndex(EXAMPLE, { ...AB, aggregation: 'geometric' });
    expectAllClose([...r.scores], [8.185353, 50.744458, 7.106335, 58.309519], 1e-6);
    expect([...r.rank]).toEqual([3, 2, 4, 1]);
  });
  it('contributions: share of the log times the score', () => {
    // D: ln S = ½(ln 100 + ln 34) = ½(4.605170 + 3.526361) = 4.065766
    // c_a = 58.309519·½·4.605170/4.065766 = 33.022720; c_b = 58.309519·½·3.526361/4.065766 = 25.286799
    const r = computeIndex(EXAMPLE, { ...AB, aggregation: 'geometric' });
    expectAllClose([r.contributions[0][3], r.contributions[1][3]], [33.02272, 25.286799], 1e-6);
    // A: g_a = 1 → ln 1 = 0 → all of the score comes from b
    expectAllClose([r.contributions[0][0], r.contributions[1][0]], [0, Math.sqrt(67)]);
  });
});

describe('computeIndex: AMPI−', () => {
  // Ref_a = 25 (Italy), Δ_a = (50 − 10)/2 = 20 → r_a = 70 + 60·(x − 5)/40: 77.5, 92.5, 107.5, 137.5
  // Ref_b = 5, Δ_b = (8 − 2)/2 = 3, polarity −1 → r_b = 130 − 60·(x − 2)/6: 110, 130, 70, 90
  // A: M = 93.75, S = |110 − 77.5|/2 = 16.25, cv = 0.173333, AMPI = 93.75 − 16.25·0.173333 = 90.933333
  // B: M = 111.25, S = 18.75, S²/M = 3.160112 → 108.089888
  // C: M = 88.75, S = 18.75, S²/M = 3.961268 → 84.788732
  // D: M = 113.75, S = 23.75, S²/M = 4.958791 → 108.791209
  const r = computeIndex(EXAMPLE, { ...AB, aggregation: 'ampi' });
  it('scores and ranks', () => {
    expectAllClose([...r.scores], [90.933333, 108.089888, 84.788732, 108.791209], 1e-6);
    expect([...r.rank]).toEqual([3, 2, 4, 1]);
  });
  it('normalised = the r_ij (AMPI re-scales the raw values itself)', () => {
    expectAllClose([...r.normalised[0]], [77.5, 92.5, 107.5, 137.5]);
    expectAllClose([...r.normalised[1]], [110, 130, 70, 90]);
  });
  it('contributions: ½·(r − (r − M)²/M), summing to the score', () => {
    // A: (77.5 − 93.75)² / 93.75 = 264.0625/93.75 = 2.816667 (same for b)
    // c_a = ½(77.5 − 2.816667) = 37.341667; c_b = ½(110 − 2.816667) = 53.591667
    expectAllClose([r.contributions[0][0], r.contributions[1][0]], [37.341667, 53.591667], 1e-6);
  });
  it('the unbalanced profile is penalised: A (77.5, 110) has M 93.75 but scores 90.93', () => {
    expect(r.scores[0]).toBeLessThan(93.75);
  });
});
