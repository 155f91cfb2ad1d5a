import { describe, it, expect } from 'vitest';
import { fx, sampleCodes } from './helpers.ts';
import { parsePopulation } from '../../data/build/population.ts';
import { parseNum } from '../../data/build/csv.ts';
import {
  assertValid,
  checkDuplicates,
  checkJoin,
  checkTotal,
  checkRowValues,
  checkScales,
  checkGeometryCounts,
  ValidationError,
} from '../../data/build/validate.ts';
import type { IndicatorRow } from '../../data/build/types.ts';

const row = (o: Partial<IndicatorRow>): IndicatorRow => ({
  level: 'region',
  code: '01',
  indicator: 'x',
  year: 2023,
  value: 1,
  numerator: null,
  denominator: null,
  ...o,
});

describe('validation fails loudly, naming file and row', () => {
  it('an unparseable number names the file, the row and the value', () => {
    expect(() => parsePopulation(fx('population_bad_number.csv'), 'population_bad_number.csv')).toThrow(
      'Unparseable number in population_bad_number.csv, row 3, column "residenti": "84x000"',
    );
    expect(parseNum('', { file: 'f', row: 1, column: 'c' })).toBeNull();
    expect(parseNum('45,5', { file: 'f', row: 1, column: 'c' }, { decimalComma: true })).toBe(45.5);
  });

  it('codes that do not join', () => {
    expect(checkJoin('population.csv', ['001001', '999999'], new Set(['001001', '001002']), true)).toEqual([
      'population.csv: 1 code(s) not in the code list: 999999',
      'population.csv: 1 code(s) of the code list missing: 001002',
    ]);
  });

  it('totals', () => {
    expect(checkTotal('population.csv', 'comune population', 59_470_442, 59_470_443)).toEqual([
      'population.csv: comune population sums to 59470442, expected 59470443 (difference -1)',
    ]);
    expect(checkTotal('p', 'x', 5, 5)).toEqual([]);
  });

  it('duplicate keys', () => {
    expect(checkDuplicates([row({}), row({ value: 2 }), row({ year: 2024 })])).toEqual([
      'indicators.parquet: 1 duplicate key(s) (level,code,indicator,year): region|01|x|2023 (rows 1 and 2)',
    ]);
  });

  it('unknown codes and non-finite values in rows', () => {
    const codes = sampleCodes();
    const p = checkRowValues([row({ code: '99' }), row({ value: NaN })], codes);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/row 1: x region code 99 not in the code list/);
    expect(p[0]).toMatch(/row 2: x region 01 2023 value NaN is not a finite number/);
  });

  it('geometry counts', () => {
    const codes = sampleCodes();
    const all = new Set(codes.comuni.map((c) => c.code).filter((c) => c !== '013256'));
    expect(checkGeometryCounts({ regions: 20, provinces: 107, comuni: all }, codes, ['013256'])).toEqual([]);
    const p = checkGeometryCounts({ regions: 19, provinces: 107, comuni: new Set(['001001']) }, codes, ['013256']);
    expect(p[0]).toBe('public/geo/regions.topo.json: 19 features, expected 20');
    expect(p[1]).toMatch(/comuni.topo.json: 1 features, expected 7/);
  });

  it('assertValid throws one error listing every problem', () => {
    expect(() => assertValid(['a.csv: bad', 'b.csv: worse'])).toThrow(ValidationError);
    expect(() => assertValid(['a.csv: bad', 'b.csv: worse'])).toThrow(
      /2 problems[\s\S]*a\.csv: bad[\s\S]*b\.csv: worse/,
    );
    expect(() => assertValid([])).not.toThrow();
  });
});

describe('checkScales: every row agrees with its catalogue scale', () => {
  const meta = [
    { id: 'per_1000', scale: 1000 },
    { id: 'count', scale: 1 },
  ];
  it('value = scale × numerator / denominator passes; rows without parts are not checked', () => {
    expect(
      checkScales(
        [
          row({ indicator: 'per_1000', value: 250, numerator: 1, denominator: 4 }),
          row({ indicator: 'count', value: 7 }),
        ],
        meta,
      ),
    ).toEqual([]);
  });
  it('a row off its scale (25 where 1000 × 1/4 = 250) and an indicator with no scale are named', () => {
    const p = checkScales(
      [
        row({ indicator: 'per_1000', code: '05', value: 25, numerator: 1, denominator: 4 }),
        row({ indicator: 'unknown', value: 1 }),
        row({ indicator: 'unknown', value: 2 }),
      ],
      meta,
    );
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('indicators.parquet: 2 row(s)');
    expect(p[0]).toContain('per_1000 region 05 2023: value 25 ≠ 1000 × 1 / 4');
    expect(p[0]).toContain('unknown: no scale in the catalogue');
  });
});
