import { describe, expect, it } from 'vitest';
import { buildMatrix, sourceLevelOf, type IndicatorRowWithId, type MatrixTerritory } from '../../../src/analytics/composite/matrix';
import { aggregateRatioOfSums, parentMapping } from '../../../src/analytics/levels';
import { expectAllClose, expectClose } from '../asserts';

// Italy; regions 01, 02; provinces 001, 002 (in 01) and 003 (in 02).
const T: MatrixTerritory[] = [
  { level: 'italy', code: 'IT', name: 'Italia' },
  { level: 'region', code: '01', name: 'R1', region_code: '01' },
  { level: 'region', code: '02', name: 'R2', region_code: '02' },
  { level: 'province', code: '001', name: 'P1', province_code: '001', region_code: '01' },
  { level: 'province', code: '002', name: 'P2', province_code: '002', region_code: '01' },
  { level: 'province', code: '003', name: 'P3', province_code: '003', region_code: '02' }
];

// r: regional only (Italy 12) → provinces inherit it.
// p: provincial rates 30 % (3/10) and 3.333 % (1/30), P3 missing (2 of 3 measured → no inheritance);
//    the region of P1, P2 is their ratio of sums 100·4/40 = 10 (not the mean of the rates, 16.667).
const pRows: IndicatorRowWithId[] = [
  { indicator: 'p', level: 'province', code: '001', year: 2021, value: 30, numerator: 3, denominator: 10 },
  { indicator: 'p', level: 'province', code: '002', year: 2021, value: 100 / 30, numerator: 1, denominator: 30 },
  { indicator: 'p', level: 'province', code: '001', year: 2020, value: 99 }
];
const regional = aggregateRatioOfSums(
  pRows.filter((r) => r.year === 2021).map((r) => ({ code: r.code, numerator: r.numerator, denominator: r.denominator })),
  parentMapping(T, 'province', 'region'),
  { scale: 100, allowPartial: true }
);
const ROWS: IndicatorRowWithId[] = [
  { indicator: 'r', level: 'italy', code: 'IT', year: 2023, value: 12 },
  { indicator: 'r', level: 'region', code: '01', year: 2023, value: 10 },
  { indicator: 'r', level: 'region', code: '02', year: 2023, value: 20 },
  ...pRows,
  ...[...regional].map(([code, a]) => ({ indicator: 'p', level: 'region' as const, code, year: 2021, value: a.value }))
];

describe('buildMatrix', () => {
  const m = buildMatrix(ROWS, T, 'province', ['r', 'p']);
  it('a regional indicator is inherited by the provinces and flagged as from the region', () => {
    expectAllClose([...m.values[0]], [10, 10, 20]);
    expect([0, 1, 2].map((i) => sourceLevelOf(m, 0, i))).toEqual(['region', 'region', 'region']);
    expect(m.ref[0]).toBe(12);
    expect(m.refSource[0]).toBe('italy');
  });
  it('a provincial indicator measured on 2 of 3 provinces: P3 stays missing, its parent value is R2’s', () => {
    expectAllClose([m.values[1][0], m.values[1][1]], [30, 100 / 30]);
    expect(m.values[1][2]).toBeNaN();
    expect(sourceLevelOf(m, 1, 2)).toBeNull();
    expect(m.years[1]).toBe(2021); // latest year by default, 2020's 99 ignored
    // regions: 01 = ratio of sums 10, 02 = 0 children observed → no row value
    expectAllClose([m.parentValues[1][0], m.parentValues[1][1]], [10, 10]);
    expect(m.parentValues[1][2]).toBeNaN();
  });
  it('no Italy value: the reference falls back to the mean of the territories, recorded in refSource', () => {
    // (30 + 3.333)/2 = 16.667
    expectClose(m.ref[1], 50 / 3);
    expect(m.refSource[1]).toBe('mean');
  });
  it('the region level shows the ratio of sums, not the mean of the rates', () => {
    const r = buildMatrix(ROWS, T, 'region', ['p', 'r']);
    expect(r.codes).toEqual(['01', '02']);
    expectClose(r.values[0][0], 10);
    expect(r.parentCodes).toEqual(['IT', 'IT']);
    expectAllClose([...r.parentValues[1]], [12, 12]); // parent of a region is Italy
  });
  it('a fixed year per indicator', () => {
    const y = buildMatrix(ROWS, T, 'province', ['p'], { year: { p: 2020 } });
    expect(y.values[0][0]).toBe(99);
    expect(y.years).toEqual([2020]);
  });
  it('accepts rows grouped by indicator (as the app stores them) with the same result', () => {
    const grouped = new Map<string, IndicatorRowWithId[]>();
    for (const r of ROWS) grouped.set(r.indicator, [...(grouped.get(r.indicator) ?? []), r]);
    const g = buildMatrix(grouped, T, 'province', ['r', 'p']);
    expect(g.values.map((v) => [...v])).toEqual(m.values.map((v) => [...v]));
  });
  it('an unknown indicator gives an all-missing column', () => {
    const u = buildMatrix(ROWS, T, 'province', ['nope']);
    expect([...u.values[0]].every(Number.isNaN)).toBe(true);
    expect(u.refSource).toEqual([null]);
  });
});
