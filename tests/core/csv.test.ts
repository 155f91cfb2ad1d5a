import { describe, it, expect } from 'vitest';
import { csvCell, csvText, fixed, neutralise, precise, toCsv } from '../../src/core/csv';

describe('the one CSV writer', () => {
  it('neutralises what a spreadsheet would run as a formula, and only that', () => {
    for (const s of ['=1+1', '+39 06', '-3', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['Roma', '3-2', "Sant'Anna", '']) expect(neutralise(s)).toBe(s);
    // a neutralised cell that also needs quotes keeps both
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
  it('quotes quotes, commas, semicolons and line breaks', () => {
    expect(csvText('Reggio di Calabria')).toBe('Reggio di Calabria');
    expect(csvText('Bolzano, Bozen')).toBe('"Bolzano, Bozen"');
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText('a\nb')).toBe('"a\nb"');
    expect(csvText('say "ciao"')).toBe('"say ""ciao"""');
  });
  it('missing is an empty cell, never 0; numbers, booleans, dates, objects', () => {
    expect([null, undefined, NaN, Infinity, -Infinity].map((v) => csvCell(v))).toEqual(['', '', '', '', '']);
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-0)).toBe('0');
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell(12345678901234567890n)).toBe('12345678901234567890');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date(Date.UTC(2023, 0, 1)))).toBe('2023-01-01T00:00:00.000Z');
    expect(csvCell({ a: 1, b: [2, 3] })).toBe('"{""a"":1,""b"":[2,3]}"');
  });
  it('number formats: fixed decimals without "-0", significant digits', () => {
    expect(fixed(2)(-0.001)).toBe('0.00');
    expect(fixed(3)(1.23456)).toBe('1.235');
    expect(csvCell(0.1 + 0.2, precise(12))).toBe('0.3');
    expect(csvCell(null, fixed(2))).toBe('');
    expect(fixed(4)(-0.5)).toBe('-0.5000');
    expect(fixed(4)(-0.00001)).toBe('0.0000');
    expect(fixed(0)(7)).toBe('7');
  });
  it('a whole table: header, per-column formats, line ends (the last one too)', () => {
    const text = toCsv(
      ['code', 'name', 'value'],
      [
        ['001272', 'Torino', 1 / 3],
        ['058091', '=Roma', null],
      ],
      { formats: [undefined, undefined, fixed(3)] },
    );
    expect(text).toBe("code,name,value\n001272,Torino,0.333\n058091,'=Roma,\n");
    expect(toCsv(['a'], [[1]], { eol: '\r\n' })).toBe('a\r\n1\r\n');
  });
});
