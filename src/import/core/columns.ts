/**
 * A table's columns, read without a string per cell where possible: either cells as read (xlsx,
 * parquet, GeoJSON, quoted CSV) or offsets into the text of a quote-free CSV (cells sliced on demand,
 * numbers parsed straight from the characters).
 */
import type { PlainCells } from './delimited';
import { parseNumber } from './numbers';
import type { Cell } from './types';

export type Column = { cells: Cell[] } | { plain: PlainCells; j: number };

export function cellAt(c: Column, i: number): Cell {
  if ('cells' in c) return c.cells[i] ?? null;
  const k = i * c.plain.width + c.j;
  const s = c.plain.start[k];
  return s < 0 ? null : c.plain.text.slice(s, c.plain.end[k]);
}

export function cellsOf(c: Column, n: number, limit = Infinity): Cell[] {
  const m = Math.min(n, limit);
  if ('cells' in c && m >= c.cells.length) return c.cells;
  const out: Cell[] = new Array(m);
  for (let i = 0; i < m; i++) out[i] = cellAt(c, i);
  return out;
}

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];
/** Returned by quickNumber when the fast path does not apply (the generic parser decides). */
const SLOW = -2;
const NULL = -1;
let quickValue = 0;

/**
 * The common case without regular expressions: [+-]?digits[<decimal>digits], at most 15 digits, sets
 * quickValue and returns 1 (m / 10^k is correctly rounded, so it equals Number() of the text); an empty
 * cell gives NULL; a cell starting with a letter other than n/N (never a number nor a "missing" token) 0
 * (text); anything else SLOW.
 */
function quickNumber(s: string, a: number, b: number, dec: number): number {
  if (a === b) return NULL;
  let i = a;
  let c = s.charCodeAt(i);
  if ((c | 32) >= 97 && (c | 32) <= 122 && (c | 32) !== 110) return 0;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = 0;
  let seenDec = false;
  for (; i < b; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (seenDec) frac++;
    } else if (c === dec && !seenDec && digits > 0) seenDec = true;
    else return SLOW;
  }
  if (digits === 0 || digits > 15 || (seenDec && frac === 0)) return SLOW;
  const v = frac ? m / POW10[frac] : m;
  quickValue = neg ? -v : v;
  return 1;
}

export interface ParsedColumn {
  /** NaN where missing or text */
  values: Float64Array;
  numeric: number;
  /** row indexes of cells that are text (not numbers, not "missing") */
  text: number[];
}

/** Every cell of a column as a number with `decimal` (the same results as parseNumber, cell by cell). */
export function parseColumn(c: Column, n: number, decimal: ',' | '.'): ParsedColumn {
  const values = new Float64Array(n);
  const text: number[] = [];
  let numeric = 0;
  const dec = decimal.charCodeAt(0);
  const plain = 'plain' in c ? c.plain : null;
  for (let i = 0; i < n; i++) {
    let q: number;
    let raw: Cell;
    if (plain) {
      const k = i * plain.width + (c as { j: number }).j;
      const a = plain.start[k];
      q = a < 0 ? NULL : quickNumber(plain.text, a, plain.end[k], dec);
      raw = null;
      if (q === SLOW) raw = plain.text.slice(a, plain.end[k]);
    } else {
      raw = (c as { cells: Cell[] }).cells[i] ?? null;
      q = raw === null ? NULL : typeof raw === 'string' ? quickNumber(raw, 0, raw.length, dec) : SLOW;
    }
    if (q === SLOW) {
      const v = parseNumber(raw, decimal);
      if (v === null) q = NULL;
      else if (Number.isNaN(v)) q = 0;
      else {
        q = 1;
        quickValue = v;
      }
    }
    if (q === 1) {
      values[i] = quickValue;
      numeric++;
    } else {
      values[i] = NaN;
      if (q === 0) text.push(i);
    }
  }
  return { values, numeric, text };
}

/**
 * A quote-free cell of 1 to 7 ASCII digits as one small integer (value·8 + length, so "1272" and
 * "001272" differ), without slicing it out of the text; −1 for any other cell. Lets a column of codes
 * be looked up by number, one string per distinct code instead of one per row.
 */
export function digitKey(c: Column, i: number): number {
  if (!('plain' in c)) return -1;
  const k = i * c.plain.width + c.j;
  const a = c.plain.start[k];
  const b = c.plain.end[k];
  const len = b - a;
  if (a < 0 || len < 1 || len > 7) return -1;
  const t = c.plain.text;
  let v = 0;
  for (let x = a; x < b; x++) {
    const d = t.charCodeAt(x) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v * 8 + len;
}
