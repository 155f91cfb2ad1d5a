import { describe, it, expect } from 'vitest';
import {
  BIVARIATE_PALETTE,
  bivariateClass,
  quantileSorted,
  tercile,
  tercileBreaks,
} from '../../src/priority/bivariate';

describe('tercileBreaks', () => {
  it('cuts 1…9 at the 1/3 and 2/3 quantiles (type 7)', () => {
    // h = (9 − 1)/3 = 2.667 → 3 + 0.667·(4 − 3) = 3.667; h = 16/3 = 5.333 → 6 + 0.333 = 6.333
    const b = tercileBreaks([9, 1, 5, 2, 8, 3, 7, 4, 6])!;
    expect(b[0]).toBeCloseTo(11 / 3, 12);
    expect(b[1]).toBeCloseTo(19 / 3, 12);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => tercile(v, b))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });
  it('ignores missing values and returns null when nothing is left', () => {
    expect(tercileBreaks([null, NaN, Infinity])).toBeNull();
    expect(tercileBreaks([null, 4])).toEqual([4, 4]);
  });
  it('a value equal to a break goes to the lower class', () => {
    expect(tercile(2, [2, 5])).toBe(0);
    expect(tercile(5, [2, 5])).toBe(1);
    expect(tercile(5.0001, [2, 5])).toBe(2);
  });
  it('quantileSorted interpolates between order statistics', () => {
    expect(quantileSorted([10, 20], 0.5)).toBe(15);
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(quantileSorted([7], 0.9)).toBe(7);
  });
});

describe('bivariateClass', () => {
  const xb: [number, number] = [40, 60];
  const yb: [number, number] = [10, 20];
  it('is xClass + 3·yClass', () => {
    expect(bivariateClass(30, 5, xb, yb)).toBe(0); // low, low
    expect(bivariateClass(70, 5, xb, yb)).toBe(2); // high potential, low coverage: the priority cell
    expect(bivariateClass(30, 25, xb, yb)).toBe(6); // low potential, high coverage
    expect(bivariateClass(50, 15, xb, yb)).toBe(4); // middle
    expect(bivariateClass(70, 25, xb, yb)).toBe(8);
  });
});

// ------------------------------------------------------------------ colour-vision deficiency check
// Machado, Oliveira & Fernandes (2009), severity 1.0, applied in linear sRGB; distances in CIELAB (ΔE76).
const MACHADO = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const toLin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function rgbLin(hex: string): number[] {
  return [1, 3, 5].map((i) => toLin(parseInt(hex.slice(i, i + 2), 16) / 255));
}
function lab([r, g, b]: number[]): number[] {
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
const clamp = (v: number) => Math.min(1, Math.max(0, v));
function minDeltaE(m: number[][] | null): number {
  const labs = BIVARIATE_PALETTE.map((h) => {
    const c = rgbLin(h);
    const s = m ? m.map((row) => clamp(row[0] * c[0] + row[1] * c[1] + row[2] * c[2])) : c;
    return lab(s);
  });
  let min = Infinity;
  for (let a = 0; a < labs.length; a++)
    for (let b = a + 1; b < labs.length; b++)
      min = Math.min(min, Math.hypot(labs[a][0] - labs[b][0], labs[a][1] - labs[b][1], labs[a][2] - labs[b][2]));
  return min;
}

describe('BIVARIATE_PALETTE', () => {
  it('has 9 distinct colours', () => {
    expect(BIVARIATE_PALETTE).toHaveLength(9);
    expect(new Set(BIVARIATE_PALETTE).size).toBe(9);
  });
  it('keeps every pair of cells apart under simulated protanopia, deuteranopia and tritanopia', () => {
    const normal = minDeltaE(null);
    const cvd = Object.fromEntries(Object.entries(MACHADO).map(([k, m]) => [k, minDeltaE(m)]));
    // measured: normal 16.0, protanopia 14.2, deuteranopia 14.6, tritanopia 12.9 (ΔE76 ≈ 2.3 is a just-noticeable difference)
    expect(normal).toBeGreaterThan(15);
    for (const v of Object.values(cvd)) expect(v).toBeGreaterThan(12);
  });
});
