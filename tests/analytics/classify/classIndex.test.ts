import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classCounts, classIndex } from '../../../src/analytics/classify';

const SEED = { seed: 20240611, numRuns: 300 };

describe('classIndex', () => {
  const breaks = [4, 7];
  it.each([
    [1, 0],
    [3.999, 0],
    [4, 1], // equal to a break → upper class
    [6.5, 1],
    [7, 2], // equal to a break → upper class
    [100, 2],
    [-1e9, 0],
  ])('classIndex(%d, [4, 7]) = %d', (v, c) => {
    expect(classIndex(v, breaks)).toBe(c);
  });
  it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])('classIndex(%s, breaks) = null', (v) => {
    expect(classIndex(v, breaks)).toBeNull();
  });
  it('classIndex(v, []) = 0', () => {
    expect(classIndex(5, [])).toBe(0);
  });
  it('classCounts([1, 4, 5, 7, null], [4, 7]) = [1, 2, 1]', () => {
    expect(classCounts([1, 4, 5, 7, null], breaks)).toEqual([1, 2, 1]);
  });

  const sortedBreaks = fc
    .uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
      minLength: 0,
      maxLength: 8,
      comparator: 'SameValueZero',
    })
    .map((b) => b.sort((x, y) => x - y));
  const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -2e6, max: 2e6 });

  it('property: classIndex is monotone in value', () => {
    fc.assert(
      fc.property(sortedBreaks, value, value, (b, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        return (classIndex(lo, b) as number) <= (classIndex(hi, b) as number);
      }),
      SEED,
    );
  });
  it('property: classIndex(v) is in 0..breaks.length and respects the thresholds', () => {
    fc.assert(
      fc.property(sortedBreaks, value, (b, v) => {
        const c = classIndex(v, b) as number;
        if (c < 0 || c > b.length) return false;
        if (c > 0 && !(b[c - 1] <= v)) return false;
        if (c < b.length && !(v < b[c])) return false;
        return true;
      }),
      SEED,
    );
  });
  it('property: a value equal to break i is in class i + 1', () => {
    fc.assert(
      fc.property(sortedBreaks, (b) => b.every((x, i) => classIndex(x, b) === i + 1)),
      SEED,
    );
  });
});
