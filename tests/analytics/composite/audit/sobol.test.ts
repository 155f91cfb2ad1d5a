import { describe, expect, it } from 'vitest';
import {
  bruteForceSobol,
  ishigami,
  sobol,
  sobolFromRuns,
  type Model,
} from '../../../../src/analytics/composite/audit/sobol';

// Ishigami, a = 7, b = 0.1 (references.md): S1 ≈ 0.3139, S2 ≈ 0.4424, S3 = 0, ST3 ≈ 0.2437
const a = 7;
const b = 0.1;
const V = (a * a) / 8 + (b * Math.PI ** 4) / 5 + (b * b * Math.PI ** 8) / 18 + 0.5;
const S1 = (0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2) / V;
const S2 = (a * a) / 8 / V;
const ST3 = (8 * b * b * Math.PI ** 8) / 225 / V;

describe('Sobol indices from a Saltelli design', () => {
  it('the analytic Ishigami indices are the published ones', () => {
    expect(S1).toBeCloseTo(0.3139, 4);
    expect(S2).toBeCloseTo(0.4424, 4);
    expect(ST3).toBeCloseTo(0.2437, 4);
  });

  it('Ishigami: N = 20,000 (100,000 runs) within 0.02 of S1, S2, S3 = 0, ST1 = S1 + S13, ST2 = S2, ST3; the bootstrap 5–95 % interval covers them', () => {
    const r = sobol(ishigami(a, b), 3, 1, { n: 20000, seed: 1, keep: [0], bootstrap: 200 });
    expect(r.runs).toBe(100000);
    const ix = r.indices[0];
    expect(ix.variance).toBeCloseTo(V, 0);
    expect(Math.abs(ix.first[0] - S1)).toBeLessThan(0.02);
    expect(Math.abs(ix.first[1] - S2)).toBeLessThan(0.02);
    expect(Math.abs(ix.first[2])).toBeLessThan(0.02);
    expect(Math.abs(ix.total[0] - (S1 + ST3))).toBeLessThan(0.02);
    expect(Math.abs(ix.total[1] - S2)).toBeLessThan(0.02);
    expect(Math.abs(ix.total[2] - ST3)).toBeLessThan(0.02);
    const iv = r.intervals[0];
    for (const [k, want] of [
      [0, S1],
      [1, S2],
    ] as const) {
      expect(iv.firstLo[k]).toBeLessThan(want + 0.01);
      expect(iv.firstHi[k]).toBeGreaterThan(want - 0.01);
    }
    expect(iv.totalLo[2]).toBeLessThan(ST3);
    expect(iv.totalHi[2]).toBeGreaterThan(ST3);
  });

  it('a linear model y = x1 + 2·x2 (+ 0·x3): S = ST = (1/5, 4/5, 0), the unused factor exactly 0', () => {
    const lin: Model = (x, out) => void (out[0] = x[0] + 2 * x[1]);
    const ix = sobol(lin, 3, 1, { n: 20000, seed: 3, bootstrap: 0 }).indices[0];
    expect(ix.first[0]).toBeCloseTo(0.2, 1);
    expect(ix.first[1]).toBeCloseTo(0.8, 1);
    expect(ix.total[0]).toBeCloseTo(0.2, 1);
    expect(ix.total[1]).toBeCloseTo(0.8, 1);
    expect(ix.first[2]).toBe(0);
    expect(ix.total[2]).toBe(0);
  });

  it('is deterministic for a seed, and different seeds give different estimates', () => {
    const f = ishigami();
    const x = sobol(f, 3, 1, { n: 500, seed: 9, bootstrap: 0 }).indices[0];
    const y = sobol(f, 3, 1, { n: 500, seed: 9, bootstrap: 0 }).indices[0];
    const z = sobol(f, 3, 1, { n: 500, seed: 10, bootstrap: 0 }).indices[0];
    expect(Array.from(x.first)).toEqual(Array.from(y.first));
    expect(x.first[0]).not.toBe(z.first[0]);
  });

  it('a constant output has no variance: indices NaN, not 0 or Infinity', () => {
    const ix = sobol((_, out) => void (out[0] = 4), 2, 1, { n: 50, seed: 1, bootstrap: 0 }).indices[0];
    expect(ix.variance).toBe(0);
    expect(ix.first[0]).toBeNaN();
  });

  it('sobolFromRuns on hand-made runs: yA = (0, 2), yB = (2, 0), yAB1 = yB → V = 1, S1 = 2, ST1 = 2 (worked by hand)', () => {
    // mean of the 4 values = 1, V = (1+1+1+1)/4 = 1; S = mean(yB·(yAB − yA)) = (2·(2−0) + 0·(0−2))/2 = 2; ST = mean((yA−yAB)²)/2 = (4+4)/2/2 = 2
    const ix = sobolFromRuns([0, 2], [2, 0], [[2, 0]]);
    expect(ix.variance).toBe(1);
    expect(ix.first[0]).toBe(2);
    expect(ix.total[0]).toBe(2);
  });

  it('the naive nested Monte Carlo (no reuse) agrees on Ishigami within 0.05', () => {
    const r = bruteForceSobol(ishigami(a, b), 3, 1, 0, 300, 300, 5);
    expect(r.runs).toBe(2 * 3 * 300 * 300);
    expect(Math.abs(r.first[0] - S1)).toBeLessThan(0.05);
    expect(Math.abs(r.first[1] - S2)).toBeLessThan(0.05);
    expect(Math.abs(r.total[2] - ST3)).toBeLessThan(0.05);
  });
});
