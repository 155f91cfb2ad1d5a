import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classIndex } from '../../../src/analytics/classify';
import type { ClassifyMethod } from '../../../src/analytics/classify';
import { expectAllClose, expectClose } from '../asserts';

const SEED = { seed: 7, numRuns: 200 };
const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('classify quantile', () => {
  it("classify([1..10], 'quantile', 5) → breaks [2.8, 4.6, 6.4, 8.2], two per class", () => {
    const c = classify(ONE_TO_TEN, 'quantile', 5);
    expectAllClose(c.breaks, [2.8, 4.6, 6.4, 8.2]);
    expect(c.counts).toEqual([2, 2, 2, 2, 2]);
    expect(c).toMatchObject({ method: 'quantile', k: 5, min: 1, max: 10, noData: 0 });
  });
  it("classify([1..10], 'quantile', 4) → [3.25, 5.5, 7.75], counts [3, 2, 2, 3]", () => {
    // < 3.25: 1 2 3 | 4 5 | 6 7 | ≥ 7.75: 8 9 10
    const c = classify(ONE_TO_TEN, 'quantile', 4);
    expectAllClose(c.breaks, [3.25, 5.5, 7.75]);
    expect(c.counts).toEqual([3, 2, 2, 3]);
  });
  it("classify([5, null, 1, NaN, 3], 'quantile', 3) ignores missing values", () => {
    // sorted [1, 3, 5]: p = 1/3 → h = 2/3 → 1 + (2/3)·2 = 7/3; p = 2/3 → h = 4/3 → 3 + (1/3)·2 = 11/3
    const c = classify([5, null, 1, Number.NaN, 3], 'quantile', 3);
    expectAllClose(c.breaks, [7 / 3, 11 / 3]);
    expect(c.counts).toEqual([1, 1, 1]);
    expect(c.noData).toBe(2);
    expect(c.min).toBe(1);
    expect(c.max).toBe(5);
  });
  it("classify([1,1,1,1,2,3], 'quantile', 3) drops a break equal to the min → 2 classes", () => {
    // p = 1/3: h = 5/3 → x[1] = 1 (x[2] also 1) → 1 = min, dropped
    // p = 2/3: h = 10/3 → x[3] + (1/3)(x[4] − x[3]) = 1 + 1/3 = 4/3
    const c = classify([1, 1, 1, 1, 2, 3], 'quantile', 3);
    expectAllClose(c.breaks, [4 / 3]);
    expect(c.k).toBe(2);
    expect(c.counts).toEqual([4, 2]);
  });
});

describe('classify equal', () => {
  it("classify([1..10], 'equal', 3) → [4, 7]; 4 and 7 go to the upper class", () => {
    // < 4: 1 2 3 | [4, 7): 4 5 6 | ≥ 7: 7 8 9 10
    const c = classify(ONE_TO_TEN, 'equal', 3);
    expectAllClose(c.breaks, [4, 7]);
    expect(c.counts).toEqual([3, 3, 4]);
  });
  it("classify([0, 1, 2, 10], 'equal', 4) keeps empty inner classes", () => {
    const c = classify([0, 1, 2, 10], 'equal', 4);
    expectAllClose(c.breaks, [2.5, 5, 7.5]);
    expect(c.counts).toEqual([3, 0, 0, 1]);
  });
});

describe('classify ckmeans', () => {
  it("classify(three groups, 'ckmeans', 3) → [10, 20]", () => {
    const c = classify([22, 1, 11, 2, 3, 10, 12, 20, 21], 'ckmeans', 3);
    expect(c.breaks).toEqual([10, 20]);
    expect(c.counts).toEqual([3, 3, 3]);
  });
  it("classify([1, 1, 5, 5], 'ckmeans', 5) → 2 classes (only 2 distinct values)", () => {
    const c = classify([1, 1, 5, 5], 'ckmeans', 5);
    expect(c.breaks).toEqual([5]);
    expect(c.counts).toEqual([2, 2]);
  });
});

describe('classify stddev', () => {
  // mean 5, σ 2 (see stddev.test.ts)
  const X = [2, 4, 4, 4, 5, 5, 7, 9];
  it("classify(x, 'stddev', 4) → [3, 5, 7], counts [1, 3, 2, 2]", () => {
    const c = classify(X, 'stddev', 4);
    expectAllClose(c.breaks, [3, 5, 7]);
    expect(c.counts).toEqual([1, 3, 2, 2]);
  });
  it("classify(x, 'stddev', 5) drops the break at the min (2) → [4, 6, 8]", () => {
    const c = classify(X, 'stddev', 5);
    expectAllClose(c.breaks, [4, 6, 8]);
    expect(c.counts).toEqual([1, 5, 1, 1]);
  });
});

describe('classify manual', () => {
  it("classify([5, 15, 25, 20, null], 'manual', _, [10, 20]) → counts [1, 1, 2]", () => {
    const c = classify([5, 15, 25, 20, null], 'manual', 99, [10, 20]);
    expect(c).toMatchObject({ k: 3, breaks: [10, 20], counts: [1, 1, 2], noData: 1, min: 5, max: 25 });
  });
  it('manual breaks outside the data are kept (empty classes)', () => {
    expect(classify([1, 2], 'manual', 3, [100, 200]).counts).toEqual([2, 0, 0]);
  });
  it('unsorted manual breaks throw a clear Error', () => {
    expect(() => classify([1, 2], 'manual', 3, [5, 1])).toThrow(/strictly ascending/);
    expect(() => classify([1, 2], 'manual', 3)).toThrow(/needs an array/);
  });
});

describe('classify edge cases', () => {
  it('all values missing → no classes, min/max null', () => {
    expect(classify([null, Number.NaN], 'quantile', 5)).toEqual({
      method: 'quantile',
      k: 0,
      breaks: [],
      min: null,
      max: null,
      counts: [],
      noData: 2,
    });
  });
  it('one distinct value → one class', () => {
    for (const m of ['quantile', 'equal', 'ckmeans', 'stddev'] as const) {
      expect(classify([3, 3, 3], m, 5)).toMatchObject({ k: 1, breaks: [], counts: [3], min: 3, max: 3 });
    }
  });
  it('k is clamped to 3..9', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(classify(twenty, 'equal', 12).k).toBe(9);
    expect(classify(twenty, 'equal', 1).k).toBe(3);
    expectClose(classify(twenty, 'equal', 1).breaks[0], 1 + 19 / 3);
  });
  it('unknown method throws', () => {
    expect(() => classify([1, 2, 3], 'jenks' as ClassifyMethod, 3)).toThrow(/Unknown classification method/);
  });
});

describe('classify properties', () => {
  const methods = fc.constantFrom<ClassifyMethod>('quantile', 'equal', 'ckmeans', 'stddev');
  // integers give many ties; doubles give spread
  const num = fc.oneof(
    fc.integer({ min: -20, max: 20 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  );
  const values = fc.array(fc.option(num, { nil: null, freq: 4 }), { maxLength: 60 });
  const k = fc.integer({ min: -2, max: 12 });

  it('counts sum to the non-missing count; noData counts the nulls', () => {
    fc.assert(
      fc.property(values, methods, k, (v, m, kk) => {
        const c = classify(v, m, kk);
        const present = v.filter((x) => x !== null).length;
        return c.counts.reduce((a, b) => a + b, 0) === present && c.noData === v.length - present;
      }),
      SEED,
    );
  });
  it('every non-missing value gets a class in 0..k−1; k ≤ 9 and ≤ distinct values', () => {
    fc.assert(
      fc.property(values, methods, k, (v, m, kk) => {
        const c = classify(v, m, kk);
        const distinct = new Set(v.filter((x) => x !== null).map((x) => (x === 0 ? 0 : x))).size;
        if (c.k !== (distinct === 0 ? 0 : c.breaks.length + 1) || c.counts.length !== c.k) return false;
        if (c.k > 9 || c.k > distinct) return false;
        return v.every((x) => {
          const i = classIndex(x, c.breaks);
          return x === null ? i === null : i !== null && i >= 0 && i < c.k;
        });
      }),
      SEED,
    );
  });
  it('breaks are strictly ascending and inside (min, max]; first and last class non-empty', () => {
    fc.assert(
      fc.property(values, methods, k, (v, m, kk) => {
        const c = classify(v, m, kk);
        if (c.k === 0) return c.breaks.length === 0;
        const ok = c.breaks.every(
          (b, i) => b > (c.min as number) && b <= (c.max as number) && (i === 0 || b > c.breaks[i - 1]),
        );
        return ok && c.counts[0] > 0 && c.counts[c.k - 1] > 0;
      }),
      SEED,
    );
  });
  it('ckmeans leaves no class empty', () => {
    fc.assert(
      fc.property(values, k, (v, kk) => classify(v, 'ckmeans', kk).counts.every((n) => n > 0)),
      SEED,
    );
  });
  it('result does not depend on input order', () => {
    fc.assert(
      fc.property(values, methods, k, (v, m, kk) => {
        expect(classify([...v].reverse(), m, kk)).toEqual(classify(v, m, kk));
      }),
      SEED,
    );
  });
});
