/**
 * The adversarial corpus (tests/fixtures/import/trust/, SYNTHETIC, written by make.py): each file with its
 * expected outcome — which key, how many rows imported, which problems in which words — and every row
 * accounted for (rows read = rows imported + rows listed in the problems).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { zipBomb } from './zipBomb';
import { utils, write } from '@e965/xlsx';
import { fixture, lookup } from './helpers';
import { importBytes } from '../../src/import/core/importFile';
import { problemText } from '../../src/import/core/messages';
import type { TerritoryLookup } from '../../src/import/core/keys';
import type { ImportOutcome, ProblemCode } from '../../src/import/core/types';

interface Expect {
  /** 'column/level', null (no key), 'ask' (two candidates: the preview asks) */
  key?: string | null;
  imported?: number;
  /** problem codes, each with words its English text must contain */
  problems?: [ProblemCode, ...string[]][];
  /** refused: the problem code and words of the message */
  refused?: [ProblemCode, ...string[]];
  encoding?: string;
  /** column kinds that must hold */
  kinds?: Record<string, string>;
  date?: string;
}

const CORPUS: Record<string, Expect> = {
  't01_operatori_codice_istat.csv': {
    key: 'Codice ISTAT comune/comune',
    imported: 7,
    problems: [['unknown_codes', '999999', 'row 9']],
    kinds: { Operatori: 'number' },
  },
  't02_progressive_number.csv': {
    key: 'Codice comune/comune',
    imported: 19,
    problems: [['unknown_codes', '1005']],
    kinds: { 'N.': 'code', Iscritti: 'number' },
  },
  't03_progressive_unnamed.csv': {
    key: 'cod/comune',
    imported: 19,
    problems: [['unknown_codes', '1005']],
    kinds: { column_1: 'code' },
  },
  't04_code_and_name_homonyms.csv': {
    key: 'codice/comune',
    imported: 10,
    problems: [],
    kinds: { comune: 'text', valore: 'number' },
  },
  't05_office_code_not_indicator.csv': {
    key: 'comune/comune',
    imported: 3,
    problems: [],
    kinds: { codice_sede: 'code', addetti: 'number' },
  },
  't06_excel_unicode_text.txt': {
    key: 'Codice ISTAT/comune',
    imported: 3,
    problems: [],
    encoding: 'utf-16le',
    kinds: { Occupati: 'number' },
  },
  't07_utf16be_comma.csv': { key: 'codice_istat/comune', imported: 2, problems: [], encoding: 'utf-16be' },
  't08_utf8_bom_semicolon.csv': { key: 'codice/comune', imported: 2, problems: [], encoding: 'utf-8 (BOM)' },
  't09_unterminated_quote.csv': {
    key: 'codice/comune',
    imported: 1,
    problems: [['broken_quote', 'Row 3', 'never closed', '5 following rows', 'up to row 8', 'These 6 rows']],
  },
  't10_infinite_numbers.csv': {
    key: 'codice/comune',
    imported: 4,
    problems: [['out_of_range', '1e400', '-1e400', '1e-400', 'never infinite']],
    kinds: { valore: 'number' },
  },
  't11_occupati_2023.csv': { key: 'codice/comune', imported: 2, problems: [], date: '2023' },
  't12_empty_keys.csv': {
    key: 'codice/comune',
    imported: 2,
    problems: [['empty_key', 'rows 3, 5', 'will not be imported']],
  },
  't13_duplicate_keys.csv': { key: 'codice/comune', imported: 3, problems: [['duplicates', 'rows 3, 6']] },
  't14_mixed_levels.csv': { key: 'codice/comune', imported: 3, problems: [['mixed_levels', '101', '18']] },
  't15_ambiguous_no_province.csv': {
    key: 'comune/comune',
    imported: 1,
    problems: [['ambiguous_names', 'Castro (016065, 075096)', 'Livo (013130, 022106)', 'provincia']],
  },
  't16_misspelt_names.csv': { key: 'comune/comune', imported: 2, problems: [['unknown_names', 'Crotne', 'Cutr']] },
  't17_coords_outside_italy.csv': {
    key: 'comune_code/comune',
    imported: 3,
    problems: [['bad_coordinates', '48.85, 2.35', '-39.08, 17.12']],
  },
  't18_coords_in_metres.csv': {
    key: 'comune_code/comune',
    imported: 2,
    problems: [['bad_coordinates', '4327000, 681000', '1 look like metres', 'decimal degrees']],
  },
  't19_html_in_names.csv': { key: 'codice/comune', imported: 2, problems: [], kinds: { '<b>nome</b>': 'text' } },
  't20_formula_cells.csv': { key: 'codice/comune', imported: 3, problems: [], kinds: { nota: 'text' } },
  't21_ragged_rows.csv': { key: 'codice/comune', imported: 4, problems: [['ragged_rows', 'rows 3, 4']] },
  't22_pipe_delimiter.csv': { key: null, problems: [['single_column', '|'], ['no_key']] },
  't23_header_only_crlf.csv': { refused: ['empty', 'header but no data rows'] },
  't24_whitespace_only.csv': { refused: ['empty', 'empty'] },
  't25_binary_garbage.csv': { refused: ['unreadable', 'Unrecognised format', 'save as CSV'] },
  't26_ten_thousand_columns.csv': { refused: ['too_large', 'Too many columns (10,000)', 'limit is 1,000 columns'] },
  't27_cell_too_long.csv': { refused: ['too_large', 'row 2', '40,000 characters', 'limit is 32,767'] },
  't28_quoted_newline_ok.csv': { key: 'codice/comune', imported: 3, problems: [] },
  't29_thousands_points.csv': { key: 'codice/comune', imported: 3, problems: [] },
  't30_percent_values.csv': { key: 'codice/comune', imported: 3, problems: [] },
  't31_missing_tokens.csv': { key: 'codice/comune', imported: 5, problems: [] },
  't32_region_codes_in_order.csv': { key: 'codice_regione/region', imported: 20, problems: [] },
  't33_province_codes_padded.csv': { key: 'cod_prov/province', imported: 12, problems: [] },
  't34_staff_counts_only.csv': { key: null, problems: [['no_key', 'Operatori']], kinds: { Operatori: 'number' } },
  't35_two_code_columns_disagree.csv': {
    key: 'ask',
    problems: [['key_ask', 'cod_a', 'cod_b', 'choose']],
    kinds: { cod_a: 'code', cod_b: 'code' },
  },
  't36_latin1_names_province.csv': {
    key: 'comune/comune',
    imported: 3,
    problems: [],
    encoding: 'latin-1',
    kinds: { provincia: 'province' },
  },
  't37_pro_com_t.csv': { key: 'PRO_COM_T/comune', imported: 3, problems: [] },
  't38_geojson_bad_coords.geojson': {
    key: 'comune_code/comune',
    imported: 1,
    problems: [['invalid_geometry', 'not a finite number', 'out of range']],
  },
  't39_broken_zip.xlsx': { refused: ['unreadable', 'damaged', 'save it again'] },
  't40_header_quote_unterminated.csv': { refused: ['unreadable', 'never closed', 'first row'] },
  't41_semicolon_inside_quotes.csv': { key: 'codice/comune', imported: 2, problems: [] },
  't42_tab_decimal_comma.tsv': { key: 'codice/comune', imported: 2, problems: [] },
  't43_signs.csv': { key: 'codice/comune', imported: 3, problems: [] },
  't44_trailing_delimiters.csv': { key: 'codice/comune', imported: 2, problems: [] },
  't45_bom_only.csv': { refused: ['empty', 'empty'] },
  't46_json_not_geojson.json': { refused: ['unreadable', 'not a GeoJSON'] },
  't47_utf16le_no_tab_semicolon.csv': { key: 'codice/comune', imported: 1, problems: [], encoding: 'utf-16le' },
  't49_quote_on_last_row.csv': {
    key: 'codice/comune',
    imported: 1,
    problems: [['broken_quote', 'Row 3', 'never closed', 'will not be imported']],
  },
  't48_unknown_code_only_in_data.csv': {
    key: 'Codice ISTAT comune/comune',
    imported: 2,
    problems: [['unknown_codes', '999999', 'row 3']],
  },
};

let look: TerritoryLookup;
beforeAll(async () => {
  look = await lookup();
});

function check(o: ImportOutcome, e: Expect) {
  if (e.refused) {
    expect(o.ok).toBe(false);
    if (o.ok) return;
    const [code, ...words] = e.refused;
    expect(o.problem.code).toBe(code);
    const text = problemText(o.problem, 'en');
    for (const w of words) expect(text).toContain(w);
    expect(problemText(o.problem, 'it').length).toBeGreaterThan(10);
    return;
  }
  if (!o.ok) throw new Error(`refused: ${o.problem.code} ${o.problem.detail}`);
  const p = o.preview;
  if (e.key === 'ask') {
    expect(p.key).toBeNull();
    expect(p.keyAsk).toBe(true);
  } else if (e.key === null) expect(p.key).toBeNull();
  else if (e.key) expect(`${p.key?.column}/${p.key?.level}`).toBe(e.key);
  if (e.encoding) expect(p.encoding).toBe(e.encoding);
  if (e.date) expect(p.dateSuggestion).toBe(e.date);
  for (const [c, k] of Object.entries(e.kinds ?? {})) expect(p.columns.find((x) => x.name === c)?.kind, c).toBe(k);
  if (e.problems) {
    const shown = p.problems.filter((x) => x.severity !== 'info').map((x) => x.code);
    expect(shown.sort()).toEqual(e.problems.map((x) => x[0]).sort());
    for (const [code, ...words] of e.problems) {
      const text = problemText(
        p.problems.find((x) => x.code === code)!,
        'en',
      );
      for (const w of words) expect(text, code).toContain(w);
    }
  }
  if (p.key) {
    // every row accounted for: read = imported + listed, and the preview's rows agree
    const a = p.account!;
    expect(a.read).toBe(a.imported + a.listed);
    if (e.imported !== undefined) expect(a.imported).toBe(e.imported);
    const firstRows = new Set<string>();
    let imported = 0;
    for (const r of p.rows) {
      if (r.code === null || r.excluded) continue;
      const k = `${r.code}|${r.year}`;
      if (!firstRows.has(k)) {
        firstRows.add(k);
        imported++;
      }
    }
    expect(imported).toBe(a.imported);
  }
}

describe('the adversarial corpus (tests/fixtures/import/trust)', () => {
  const files = fs.readdirSync(path.resolve(__dirname, '../fixtures/import/trust')).filter((f) => /^t\d\d_/.test(f));
  it('has at least 40 files, each with its expected outcome here', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.sort()).toEqual(Object.keys(CORPUS).sort());
  });
  for (const [file, e] of Object.entries(CORPUS))
    it(file, async () => {
      check(await importBytes(fixture(`trust/${file}`), file, look), e);
    });
});

describe('spreadsheets the offices have, and a zip bomb', () => {
  const sheet = (bookType: 'xls' | 'ods' | 'xlsx') => {
    const ws = utils.aoa_to_sheet([
      ['Codice ISTAT comune', 'Operatori'],
      [101010, 4],
      [999999, 2],
      [1272, 9],
    ]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'dati');
    return new Uint8Array(write(wb, { type: 'array', bookType }) as ArrayBuffer);
  };
  for (const t of ['xls', 'ods'] as const)
    it(`.${t} is read (key, unknown code listed, staff counts a number)`, async () => {
      const o = await importBytes(sheet(t), `x.${t}`, look);
      check(o, {
        key: 'Codice ISTAT comune/comune',
        imported: 2,
        problems: [['unknown_codes', '999999']],
        kinds: { Operatori: 'number' },
      });
    });

  it('an Excel zip bomb (a sheet unpacking to 600 MB) is refused as such, before it is unpacked', async () => {
    const bomb = await zipBomb(600 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(4 * 1024 * 1024);
    const t0 = Date.now();
    const o = await importBytes(bomb, 'bomb.xlsx', look);
    expect(Date.now() - t0).toBeLessThan(2000);
    check(o, { refused: ['too_large', 'unpacks to 600 MB', 'limit is 512 MB', 'zip bomb'] });
  }, 20000);

  it('a 10,000-column sheet is refused by its declared range', async () => {
    const ws = utils.aoa_to_sheet([
      Array.from({ length: 10000 }, (_, i) => `c${i}`),
      Array.from({ length: 10000 }, () => 1),
    ]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'dati');
    const o = await importBytes(
      new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
      'wide.xlsx',
      look,
    );
    check(o, { refused: ['too_large', 'Too many columns (10,000)'] });
  });
});

describe('zipUnpackedSize (what a zip says it unpacks to)', () => {
  it('sums the declared sizes; a deflated entry declaring less than its compressed size counts 1,032×', async () => {
    const { zipUnpackedSize } = await import('../../src/import/core/limits');
    const bomb = await zipBomb(8 * 1024 * 1024);
    expect(zipUnpackedSize(bomb)).toBe(8 * 1024 * 1024);
    // the same archive with the central directory's size rewritten to 1 byte (the header lies)
    const lying = bomb.slice();
    const dv = new DataView(lying.buffer);
    const cd = dv.getUint32(lying.length - 22 + 16, true);
    const comp = dv.getUint32(cd + 20, true);
    dv.setUint32(cd + 24, 1, true);
    expect(zipUnpackedSize(lying)).toBe(comp * 1032);
    expect(zipUnpackedSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
