import { describe, expect, it } from 'vitest';
import {
  aggregateRatioOfSums,
  groupByIndicator,
  latestYear,
  parentMapping,
  parentOf,
  valuesAtLevel,
} from '../../src/analytics/levels';
import type { IndicatorRow, Territory } from '../../src/analytics/levels';
import { expectClose } from './asserts';

const T: Territory[] = [
  { level: 'italy', code: 'IT' },
  { level: 'region', code: '03' },
  { level: 'region', code: '05' },
  { level: 'province', code: '015', region_code: '03' },
  { level: 'province', code: '016', region_code: '03' },
  { level: 'province', code: '023', region_code: '05' },
  { level: 'comune', code: '015146', province_code: '015', region_code: '03' },
  { level: 'comune', code: '015002', province_code: '015', region_code: '03' },
  { level: 'comune', code: '016024', province_code: '016', region_code: '03' },
  { level: 'comune', code: '023091', province_code: '023', region_code: '05' },
];

const ROWS: IndicatorRow[] = [
  { level: 'italy', code: 'IT', year: 2022, value: 7 },
  { level: 'region', code: '03', year: 2022, value: 10 },
  { level: 'province', code: '015', year: 2022, value: 8 },
  { level: 'comune', code: '015146', year: 2022, value: 5 },
  { level: 'comune', code: '023091', year: 2021, value: 3 },
  { level: 'comune', code: '015146', year: 2023, value: null },
];

describe('parentOf', () => {
  const milano = T[6];
  it.each([
    ['comune', '015146'],
    ['province', '015'],
    ['region', '03'],
    ['italy', 'IT'],
  ] as const)("parentOf(comune 015146, '%s') = %s", (level, code) => {
    expect(parentOf(milano, level)).toBe(code);
  });
  it('parentOf a region at a finer level is null; Italy is itself', () => {
    expect(parentOf(T[1], 'province')).toBeNull();
    expect(parentOf(T[0], 'italy')).toBe('IT');
  });
  it("parentMapping(T, 'comune', 'province')", () => {
    expect(parentMapping(T, 'comune', 'province')).toEqual(
      new Map([
        ['015146', '015'],
        ['015002', '015'],
        ['016024', '016'],
        ['023091', '023'],
      ]),
    );
  });
});

describe('latestYear', () => {
  it('latestYear(rows) = 2022 (2023 has only a null value)', () => {
    expect(latestYear(ROWS)).toBe(2022);
  });
  it('latestYear([]) = null', () => {
    expect(latestYear([])).toBeNull();
  });
});

describe('valuesAtLevel', () => {
  it("valuesAtLevel(rows, T, 'comune', 2022): own, from province, from region, never from Italy", () => {
    expect(valuesAtLevel(ROWS, T, 'comune', 2022)).toEqual([
      { code: '015146', value: 5, sourceLevel: 'comune', inherited: false },
      { code: '015002', value: 8, sourceLevel: 'province', inherited: true },
      { code: '016024', value: 10, sourceLevel: 'region', inherited: true },
      // only a 2021 value, and neither province 023 nor region 05 has one: Italy's 7 is NOT used
      { code: '023091', value: null, sourceLevel: null, inherited: false },
    ]);
  });
  it("valuesAtLevel(rows, T, 'comune') defaults to the latest year (2022)", () => {
    expect(valuesAtLevel(ROWS, T, 'comune')).toEqual(valuesAtLevel(ROWS, T, 'comune', 2022));
  });
  it("valuesAtLevel(rows, T, 'province', 2022)", () => {
    expect(valuesAtLevel(ROWS, T, 'province', 2022)).toEqual([
      { code: '015', value: 8, sourceLevel: 'province', inherited: false },
      { code: '016', value: 10, sourceLevel: 'region', inherited: true },
      { code: '023', value: null, sourceLevel: null, inherited: false },
    ]);
  });
  it("valuesAtLevel(rows, T, 'region' | 'italy', 2022) uses own values only", () => {
    expect(valuesAtLevel(ROWS, T, 'region', 2022).map((v) => v.value)).toEqual([10, null]);
    expect(valuesAtLevel(ROWS, T, 'italy', 2022)).toEqual([
      { code: 'IT', value: 7, sourceLevel: 'italy', inherited: false },
    ]);
  });
  it("valuesAtLevel(rows, T, 'comune', 2021) finds 023091's own value", () => {
    expect(valuesAtLevel(ROWS, T, 'comune', 2021)[3]).toEqual({
      code: '023091',
      value: 3,
      sourceLevel: 'comune',
      inherited: false,
    });
  });
  it('a null own value inherits; NaN counts as missing', () => {
    const rows: IndicatorRow[] = [
      { level: 'comune', code: '015146', year: 2022, value: Number.NaN },
      { level: 'province', code: '015', year: 2022, value: 8 },
    ];
    expect(valuesAtLevel(rows, T, 'comune', 2022)[0]).toMatchObject({
      value: 8,
      sourceLevel: 'province',
      inherited: true,
    });
  });
  it('duplicate rows throw', () => {
    const rows = [...ROWS, { level: 'region', code: '03', year: 2022, value: 11 } as IndicatorRow];
    expect(() => valuesAtLevel(rows, T, 'region', 2022)).toThrow(/duplicate row for region 03 in 2022/);
  });
});

describe('aggregateRatioOfSums', () => {
  const mapping = new Map([
    ['A', 'P1'],
    ['B', 'P1'],
    ['C', 'P2'],
    ['D', 'P2'],
  ]);
  const rows = [
    { code: 'A', numerator: 30, denominator: 100 },
    { code: 'B', numerator: 10, denominator: 300 },
    { code: 'C', numerator: 5, denominator: 50 },
    { code: 'D', numerator: null, denominator: 70 },
    { code: 'Z', numerator: 1, denominator: 1 }, // not in the mapping: ignored
  ];
  it('P1 = (30 + 10)/(100 + 300) = 0.1, not the mean of rates (0.3 + 0.0333)/2 = 0.1667', () => {
    const p1 = aggregateRatioOfSums(rows, mapping).get('P1');
    expectClose(p1?.value, 0.1);
    expect(p1).toMatchObject({ numerator: 40, denominator: 400, children: 2, observed: 2 });
  });
  it('P2 is null when child D misses its numerator', () => {
    expect(aggregateRatioOfSums(rows, mapping).get('P2')).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      children: 2,
      observed: 1,
    });
  });
  it('P2 with allowPartial = 5/50 = 0.1; scale 1000 → 100 per 1,000', () => {
    expectClose(aggregateRatioOfSums(rows, mapping, { allowPartial: true }).get('P2')?.value, 0.1);
    expectClose(aggregateRatioOfSums(rows, mapping, { allowPartial: true, scale: 1000 }).get('P2')?.value, 100);
  });
  it('a child without any row counts as missing; a mapping as a plain object works', () => {
    const r = aggregateRatioOfSums([{ code: 'A', numerator: 1, denominator: 2 }], { A: 'P', B: 'P' });
    expect(r.get('P')?.value).toBeNull();
    expectClose(
      aggregateRatioOfSums(
        [{ code: 'A', numerator: 1, denominator: 2 }],
        { A: 'P', B: 'P' },
        { allowPartial: true },
      ).get('P')?.value,
      0.5,
    );
  });
  it('a zero denominator sum gives null', () => {
    expect(aggregateRatioOfSums([{ code: 'A', numerator: 0, denominator: 0 }], { A: 'P' }).get('P')?.value).toBeNull();
  });
  it('duplicate child rows throw', () => {
    expect(() => aggregateRatioOfSums([{ code: 'A' }, { code: 'A' }], { A: 'P' })).toThrow(/duplicate row for code A/);
  });
});

describe('local labour systems (SYNTHETIC fixture)', () => {
  // two SLL of region 18; regional rate 12 for 18; SLL 1830 has its own value 15.2, SLL 1831 none
  const slls: Territory[] = [
    { level: 'sll', code: '1830', province_code: null, region_code: '18' },
    { level: 'sll', code: '1831', province_code: null, region_code: '18' },
  ];
  const rows: IndicatorRow[] = [
    { level: 'region', code: '18', year: 2021, value: 12 },
    { level: 'province', code: '101', year: 2021, value: 99 },
    { level: 'sll', code: '1830', year: 2021, value: 15.2 },
  ];
  it('an SLL shows its own value, or inherits its region’s (flagged), never a province’s', () => {
    expect(valuesAtLevel(rows, slls, 'sll')).toEqual([
      { code: '1830', value: 15.2, sourceLevel: 'sll', inherited: false },
      { code: '1831', value: 12, sourceLevel: 'region', inherited: true },
    ]);
    expect(parentOf(slls[0], 'region')).toBe('18');
    expect(parentOf(slls[0], 'province')).toBeNull();
    // a comune has no SLL "parent" in the inheritance chain
    expect(parentOf({ level: 'comune', code: '101010', province_code: '101', region_code: '18' }, 'sll')).toBeNull();
  });
});

describe('groupByIndicator', () => {
  it('groups rows by indicator, each group in the rows’ order', () => {
    const rows = [
      { indicator: 'b', code: '1' },
      { indicator: 'a', code: '2' },
      { indicator: 'b', code: '3' },
    ];
    const g = groupByIndicator(rows);
    expect([...g.keys()]).toEqual(['b', 'a']);
    expect(g.get('b')!.map((r) => r.code)).toEqual(['1', '3']);
    expect(g.get('a')).toEqual([rows[1]]);
  });
});
