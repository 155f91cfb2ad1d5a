import { describe, it, expect } from 'vitest';
import { shouldInherit, rowsForLevel, notAtLevel } from '../../src/analytics/inheritance';
import { kindOf, classLabel } from '../../src/analytics/catalogue';
import type { IndicatorRow } from '../../src/analytics/levels';

const row = (level: IndicatorRow['level'], code: string, value: number | null, year = 2023): IndicatorRow => ({
  level,
  code,
  year,
  value,
});

describe('inheritance: only where the indicator is not measured at the level', () => {
  // 4 provinces; the indicator has own values for 2 of them (2/4 = 0.5, not below ½) → no inheritance
  const half = [row('province', '001', 1), row('province', '002', 2), row('region', '01', 9)];
  it('2 of 4 own values (= ½): measured at this level, gaps stay gaps', () => {
    expect(shouldInherit(half, 'province', 4, 2023)).toBe(false);
    expect(rowsForLevel(half, 'province', 4, 2023).map((r) => r.code)).toEqual(['001', '002']);
  });
  it('1 of 4 own values (¼ < ½): inherit from the coarser level, keeping all rows', () => {
    const quarter = [row('province', '001', 1), row('region', '01', 9)];
    expect(shouldInherit(quarter, 'province', 4, 2023)).toBe(true);
    expect(rowsForLevel(quarter, 'province', 4, 2023)).toHaveLength(2);
  });
  it('null values and other years do not count as own values', () => {
    const rows = [
      row('province', '001', null),
      row('province', '002', 5, 2019),
      row('province', '003', 3),
      row('region', '01', 9),
    ];
    // in 2023 only 003 has a value: 1 of 4
    expect(shouldInherit(rows, 'province', 4, 2023)).toBe(true);
  });
  it('no territories: nothing to inherit', () => {
    expect(shouldInherit(half, 'comune', 0, 2023)).toBe(false);
  });
});

describe('counts and classes are never inherited (a province’s count is not a comune’s)', () => {
  // fixture: a count that exists for provinces only; 4 comuni at the level
  const count = [row('province', '101', 8924), row('region', '18', 30000)];
  it('a rate with no comune values is inherited; the same rows as a count are not', () => {
    expect(shouldInherit(count, 'comune', 4, 2023)).toBe(true);
    expect(shouldInherit(count, 'comune', 4, 2023, 'rate')).toBe(true);
    expect(shouldInherit(count, 'comune', 4, 2023, 'count')).toBe(false);
    expect(shouldInherit(count, 'comune', 4, 2023, 'class')).toBe(false);
    expect(rowsForLevel(count, 'comune', 4, 2023, 'count')).toEqual([]);
  });
  it('notAtLevel: only for a count/class the level does not have', () => {
    expect(notAtLevel(count, 'comune', 4, 2023, 'count')).toBe(true);
    expect(notAtLevel(count, 'comune', 4, 2023, 'rate')).toBe(false);
    expect(notAtLevel(count, 'province', 1, 2023, 'count')).toBe(false); // 1 of 1 province has its own count
  });
  it('kindOf: the catalogue kind, else sum → count, else rate (imported indicators)', () => {
    expect(kindOf({ kind: 'class', aggregation: 'none' })).toBe('class');
    expect(kindOf({ aggregation: 'sum' })).toBe('count');
    expect(kindOf({ aggregation: 'ratio_of_sums' })).toBe('rate');
    expect(kindOf(undefined)).toBe('rate');
  });
  it('classLabel names a class value, else null', () => {
    const m = { value_labels: [{ value: 1, label: { it: 'città', en: 'city' } }] };
    expect(classLabel(m, 1, 'it')).toBe('città');
    expect(classLabel(m, 2, 'en')).toBeNull();
    expect(classLabel({ value_labels: null }, 1, 'en')).toBeNull();
  });
});
