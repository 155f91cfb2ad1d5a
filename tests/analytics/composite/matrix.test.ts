import { describe, expect, it } from 'vitest';
import {
  buildMatrix,
  nationalReference,
  snapScale,
  sourceLevelOf,
  type IndicatorRowWithId,
  type MatrixTerritory,
} from '../../../src/analytics/composite/matrix';
import { aggregateRatioOfSums, parentMapping } from '../../../src/analytics/levels';
import { expectAllClose, expectClose } from '../asserts';

// Italy; regions 01, 02; provinces 001, 002 (in 01) and 003 (in 02).
const T: MatrixTerritory[] = [
  { level: 'italy', code: 'IT', name: 'Italia' },
  { level: 'region', code: '01', name: 'R1', region_code: '01' },
  { level: 'region', code: '02', name: 'R2', region_code: '02' },
  { level: 'province', code: '001', name: 'P1', province_code: '001', region_code: '01' },
  { level: 'province', code: '002', name: 'P2', province_code: '002', region_code: '01' },
  { level: 'province', code: '003', name: 'P3', province_code: '003', region_code: '02' },
];

// r: regional only (Italy 12) → provinces inherit it.
// p: provincial rates 30 % (3/10) and 3.333 % (1/30), P3 missing (2 of 3 measured → no inheritance);
//    the region of P1, P2 is their ratio of sums 100·4/40 = 10 (not the mean of the rates, 16.667).
const pRows: IndicatorRowWithId[] = [
  { indicator: 'p', level: 'province', code: '001', year: 2021, value: 30, numerator: 3, denominator: 10 },
  { indicator: 'p', level: 'province', code: '002', year: 2021, value: 100 / 30, numerator: 1, denominator: 30 },
  { indicator: 'p', level: 'province', code: '001', year: 2020, value: 99 },
];
const regional = aggregateRatioOfSums(
  pRows
    .filter((r) => r.year === 2021)
    .map((r) => ({ code: r.code, numerator: r.numerator, denominator: r.denominator })),
  parentMapping(T, 'province', 'region'),
  { scale: 100, allowPartial: true },
);
const ROWS: IndicatorRowWithId[] = [
  { indicator: 'r', level: 'italy', code: 'IT', year: 2023, value: 12 },
  { indicator: 'r', level: 'region', code: '01', year: 2023, value: 10 },
  { indicator: 'r', level: 'region', code: '02', year: 2023, value: 20 },
  ...pRows,
  ...[...regional].map(([code, a]) => ({ indicator: 'p', level: 'region' as const, code, year: 2021, value: a.value })),
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
  it('no Italy value and no complete numerators: the reference falls back to the mean of the territories, recorded in refSource', () => {
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

describe('the national reference', () => {
  // q: per-100 rates on all three provinces, no Italy row. P1 3/10 = 30, P2 1/30 = 3.333, P3 6/60 = 10.
  // Italy = 100·(3 + 1 + 6)/(10 + 30 + 60) = 100·10/100 = 10 — not the mean of the rates (14.444).
  const qRows: IndicatorRowWithId[] = [
    { indicator: 'q', level: 'province', code: '001', year: 2022, value: 30, numerator: 3, denominator: 10 },
    { indicator: 'q', level: 'province', code: '002', year: 2022, value: 100 / 30, numerator: 1, denominator: 30 },
    { indicator: 'q', level: 'province', code: '003', year: 2022, value: 10, numerator: 6, denominator: 60 },
  ];
  it('from the numerators and denominators of the finest complete level (scale read from the rows)', () => {
    const ref = nationalReference(qRows, T, 2022);
    expect(ref).toMatchObject({ source: 'sums', level: 'province' });
    expectClose(ref!.value, 10);
    const m = buildMatrix([...ROWS, ...qRows], T, 'province', ['q']);
    expectClose(m.ref[0], 10);
    expect(m.refSource).toEqual(['sums']);
    expect(m.refLevel).toEqual(['province']);
  });
  it('a per-1,000 rate, and a level with a territory missing is skipped for the complete coarser one', () => {
    // provinces: only 001 and 002 have numbers → incomplete; regions 01: 40/10,000 = 4‰, 02: 60/20,000 = 3‰
    // Italy = 1000·100/30,000 = 3.333‰ (the mean of the regions would be 3.5)
    const rows: IndicatorRowWithId[] = [
      { indicator: 'k', level: 'province', code: '001', year: 2022, value: 5, numerator: 25, denominator: 5000 },
      { indicator: 'k', level: 'province', code: '002', year: 2022, value: 3, numerator: 15, denominator: 5000 },
      { indicator: 'k', level: 'region', code: '01', year: 2022, value: 4, numerator: 40, denominator: 10000 },
      { indicator: 'k', level: 'region', code: '02', year: 2022, value: 3, numerator: 60, denominator: 20000 },
    ];
    const ref = nationalReference(rows, T, 2022);
    expect(ref).toMatchObject({ source: 'sums', level: 'region' });
    expectClose(ref!.value, 10 / 3);
  });
  it('the scale is snapped to a power of ten when the published values are rounded', () => {
    // 8.6 per 100 published for 43/500 (exactly 8.6) → 100
    expect(snapScale((8.6 * 500) / 43)).toBe(100);
    expect(snapScale((8.6 * 1000) / 86.4)).toBe(100); // 99.54 (value rounded from 8.64) → 100
    expect(snapScale(2.5)).toBe(2.5); // not near a power of ten: kept
  });
  it('the source’s Italy row wins over the sums; none of either → null', () => {
    expect(
      nationalReference([...qRows, { indicator: 'q', level: 'italy', code: 'IT', year: 2022, value: 11 }], T, 2022),
    ).toEqual({ value: 11, source: 'italy', level: 'italy' });
    expect(nationalReference(qRows.slice(0, 2), T, 2022)).toBeNull();
    expect(nationalReference(qRows, T, null)).toBeNull();
  });
});
