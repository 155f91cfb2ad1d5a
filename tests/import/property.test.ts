import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { lookup } from './helpers';
import { importBytes } from '../../src/import/core/importFile';
import { problemText } from '../../src/import/core/messages';
import type { TerritoryLookup } from '../../src/import/core/keys';
import { sniffFormat } from '../../src/import/core/sniff';
import { decodeText } from '../../src/import/core/decode';
import { DELIMITERS, detectDelimiter } from '../../src/import/core/delimited';
import { detectDecimal, outOfRange, parseNumber } from '../../src/import/core/numbers';

let look: TerritoryLookup;
beforeAll(async () => {
  look = await lookup();
});

async function check(bytes: Uint8Array) {
  const o = await importBytes(bytes, 'random.csv', look);
  if (o.ok) {
    expect(o.preview.rowCount).toBe(o.preview.rows.length);
    // every row accounted for
    const a = o.preview.account;
    if (a) {
      expect(a.read).toBe(a.imported + a.listed);
      expect(a.read).toBeGreaterThanOrEqual(o.preview.rowCount);
    } else expect(o.preview.key).toBeNull();
    for (const p of o.preview.problems) expect(problemText(p, 'it').length).toBeGreaterThan(0);
  } else expect(problemText(o.problem, 'en').length).toBeGreaterThan(0);
}

describe('the importer never crashes', () => {
  it('random byte strings yield data or a message', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), check), { numRuns: 300 });
  });

  it('random CSVs (codes, names, numbers, quotes, delimiters) yield data or a message', async () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '101010',
        '1272',
        '58091',
        '999999',
        'Crotone',
        'Forlì',
        'Castro',
        '',
        'n.d.',
        '"',
        '""',
        '=1+1',
        '1.234,5',
        '12,5',
        '-3',
        'NaN',
      ),
      fc.string({ maxLength: 8 }),
      fc.double().map(String),
    );
    const csv = fc
      .tuple(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
      )
      .map(([d, rows]) =>
        new TextEncoder().encode(rows.map((r) => r.join(d)).join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0])),
      );
    await fc.assert(fc.asyncProperty(csv, check), { numRuns: 300 });
  });

  it('random JSON-ish text yields data or a message', async () => {
    const json = fc.json().map((s) => new TextEncoder().encode(s));
    const geo = fc
      .anything()
      .map((g) =>
        new TextEncoder().encode(
          JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: g }] }) ??
            '{}',
        ),
      );
    await fc.assert(fc.asyncProperty(fc.oneof(json, geo), check), { numRuns: 200 });
  });
});

const utf16 = (s: string, be: boolean) => {
  const b = new Uint8Array(2 + s.length * 2);
  b.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    b[2 + 2 * i + (be ? 1 : 0)] = c & 0xff;
    b[2 + 2 * i + (be ? 0 : 1)] = c >> 8;
  }
  return b;
};

describe('the sniffers: any input, no throw, an answer from the set', () => {
  it('sniffFormat and decodeText on any bytes and name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 20 }), (b, name) => {
        expect(['csv', 'xlsx', 'parquet', 'geojson', 'unknown-binary']).toContain(sniffFormat(b, name));
        expect(typeof decodeText(b).text).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
  it('UTF-16 LE and BE text with a BOM is text (never "binary") and decodes to itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.boolean(), (s, be) => {
        const b = utf16(s, be);
        const f = sniffFormat(b, 'x.txt');
        expect(['csv', 'geojson']).toContain(f);
        expect(decodeText(b)).toEqual({ text: s, encoding: be ? 'utf-16be' : 'utf-16le' });
      }),
      { numRuns: 500 },
    );
  });
  it('detectDelimiter returns comma, semicolon or tab for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expect(DELIMITERS).toContain(detectDelimiter(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the number parser', () => {
  it('any text: null, NaN or a finite number — never Infinity, and out-of-range is told apart', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.stringMatching(/^[+-]?\d{0,400}([.,]\d{0,20})?([eE][+-]?\d{1,4})?%?$/),
        ),
        fc.constantFrom(',' as const, '.' as const),
        (s, d) => {
          const v = parseNumber(s, d);
          expect(v === null || Number.isNaN(v) || Number.isFinite(v)).toBe(true);
          if (outOfRange(s, d)) expect(Number.isNaN(v as number)).toBe(true);
          expect([',', '.']).toContain(detectDecimal([s], d));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('a finite double written by JavaScript reads back as itself (point decimal)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const v = parseNumber(String(x), '.');
        if (x === 0) expect(v).toBe(0);
        else expect(v).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });
  it('an integer written the Italian way (1.234.567) reads back with decimal comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseNumber(n.toLocaleString('it-IT').replace(/\u2212/, '-'), ',')).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });
  it('1e400 and 1e-400 are out of range, 1e300 and 1e-300 are not', () => {
    expect([
      outOfRange('1e400', '.'),
      outOfRange('-1E+400', '.'),
      outOfRange('1e-400', '.'),
      outOfRange('1e300', '.'),
      outOfRange('1e-300', '.'),
      outOfRange('abc', '.'),
    ]).toEqual([true, true, true, false, false, false]);
    expect(parseNumber('1e300', '.')).toBe(1e300);
    expect(parseNumber('0e5', '.')).toBe(0);
  });
});

describe('rows accounted for in keyed files (codes, blanks, unknown, duplicates, quotes)', () => {
  it('read = imported + listed for any mix', async () => {
    const code = fc.constantFrom(
      '101010',
      '101012',
      '1272',
      '999999',
      '',
      ' ',
      '101',
      '18',
      '"101013"',
      '"',
      'Crotone',
      'Castro',
    );
    const csv = fc
      .array(
        fc.tuple(code, fc.oneof(fc.constantFrom('1', '2,5', '1e400', 'n.d.', '"x\ny"'), fc.string({ maxLength: 4 }))),
        { minLength: 1, maxLength: 30 },
      )
      .map((rows) => new TextEncoder().encode('codice_istat,valore\n' + rows.map(([a, b]) => `${a},${b}`).join('\n')));
    await fc.assert(fc.asyncProperty(csv, check), { numRuns: 300 });
  });
});
