import { describe, expect, it } from 'vitest';
import { NO_DATA, SCHEME_NAMES, SEQUENTIAL_SCHEMES, isDiverging, schemeColors } from '../../src/analytics/palettes';
import type { SchemeName } from '../../src/analytics/palettes';

const HEX = /^#[0-9a-f]{6}$/;

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('schemeColors', () => {
  it('every scheme gives k distinct lowercase hex colours for k = 3..9', () => {
    for (const name of SCHEME_NAMES) {
      for (let k = 3; k <= 9; k++) {
        const c = schemeColors(name, k);
        expect(c).toHaveLength(k);
        c.forEach((x) => expect(x).toMatch(HEX));
        expect(new Set(c).size).toBe(k);
      }
    }
  });
  it("schemeColors('YlGnBu', 3) is ColorBrewer's YlGnBu 3", () => {
    expect(schemeColors('YlGnBu', 3)).toEqual(['#edf8b1', '#7fcdbb', '#2c7fb8']);
  });
  it("schemeColors('RdBu', 3) is ColorBrewer's RdBu 3 (red low, blue high)", () => {
    expect(schemeColors('RdBu', 3)).toEqual(['#ef8a62', '#f7f7f7', '#67a9cf']);
  });
  it("schemeColors('viridis', 3) samples t = 0, ½, 1", () => {
    expect(schemeColors('viridis', 3)).toEqual(['#440154', '#21918c', '#fde725']);
  });
  it("schemeColors('Blues', 5, { reverse: true }) is Blues 5 reversed", () => {
    expect(schemeColors('Blues', 5, { reverse: true })).toEqual([...schemeColors('Blues', 5)].reverse());
  });
  it('sequential schemes change luminance monotonically', () => {
    for (const name of SEQUENTIAL_SCHEMES) {
      for (let k = 3; k <= 9; k++) {
        const l = schemeColors(name, k).map(luminance);
        const up = l.every((x, i) => i === 0 || x > l[i - 1]);
        const down = l.every((x, i) => i === 0 || x < l[i - 1]);
        expect(up || down, `${name} ${k}`).toBe(true);
      }
    }
  });
  it('k = 2 takes the ends and k = 1 the middle of the 3-class scheme; k = 0 gives []', () => {
    expect(schemeColors('YlGnBu', 2)).toEqual(['#edf8b1', '#2c7fb8']);
    expect(schemeColors('YlGnBu', 1)).toEqual(['#7fcdbb']);
    expect(schemeColors('viridis', 2)).toEqual(['#440154', '#fde725']);
    expect(schemeColors('YlGnBu', 0)).toEqual([]);
  });
  it('k out of range or an unknown name throws', () => {
    expect(() => schemeColors('Blues', 10)).toThrow(/k must be an integer 0..9/);
    expect(() => schemeColors('Blues', 2.5)).toThrow(/k must be an integer/);
    expect(() => schemeColors('Jet' as SchemeName, 5)).toThrow(/unknown scheme "Jet"/);
  });
  it('isDiverging', () => {
    expect(isDiverging('PuOr')).toBe(true);
    expect(isDiverging('cividis')).toBe(false);
  });
});

describe('NO_DATA', () => {
  it('is a neutral grey (r = g = b) with a hatch, and in no palette', () => {
    expect(NO_DATA.fill).toMatch(HEX);
    const [r, g, b] = [1, 3, 5].map((i) => NO_DATA.fill.slice(i, i + 2));
    expect(r === g && g === b).toBe(true);
    expect(NO_DATA.hatch).not.toBe(NO_DATA.fill);
    for (const name of SCHEME_NAMES) {
      for (let k = 1; k <= 9; k++) {
        expect(schemeColors(name, k)).not.toContain(NO_DATA.fill);
        expect(schemeColors(name, k)).not.toContain(NO_DATA.hatch);
      }
    }
  });
});
