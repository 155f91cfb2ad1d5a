import { describe, it, expect } from 'vitest';
import { fx } from './helpers.ts';
import { parseCsvRecords } from '../../data/build/csv.ts';
import { rollUp, ratioAllLevels, changeRows } from '../../data/build/aggregate.ts';
import type { Part } from '../../data/build/types.ts';

describe('ratio-of-sums aggregation', () => {
  const recs = parseCsvRecords(fx('aggregate_ratio_of_sums_provinces.csv')).records;
  const parts: Part[] = recs.map((r) => ({
    code: r.province,
    year: Number(r.year),
    num: Number(r.numerator),
    den: Number(r.denominator),
  }));
  const region = new Map(recs.map((r) => [r.province, r.region]));

  it('sums numerators and denominators province → region (never averages rates)', () => {
    // region 01: (30 + 90) / (100 + 900) = 120 / 1000 = 12 %, not the mean of 30 % and 10 % (= 20 %)
    expect(rollUp(parts, (c) => region.get(c))).toEqual([
      { code: '01', year: 2023, num: 120, den: 1000 },
      { code: '03', year: 2023, num: 50, den: 200 },
    ]);
  });

  it('produces rows at every level with value = num/den·scale', () => {
    const rows = ratioAllLevels(
      'x',
      { level: 'province', parts },
      [
        { level: 'region', parentOf: (c) => region.get(c) },
        { level: 'italy', parentOf: () => 'IT' },
      ],
      100,
    );
    const get = (level: string, code: string) => rows.find((r) => r.level === level && r.code === code)!;
    expect(get('province', '001').value).toBeCloseTo(30, 12);
    expect(get('region', '01').value).toBeCloseTo(12, 12);
    expect(get('region', '03').value).toBeCloseTo(25, 12);
    // Italy: 170 / 1200 = 14.1666… %
    expect(get('italy', 'IT')).toMatchObject({ numerator: 170, denominator: 1200 });
    expect(get('italy', 'IT').value).toBeCloseTo(14.1666667, 6);
  });

  it('skips zero denominators instead of writing 0', () => {
    const rows = ratioAllLevels(
      'x',
      { level: 'province', parts: [{ code: '001', year: 2023, num: 5, den: 0 }] },
      [],
      100,
    );
    expect(rows).toEqual([]);
  });

  it('throws on a code without parent', () => {
    expect(() => rollUp([{ code: '999', year: 1, num: 1, den: 1 }], () => undefined)).toThrow(/No parent for code 999/);
  });

  it('percentage-point change only where both years exist', () => {
    const rows = changeRows(
      [
        { level: 'province', code: 'a', indicator: 's', year: 2019, value: 60, numerator: 6, denominator: 10 },
        { level: 'province', code: 'a', indicator: 's', year: 2024, value: 70, numerator: 7, denominator: 10 },
        { level: 'province', code: 'b', indicator: 's', year: 2024, value: 50, numerator: 5, denominator: 10 },
      ],
      's_change',
      2019,
      2024,
    );
    expect(rows).toEqual([
      {
        level: 'province',
        code: 'a',
        indicator: 's_change',
        year: 2024,
        value: 10,
        numerator: null,
        denominator: null,
      },
    ]);
  });
});
