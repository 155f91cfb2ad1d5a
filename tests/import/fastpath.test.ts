import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { detectDelimiter, parseDelimited, plainRows, scanPlain, type Delimiter } from '../../src/import/core/delimited';
import { parseColumn } from '../../src/import/core/columns';
import { parseNumber } from '../../src/import/core/numbers';
import { decodeText } from '../../src/import/core/decode';

/** papaparse's reading (the reference), rows padded/truncated to the header's width like readTable */
function reference(text: string, d: Delimiter) {
  const p = parseDelimited(text, d);
  const w = p.header.length;
  return { header: p.header, rows: p.rows.map((r) => Array.from({ length: w }, (_, j) => r[j] ?? null)) };
}
function fast(text: string, d: Delimiter) {
  const s = scanPlain(text, d);
  if (!s) throw new Error('quote in text');
  return { header: s.header, rows: plainRows(s) };
}

describe('quote-free splitter = papaparse', () => {
  const cases: [string, string][] = [
    ['LF, trailing newline', 'a,b,c\n1,2,3\n4,5,6\n'],
    ['CRLF, trailing newline', 'a,b,c\r\n1,2,3\r\n4,5,6\r\n'],
    ['CR only', 'a;b\r1;2\r3;4'],
    ['no trailing newline', 'a\tb\n1\t2'],
    ['empty cells', 'a,b,c\n,,3\n1,,\n'],
    ['blank and white-space lines skipped (greedy)', 'a,b\n\n1,2\n , \n,,\n\u00a0\n3,4\n'],
    ['leading blank lines before the header', '\n\n a , b \n1,2\n'],
    ['decimal comma with semicolons', 'codice;valore\n001001;1.234,5\n001002;12,5\n'],
    ['short and long rows', 'a,b,c\n1\n1,2,3,4,5\n'],
    // bug 1 (mixed line endings): every '\r\n', '\n' and lone '\r' ends a row, in any mix (a CR used to stay in the cell)
    ['a CRLF inside a LF file ends a row', 'a,b\n1,2\r\n3,4\n'],
    ['mixed CRLF, LF and CR', 'a;b\r\n1;2\n3;4\r5;6\r\n7;8'],
    ['a CR first, then LF', 'a,b\r1,2\n3,4\n'],
    ['BOM', '\ufeffa,b\n1,2\n'],
  ];
  for (const [name, text] of cases)
    it(name, () => {
      const d = detectDelimiter(text);
      expect(fast(text, d)).toEqual(reference(text, d));
    });

  it('every quote-free fixture', () => {
    const dir = path.resolve(__dirname, '../fixtures/import');
    let n = 0;
    for (const f of fs.readdirSync(dir).filter((x) => /\.(csv|tsv|txt)$/.test(x))) {
      const text = decodeText(new Uint8Array(fs.readFileSync(path.join(dir, f)))).text;
      if (text.includes('"') || text.trim() === '') continue;
      const d = detectDelimiter(text);
      expect(fast(text, d), f).toEqual(reference(text, d));
      n++;
    }
    expect(n).toBeGreaterThan(5);
  });

  it('random quote-free texts (delimiters, CR/LF/CRLF, blanks)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '\u00a0', '\t', '1,5', '12.5', 'Forlì', '\r', '\n', ';', ','),
      fc.string({ maxLength: 5 }).filter((s) => !s.includes('"')),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (d, rows, nl) => {
          const text = rows.map((r) => r.join(d)).join(nl);
          if (text.trim() === '') return;
          expect(fast(text, d)).toEqual(reference(text, d));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a text with quotes is left to papaparse', () => {
    expect(scanPlain('a,b\n"1,5",2\n', ',')).toBeNull();
  });
});

describe('column number parsing = parseNumber, cell by cell', () => {
  const cells = [
    '12',
    '-3',
    '+7',
    '-0',
    '0012',
    '12.5',
    '12,5',
    '1.234,5',
    '1,234.5',
    '12.',
    '.5',
    '1e3',
    '12%',
    ' 12 ',
    '1 000',
    'n.d.',
    'NA',
    '-',
    '—',
    '..',
    '',
    'abc',
    'x1',
    'NaN',
    '123456789012345',
    '1234567890123456',
    '0.1',
    '0.30000000000000004',
    '4.726',
    '99.999',
  ];
  for (const decimal of [',', '.'] as const)
    it(`decimal "${decimal}" (strings and quote-free text offsets)`, () => {
      const expected = cells.map((c) => parseNumber(c, decimal));
      const check = (p: ReturnType<typeof parseColumn>) => {
        cells.forEach((c, i) => {
          const e = expected[i];
          if (e === null) expect([Number.isNaN(p.values[i]), p.text.includes(i)], c).toEqual([true, false]);
          else if (Number.isNaN(e)) expect(p.text.includes(i), c).toBe(true);
          else expect(Object.is(p.values[i], e), `${c} → ${p.values[i]} vs ${e}`).toBe(true);
        });
      };
      check(parseColumn({ cells }, cells.length, decimal));
      const text = ['v', ...cells].join('\n') + '\n';
      const plain = scanPlain(text, '\t')!;
      // blank cells are skipped lines in a one-column file: compare the non-blank ones
      const kept = cells.filter((c) => c.trim() !== '');
      const p = parseColumn({ plain, j: 0 }, plain.rows, decimal);
      kept.forEach((c, i) => {
        const e = parseNumber(c, decimal);
        if (e === null) expect(Number.isNaN(p.values[i]) && !p.text.includes(i), c).toBe(true);
        else if (Number.isNaN(e)) expect(p.text.includes(i), c).toBe(true);
        else expect(Object.is(p.values[i], e), c).toBe(true);
      });
    });

  it('random decimals agree with Number()', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 999999 }),
        fc.integer({ min: 0, max: 6 }),
        (a, b, k) => {
          const s = k ? `${a}.${String(b).padStart(6, '0').slice(0, k)}` : String(a);
          const p = parseColumn({ cells: [s] }, 1, '.');
          expect(Object.is(p.values[0], parseNumber(s, '.'))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the whole quote-free path = the papaparse path', () => {
  it('each quote-free fixture gives the same outcome when its first header cell is quoted (papaparse reads it)', async () => {
    const { importBytes } = await import('../../src/import/core/importFile');
    const { lookup } = await import('./helpers');
    const look = await lookup();
    const dir = path.resolve(__dirname, '../fixtures/import');
    let n = 0;
    for (const f of fs.readdirSync(dir).filter((x) => /\.csv$/.test(x))) {
      const raw = new Uint8Array(fs.readFileSync(path.join(dir, f)));
      const { text, encoding } = decodeText(raw);
      if (text.includes('"') || text.trim() === '' || encoding === 'latin-1') continue;
      const lead = text.length - text.trimStart().length;
      const quoted = text.slice(0, lead) + text.slice(lead).replace(/^([^,;\t\r\n]*)/, '"$1"');
      const a = await importBytes(new TextEncoder().encode(text), f, look);
      const b = await importBytes(new TextEncoder().encode(quoted), f, look);
      const strip = (o: typeof a) => (o.ok ? { ...o.preview, ms: 0, bytes: 0 } : o);
      expect(strip(a), f).toEqual(strip(b));
      n++;
    }
    expect(n).toBeGreaterThan(5);
  });

  it('a key column of codes: digit keys, duplicates per (code, year), ragged rows and text in numbers, both paths', async () => {
    const { importBytes } = await import('../../src/import/core/importFile');
    const { lookup } = await import('./helpers');
    const look = await lookup();
    const body = [
      '101010,2024,1.5',
      '1272,2024,abc',
      '001272,2024,2',
      '101010,2024,3',
      '101010,2025,',
      '999999,2024,4',
      '101,2024,5',
      '101010,1800,6',
      '101010',
    ].join('\n');
    const plain = `comune_code,anno,valore\n${body}\n`;
    const quoted = `"comune_code",anno,valore\n${body}\n`;
    const a = await importBytes(new TextEncoder().encode(plain), 'x.csv', look);
    const b = await importBytes(new TextEncoder().encode(quoted), 'x.csv', look);
    if (!a.ok || !b.ok) throw new Error('not ok');
    expect({ ...a.preview, ms: 0, bytes: 0 }).toEqual({ ...b.preview, ms: 0, bytes: 0 });
    // 1272 and 001272 are the same comune: row 4 repeats row 3 for 2024; row 5 repeats row 2; row 10 (no year) repeats row 9 (its year 1800 refused)
    expect(a.preview.problems.find((p) => p.code === 'duplicates')).toMatchObject({ count: 3, rows: [4, 5, 10] });
    expect(a.preview.problems.find((p) => p.code === 'ragged_rows')).toMatchObject({ count: 1, rows: [10] });
    expect(a.preview.problems.find((p) => p.code === 'bad_year')).toMatchObject({ count: 1, rows: [9] });
    expect(a.preview.problems.find((p) => p.code === 'text_in_numeric')).toMatchObject({
      count: 1,
      rows: [3],
      values: ['abc'],
    });
    expect(a.preview.points).toEqual({ exact: 0, comune: 7, none: 2 });
  });
});

describe('name matching skips letterless cells only when no territory name is letterless', async () => {
  const { buildLookup, scoreColumn } = await import('../../src/import/core/keys');
  const T = (code: string, name: string) => ({
    level: 'comune' as const,
    code,
    name,
    province_code: '001',
    region_code: '01',
    population: 1,
    lon: null,
    lat: null,
  });
  it('a normal lookup', () => {
    const look = buildLookup([T('001001', 'Roma'), T('001002', 'Forlì')]);
    expect(look.oddNames).toBe(false);
    expect(scoreColumn(['1.5', '2,5', 'Roma', '-'], look)).toMatchObject({ kind: 'name', rate: 0.25 });
  });
  it('a lookup with a letterless name still matches it', () => {
    const look = buildLookup([T('001001', 'Roma'), T('001002', '1.5')]);
    expect(look.oddNames).toBe(true);
    expect(scoreColumn(['1.5', 'Roma'], look)).toMatchObject({ kind: 'name', rate: 1 });
  });
});
