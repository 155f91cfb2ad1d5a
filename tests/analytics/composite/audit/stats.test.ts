import { describe, expect, it } from 'vitest';
import {
  checkOutliers,
  correlation,
  correlationMatrix,
  cronbachAlpha,
  jacobiEigen,
  kurtosis,
  midRanks,
  pca,
  skewness,
  suggestWinsorising,
  tTwoSided,
} from '../../../../src/analytics/composite/audit/stats';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('skewness and kurtosis, type 2 (COINr skew()/kurt(), Excel SKEW/KURT)', () => {
  it('COINr vector c(1:10, 100): skew 3.255638, kurt 10.706674', () => {
    const x = [...range(1, 10), 100];
    expect(skewness(x)).toBeCloseTo(3.255638, 5);
    expect(kurtosis(x)).toBeCloseTo(10.706674, 5);
  });
  it('COINr vector c(1:20, 100, 200): skew 3.585570, kurt 13.339023', () => {
    const x = [...range(1, 20), 100, 200];
    expect(skewness(x)).toBeCloseTo(3.58557, 5);
    expect(kurtosis(x)).toBeCloseTo(13.339023, 5);
  });
  it('symmetric data has skew 0; missing values are ignored; too few values give NaN', () => {
    expect(skewness([1, 2, 3, 4, 5, NaN])).toBeCloseTo(0, 12);
    expect(skewness([1, 2])).toBeNaN();
    expect(kurtosis([1, 2, 3])).toBeNaN();
    expect(skewness([3, 3, 3, 3])).toBeNaN();
  });
});

describe('outlier rule and the suggested winsorising (COINr treat, winmax 5)', () => {
  it('c(1:10, 100) is flagged; winsorising one point turns 100 into 10 (skew −0.127622, kurt −1.336677)', () => {
    const c = checkOutliers([...range(1, 10), 100]);
    expect(c.flagged).toBe(true);
    const s = c.suggestion!;
    expect(s.points).toBe(1);
    expect(s.side).toBe('high');
    expect(s.values[10]).toBe(10);
    expect(s.skew).toBeCloseTo(-0.127622, 5);
    expect(s.kurt).toBeCloseTo(-1.336677, 5);
    expect(s.passes).toBe(true);
  });
  it('c(1:20, 100, 200): two points winsorised (200 → 100, then both → 20)', () => {
    const s = suggestWinsorising([...range(1, 20), 100, 200]);
    expect(s.points).toBe(2);
    expect(s.values[20]).toBe(20);
    expect(s.values[21]).toBe(20);
    expect(s.passes).toBe(true);
  });
  it('negative skew winsorises the low end; 1..10 is not flagged; NaN stays NaN', () => {
    const s = suggestWinsorising([-100, ...range(1, 10), NaN]);
    expect(s.side).toBe('low');
    expect(s.values[0]).toBe(1);
    expect(s.values[11]).toBeNaN();
    expect(checkOutliers(range(1, 10)).flagged).toBe(false);
    expect(checkOutliers(range(1, 10)).suggestion).toBeNull();
  });
  it('both conditions are needed: heavy symmetric tails (kurtosis ≥ 3.5, |skew| < 2) pass', () => {
    const x = [-100, ...range(1, 10), 111];
    expect(kurtosis(x)).toBeGreaterThan(3.5);
    expect(Math.abs(skewness(x))).toBeLessThan(2);
    expect(checkOutliers(x).flagged).toBe(false);
  });
});

describe('correlations with p-values', () => {
  it('Pearson on a worked set: x = 1..5, y = (2,4,5,4,5) → r = 6/√60; p from the closed-form t(3) distribution', () => {
    const c = correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(c.r).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(c.n).toBe(5);
    const t = c.r * Math.sqrt(3 / (1 - c.r * c.r));
    const th = Math.atan(t / Math.sqrt(3));
    // Student t with 3 df: P(|T| ≥ t) = 1 − (2/π)(θ + sinθ·cosθ), θ = atan(t/√3)
    expect(c.p).toBeCloseTo(1 - (2 / Math.PI) * (th + Math.sin(th) * Math.cos(th)), 10);
  });
  it('t(1) is the Cauchy distribution: P(|T| ≥ 1) = 1/2; t(2): P(|T| ≥ t) = 1 − t/√(2 + t²)', () => {
    expect(tTwoSided(1, 1)).toBeCloseTo(0.5, 12);
    expect(tTwoSided(2.5, 2)).toBeCloseTo(1 - 2.5 / Math.sqrt(2 + 6.25), 12);
    expect(tTwoSided(0, 7)).toBeCloseTo(1, 12);
  });
  it('Spearman = Pearson of the mid-ranks: x = 1..5, y = (5,6,7,8,7) → ranks (1,2,3.5,5,3.5), r = 8/√95', () => {
    expect(Array.from(midRanks([5, 6, 7, 8, 7]))).toEqual([1, 2, 3.5, 5, 3.5]);
    expect(correlation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7], 'spearman').r).toBeCloseTo(8 / Math.sqrt(95), 12);
  });
  it('pairwise complete observations; a perfect correlation has p = 0; the matrix is symmetric with 1 on the diagonal', () => {
    const c = correlation([1, 2, NaN, 4, 5], [2, 4, 100, 8, 10]);
    expect(c.n).toBe(4);
    expect(c.r).toBeCloseTo(1, 12);
    expect(c.p).toBe(0);
    const m = correlationMatrix([
      [1, 2, 3, 4],
      [4, 3, 1, 2],
      [1, 3, 2, 5],
    ]);
    expect(m[0][0].r).toBe(1);
    expect(m[0][1].r).toBe(m[1][0].r);
    expect(m[0][1].r).toBeCloseTo(-0.8, 12);
  });
});

describe('Cronbach’s alpha and PCA on a hand-worked matrix', () => {
  // x1 = 1,2,3,4 and x2 = 1,3,2,4: var 5/3 each, the sum 2,5,5,8 has var 6 → α = 2·(1 − (10/3)/6) = 8/9
  const x1 = [1, 2, 3, 4];
  const x2 = [1, 3, 2, 4];
  it('α = 8/9 (complete cases only)', () => {
    expect(cronbachAlpha([x1, x2]).alpha).toBeCloseTo(8 / 9, 12);
    const a = cronbachAlpha([
      [...x1, 7],
      [...x2, NaN],
    ]);
    expect(a.alpha).toBeCloseTo(8 / 9, 12);
    expect(a.n).toBe(4);
    expect(cronbachAlpha([x1]).alpha).toBeNaN();
  });
  it('two columns with r = 0.8: eigenvalues 1.8 and 0.2, 90 % explained, PC1 loadings (1/√2, 1/√2)', () => {
    const r = pca([x1, x2])!;
    expect(r.eigenvalues[0]).toBeCloseTo(1.8, 12);
    expect(r.eigenvalues[1]).toBeCloseTo(0.2, 12);
    expect(r.explained[0]).toBeCloseTo(0.9, 12);
    expect(r.loadings[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(r.loadings[1]).toBeCloseTo(Math.SQRT1_2, 12);
  });
  it('Jacobi: equicorrelation 0.5 in 3 dimensions → 1 + 2ρ = 2, then 1 − ρ = 0.5 twice, PC1 = 1/√3 each; a known 3×3', () => {
    const e = jacobiEigen([
      [1, 0.5, 0.5],
      [0.5, 1, 0.5],
      [0.5, 0.5, 1],
    ]);
    expect(e.values[0]).toBeCloseTo(2, 12);
    expect(e.values[1]).toBeCloseTo(0.5, 12);
    expect(e.values[2]).toBeCloseTo(0.5, 12);
    for (const v of e.vectors[0]) expect(Math.abs(v)).toBeCloseTo(1 / Math.sqrt(3), 12);
    const f = jacobiEigen([
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 5],
    ]);
    expect(f.values.map((x) => Math.round(x * 1e10) / 1e10)).toEqual([5, 3, 1]);
    expect(Math.abs(f.vectors[1][0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(f.vectors[1][0] * f.vectors[1][1]).toBeGreaterThan(0);
  });
  it('PC1 loadings are signed so that they sum to ≥ 0; too few cases → null', () => {
    const r = pca([
      [1, 2, 3, 4],
      [4, 3, 2, 1.5],
    ])!;
    expect(r.loadings[0] + r.loadings[1]).toBeGreaterThanOrEqual(0);
    expect(
      pca([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
  });
});
