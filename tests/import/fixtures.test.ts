import { describe, it, expect } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { importFixture, lookup } from './helpers';
import { importBytes } from '../../src/import/core/importFile';
import type { ImportOutcome, ImportPreview, Problem } from '../../src/import/core/types';

const ok = (o: ImportOutcome): ImportPreview => {
  if (!o.ok) throw new Error(`expected data, got problem ${o.problem.code}`);
  return o.preview;
};
const problem = (p: ImportPreview, code: Problem['code']) => p.problems.find((x) => x.code === code);

describe('importBytes over the fixtures (tests/fixtures/import)', () => {
  it('empty.csv and header_only.csv → "empty", never a crash', async () => {
    for (const f of ['empty.csv', 'header_only.csv']) {
      const o = await importFixture(f);
      expect(o.ok).toBe(false);
      if (!o.ok) expect(o.problem.code).toBe('empty');
    }
  });

  it('semicolon_decimal_comma.csv: ";" delimiter, decimal comma and thousands point', async () => {
    const p = ok(await importFixture('semicolon_decimal_comma.csv'));
    expect(p.delimiter).toBe(';');
    expect(p.key).toMatchObject({ column: 'comune_code', kind: 'istat', level: 'comune' });
    // "1.234" with a comma-decimal column → 1234; "12,5" → 12.5
    expect(p.rows[0].values).toEqual({ stranieri: 1234, tasso: 12.5 });
    expect(p.rows[1].values).toEqual({ stranieri: 56, tasso: 3.25 });
    expect(p.problems).toEqual([]);
  });

  it('latin1.csv: Latin-1 decoded, names matched accent-insensitively with the province', async () => {
    const p = ok(await importFixture('latin1.csv'));
    expect(p.encoding).toBe('latin-1');
    expect(p.key).toMatchObject({ column: 'nome', kind: 'name', level: 'comune', provinceColumn: 'provincia' });
    expect(p.rows.map((r) => r.code)).toEqual(['101008', '040012']);
  });

  it('bom.csv: BOM removed from the first header, leading zeros restored (1272 → 001272)', async () => {
    const p = ok(await importFixture('bom.csv'));
    expect(p.encoding).toBe('utf-8 (BOM)');
    expect(p.columns[0].name).toBe('codice_istat');
    expect(p.rows.map((r) => r.code)).toEqual(['001272', '058091']);
  });

  it('text_in_numeric.csv: "abc" reported with its row number, "n.d." is missing', async () => {
    const p = ok(await importFixture('text_in_numeric.csv'));
    const t = problem(p, 'text_in_numeric');
    expect(t).toMatchObject({ column: 'valore', count: 1, rows: [3], values: ['abc'] });
    expect(p.rows.map((r) => r.values.valore)).toEqual([12, null, null, 7]);
  });

  it('unknown_codes.csv: codes matching nothing are listed', async () => {
    const p = ok(await importFixture('unknown_codes.csv'));
    expect(p.matched).toBe(1);
    expect(problem(p, 'unknown_codes')).toMatchObject({ count: 2, rows: [3, 4], values: ['999999', '123456'] });
  });

  it('unknown_names.csv: a misspelt name gets the nearest candidates', async () => {
    const p = ok(await importFixture('unknown_names.csv'));
    const u = problem(p, 'unknown_names');
    expect(u).toMatchObject({ count: 1, rows: [3], values: ['Crotne'] });
    expect(u?.suggestions?.[0].candidates[0]).toBe('Crotone, Crotone (101010)');
  });

  it('ambiguous_names.csv: homonyms need the province', async () => {
    const p = ok(await importFixture('ambiguous_names.csv'));
    expect(p.rows.map((r) => r.code)).toEqual(['075096', null, '013130']);
    expect(problem(p, 'ambiguous_names')).toMatchObject({ count: 1, rows: [3] });
  });

  it('duplicates.csv: the same comune and year twice; the year column is recognised', async () => {
    const p = ok(await importFixture('duplicates.csv'));
    expect(p.yearColumn).toBe('anno');
    expect(p.rows.map((r) => r.year)).toEqual([2024, 2024, 2025]);
    expect(problem(p, 'duplicates')).toMatchObject({ count: 1, rows: [3] });
  });

  it('mixed_levels.csv: a province code and a region code beside comune codes', async () => {
    const p = ok(await importFixture('mixed_levels.csv'));
    expect(p.key?.level).toBe('comune');
    expect(problem(p, 'mixed_levels')).toMatchObject({ count: 2, rows: [4, 5], values: ['101', '18'] });
  });

  it('wrong_delimiter.csv: one column only is reported', async () => {
    const p = ok(await importFixture('wrong_delimiter.csv'));
    expect(problem(p, 'single_column')?.detail).toBe('|');
  });

  it('cadastral_codes.csv: without the lookup, a clear note; with it, matched', async () => {
    const p = ok(await importFixture('cadastral_codes.csv'));
    expect(problem(p, 'no_cadastral_lookup')).toMatchObject({ column: 'codice_catastale' });
    const q = ok(
      await importFixture(
        'cadastral_codes.csv',
        new Map([
          ['D122', '101010'],
          ['H501', '058091'],
        ]),
      ),
    );
    expect(q.key).toMatchObject({ kind: 'cadastral', level: 'comune' });
    expect(q.rows.map((r) => r.code)).toEqual(['101010', '058091']);
  });

  it('invalid_geometry.geojson: invalid features reported by index, valid points kept', async () => {
    const p = ok(await importFixture('invalid_geometry.geojson'));
    expect(p.format).toBe('geojson');
    const g = problem(p, 'invalid_geometry');
    expect(g?.count).toBe(3);
    expect(g?.rows).toEqual([1, 2, 3]);
    expect(g?.values[0]).toMatch(/not closed/);
    expect(p.rows.filter((r) => r.lon !== null).map((r) => r.values.name)).toEqual(['CPI Crotone', 'CPI Cirò Marina']);
  });

  it('job_centres_crotone.csv: points from lat/lon, comune codes matched, numbers kept', async () => {
    const p = ok(await importFixture('job_centres_crotone.csv'));
    expect(p.key).toMatchObject({ column: 'comune_code', level: 'comune' });
    expect(p.matched).toBe(5);
    expect(p.rows[0]).toMatchObject({ code: '101010', lon: 17.1241, lat: 39.0808 });
    expect(p.rows[2]).toMatchObject({ code: '101013', lon: null, lat: null });
    expect(p.columns.find((c) => c.name === 'capacity')?.kind).toBe('number');
    expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('an .xlsx sheet (numbers as numbers, codes as numbers without zeros)', async () => {
    const ws = utils.aoa_to_sheet([
      ['codice', 'valore'],
      [101010, 1.5],
      [1272, 2],
    ]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'dati');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const p = ok(await importBytes(bytes, 'x.xlsx', await lookup()));
    expect(p.format).toBe('xlsx');
    expect(p.rows.map((r) => [r.code, r.values.valore])).toEqual([
      ['101010', 1.5],
      ['001272', 2],
    ]);
  });

  it('a file over the limit is refused before reading', async () => {
    const big = { byteLength: 201 * 1024 * 1024 } as Uint8Array;
    const o = await importBytes(big, 'big.csv', await lookup());
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.problem.code).toBe('too_large');
  });
});
