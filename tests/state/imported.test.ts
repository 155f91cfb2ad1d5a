import { describe, it, expect } from 'vitest';
import type { IndicatorRow } from '../../src/analytics/catalogue';
import { packRows } from '../../src/import/core/packed';
import {
  ImportedRows,
  columnsByIndicator,
  latestYearOf,
  lazyRows,
  rowsOfYear,
  unpackColumns,
  yearsOf,
} from '../../src/state/imported.svelte';

// synthetic rows (fixture): two indicators; a missing value stays missing
const row = (indicator: string, code: string, value: number | null, level: IndicatorRow['level'] = 'comune') => ({
  level,
  code,
  indicator,
  year: 2024,
  value,
  numerator: null,
  denominator: null,
});
const rows: IndicatorRow[] = [
  row('user_a_n', '101010', 77),
  row('user_a_n', '101001', null),
  row('user_a_n', '101', 1631, 'province'),
  row('user_a_q', '101010', 0.5),
];

describe('imported indicator rows kept as typed columns', () => {
  it('finds each indicator as one range of the columns', () => {
    const by = columnsByIndicator(packRows(rows));
    expect([...by.keys()]).toEqual(['user_a_n', 'user_a_q']);
    expect(by.get('user_a_n')).toMatchObject({ start: 0, end: 3, at: null });
    expect(by.get('user_a_q')).toMatchObject({ start: 3, end: 4, at: null });
    expect(unpackColumns(by.get('user_a_n')!)).toEqual(rows.slice(0, 3));
  });

  it('an indicator whose rows are not contiguous gets its positions listed, in order', () => {
    const mixed = [rows[0], rows[3], rows[1], rows[2]];
    const c = columnsByIndicator(packRows(mixed)).get('user_a_n')!;
    expect([...(c.at ?? [])]).toEqual([0, 2, 3]);
    expect(unpackColumns(c)).toEqual(rows.slice(0, 3));
  });

  it('makes the plain rows only when they are first read, and once', () => {
    let made = 0;
    const list = lazyRows(() => {
      made++;
      return rows.slice(0, 3);
    });
    expect(made).toBe(0);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(3);
    expect(made).toBe(1);
    expect(list[1].value).toBeNull();
    expect(list.filter((r) => r.level === 'comune').map((r) => r.code)).toEqual(['101010', '101001']);
    expect([...list].length).toBe(3);
    expect(Object.keys(list)).toEqual(['0', '1', '2']);
    expect(JSON.parse(JSON.stringify(list))).toEqual(rows.slice(0, 3));
    expect(made).toBe(1);
  });

  it('the registry hands lazy row lists to the DataStore and keeps the columns readable', () => {
    const reg = new ImportedRows();
    const byId = reg.add(packRows(rows));
    expect([...byId.keys()]).toEqual(['user_a_n', 'user_a_q']);
    expect(byId.get('user_a_q')).toEqual([rows[3]]);
    const c = reg.columnsOf('user_a_n')!;
    // missing is NaN in the typed column, never 0
    expect(Array.from(c.packed.value.subarray(c.start, c.end))).toEqual([77, NaN, 1631]);
    reg.remove(['user_a_n']);
    expect(reg.columnsOf('user_a_n')).toBeUndefined();
    expect(reg.columnsOf('user_a_q')).toBeDefined();
  });
});

describe('the map reads an imported indicator by year, from its columns', () => {
  // SYNTHETIC rows (fixture): 2022 and 2023 with values, 2024 only missing
  const at = (year: number, code: string, value: number | null, level: IndicatorRow['level'] = 'comune') => ({
    ...row('user_b_n', code, value, level),
    year,
  });
  const byYear: IndicatorRow[] = [
    at(2023, '101010', 5),
    at(2022, '101010', 4),
    at(2024, '101010', null),
    at(2023, '101', 9, 'province'),
    at(2022, '101001', 1),
  ];
  const c = columnsByIndicator(packRows(byYear)).get('user_b_n')!;

  it('years ascending; the latest year with a value (2024 has none)', () => {
    expect(yearsOf(c)).toEqual([2022, 2023, 2024]);
    expect(latestYearOf(c)).toBe(2023);
  });

  it("only the rows of the year shown, every level, in the file's order", () => {
    expect(rowsOfYear(c, 2023)).toEqual([byYear[0], byYear[3]]);
    expect(rowsOfYear(c, 2024)).toEqual([byYear[2]]);
    expect(rowsOfYear(c, null)).toEqual([]);
  });
});
