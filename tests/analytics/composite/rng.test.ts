import { describe, expect, it } from 'vitest';
import { createRng, dirichlet, gamma, normal } from '../../../src/analytics/rng';

const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const variance = (a: number[]) => {
  const m = mean(a);
  return a.reduce((s, x) => s + (x - m) * (x - m), 0) / (a.length - 1);
};

describe('createRng', () => {
  it('the seed fixes the sequence; another seed gives another one', () => {
    const x = createRng(42);
    const y = createRng(42);
    const z = createRng(43);
    const a = Array.from({ length: 5 }, x);
    expect(Array.from({ length: 5 }, y)).toEqual(a);
    expect(Array.from({ length: 5 }, z)).not.toEqual(a);
  });
  it('uniform on the open interval (0, 1) with mean ½ and variance 1/12', () => {
    const r = createRng(1);
    const a = Array.from({ length: 20000 }, r);
    expect(a.every((u) => u > 0 && u < 1)).toBe(true);
    expect(Math.abs(mean(a) - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance(a) - 1 / 12)).toBeLessThan(0.003);
  });
});

describe('normal, gamma, dirichlet', () => {
  const r = createRng(7);
  it('normal: mean 0, variance 1', () => {
    const a = Array.from({ length: 20000 }, () => normal(r));
    expect(Math.abs(mean(a))).toBeLessThan(0.03);
    expect(Math.abs(variance(a) - 1)).toBeLessThan(0.04);
  });
  it.each([0.3, 1, 2.5, 20])('gamma(%s): mean = variance = shape', (k) => {
    const a = Array.from({ length: 20000 }, () => gamma(r, k));
    expect(a.every((g) => g >= 0)).toBe(true);
    expect(Math.abs(mean(a) - k) / k).toBeLessThan(0.04);
    expect(Math.abs(variance(a) - k) / k).toBeLessThan(0.08);
  });
  it('gamma of a non-positive shape is NaN', () => {
    expect(gamma(r, 0)).toBeNaN();
  });
  it('dirichlet(α): sums to 1, mean α/Σα, zero α stays 0', () => {
    const alphas = [2, 6, 0, 12]; // means 0.1, 0.3, 0, 0.6
    const sums = [0, 0, 0, 0];
    const N = 5000;
    for (let d = 0; d < N; d++) {
      const w = dirichlet(r, alphas);
      expect(Math.abs(w.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
      expect(w[2]).toBe(0);
      w.forEach((x, j) => (sums[j] += x / N));
    }
    [0.1, 0.3, 0, 0.6].forEach((m, j) => expect(Math.abs(sums[j] - m)).toBeLessThan(0.01));
  });
});
