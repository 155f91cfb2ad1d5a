import { describe, it, expect } from 'vitest';
import type { IndicatorRow } from '../../src/analytics/catalogue';
import { packRows, transferables, unpackByIndicator, unpackSlice, isPacked } from '../../src/import/packed';

// synthetic rows (fixture): two indicators, a missing value, a ratio with numerator and denominator
const rows: IndicatorRow[] = [
  { level: 'comune', code: '101010', indicator: 'user_a_n', year: 2024, value: 77, numerator: null, denominator: null },
  {
    level: 'comune',
    code: '101001',
    indicator: 'user_a_n',
    year: 2024,
    value: null,
    numerator: null,
    denominator: null,
  },
  {
    level: 'province',
    code: '101',
    indicator: 'user_a_n',
    year: 2024,
    value: 1631,
    numerator: null,
    denominator: null,
  },
  { level: 'comune', code: '101010', indicator: 'user_a_r', year: 2023, value: 12.5, numerator: 5, denominator: 40 },
];

describe('packed indicator rows', () => {
  it('keeps codes, levels and ids as dictionaries and the numbers as typed columns', () => {
    const p = packRows(rows);
    expect(p.length).toBe(4);
    expect(p.codes).toEqual(['101010', '101001', '101']);
    expect(p.levels).toEqual(['comune', 'province']);
    expect(p.indicators).toEqual(['user_a_n', 'user_a_r']);
    expect([...p.code]).toEqual([0, 1, 2, 0]);
    expect([...p.level]).toEqual([0, 0, 1, 0]);
    expect([...p.indicator]).toEqual([0, 0, 0, 1]);
    expect([...p.year]).toEqual([2024, 2024, 2024, 2023]);
    // missing is NaN in the typed column
    expect(Number.isNaN(p.value[1])).toBe(true);
    expect([...(p.numerator as Float64Array)].map((x) => (Number.isNaN(x) ? null : x))).toEqual([null, null, null, 5]);
    // 4 rows: 4 (level) + 16 (code) + 8 (indicator) + 16 (year) + 3 × 32 (value, numerator, denominator) bytes
    expect(transferables(p).reduce((s, b) => s + b.byteLength, 0)).toBe(4 + 16 + 8 + 16 + 96);
    expect(isPacked(p)).toBe(true);
    expect(isPacked({ rows })).toBe(false);
  });

  it('unpacks back to the same rows (missing is null again, never 0)', () => {
    expect(unpackSlice(packRows(rows))).toEqual(rows);
    expect(unpackSlice(packRows(rows), 1, 3)).toEqual(rows.slice(1, 3));
  });

  it('has no numerator columns when no row is a ratio', () => {
    const p = packRows(rows.slice(0, 3));
    expect(p.numerator).toBeNull();
    expect(p.denominator).toBeNull();
    expect(unpackSlice(p)).toEqual(rows.slice(0, 3));
  });

  it('groups by indicator in slices, reports progress and stops when cancelled', async () => {
    const p = packRows(rows);
    const seen: number[] = [];
    const { byIndicator: by, rows: all } = await unpackByIndicator(p, { slice: 2, progress: (f) => seen.push(f) });
    expect(all).toEqual(rows);
    expect(all[0]).toBe(by.get('user_a_n')?.[0]);
    expect([...by.keys()]).toEqual(['user_a_n', 'user_a_r']);
    expect(by.get('user_a_n')).toEqual(rows.slice(0, 3));
    expect(by.get('user_a_r')).toEqual(rows.slice(3));
    expect(seen).toEqual([0.5, 1]);
    let n = 0;
    await expect(unpackByIndicator(p, { slice: 1, cancelled: () => ++n > 2 })).rejects.toThrow(/cancelled/);
    expect(n).toBe(3);
  });
});

describe('packed rows as Blobs (what IndexedDB keeps)', () => {
  it('come back as the same typed columns', async () => {
    const { toBlobs, fromBlobs, isBlobbed } = await import('../../src/import/packed');
    const b = toBlobs(packRows(rows));
    expect(isBlobbed(b)).toBe(true);
    expect(b.blobs.value.size).toBe(32);
    expect(unpackSlice(await fromBlobs(b))).toEqual(rows);
  });
});

describe('packed rows as an Arrow stream of integer codes (what DuckDB takes)', () => {
  it('carries indices, years and numbers; a missing number stays NaN (the INSERT makes it NULL)', async () => {
    const { toArrowColumns } = await import('../../src/import/packedArrow');
    const { tableFromIPC } = await import('apache-arrow');
    const t = tableFromIPC(toArrowColumns(packRows(rows)));
    expect(t.schema.fields.map((f) => f.name)).toEqual([
      'level',
      'code',
      'indicator',
      'year',
      'value',
      'numerator',
      'denominator',
    ]);
    expect([...t.getChild('level')!]).toEqual([0, 0, 1, 0]);
    expect([...t.getChild('code')!]).toEqual([0, 1, 2, 0]);
    expect([...t.getChild('indicator')!]).toEqual([0, 0, 0, 1]);
    expect([...t.getChild('year')!]).toEqual([2024, 2024, 2024, 2023]);
    expect([...t.getChild('value')!]).toEqual([77, NaN, 1631, 12.5]);
    expect([...t.getChild('numerator')!]).toEqual([NaN, NaN, NaN, 5]);
    const plain = tableFromIPC(toArrowColumns(packRows(rows.slice(0, 2))));
    expect(plain.schema.fields.map((f) => f.name)).toEqual(['level', 'code', 'indicator', 'year', 'value']);
  });
});
