/**
 * Numbers as written in Italian and English files: decimal comma or point, optional thousands
 * separators, optional % sign. A column's decimal separator is decided from all its cells.
 */

const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const POINT_DECIMAL = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;
const PLAIN_INT = /^[+-]?\d+$/;

function clean(s: string): string {
  return s
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '');
}

/** Which decimal separator fits the cells better (ties: the hint, e.g. ',' for semicolon files). */
export function detectDecimal(cells: readonly string[], hint: ',' | '.' = '.'): ',' | '.' {
  let comma = 0;
  let point = 0;
  for (const raw of cells) {
    const s = clean(raw);
    if (s === '' || PLAIN_INT.test(s)) continue;
    const c = COMMA_DECIMAL.test(s);
    const p = POINT_DECIMAL.test(s);
    if (c && !p) comma++;
    else if (p && !c) point++;
  }
  if (comma > point) return ',';
  if (point > comma) return '.';
  return hint;
}

/** A cell as a number with the given decimal separator; null when empty; NaN when it is not a number. */
export function parseNumber(raw: string | number | null, decimal: ',' | '.'): number | null {
  if (raw === null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : NaN;
  const s = clean(raw);
  if (s === '' || /^(na|n\/a|nd|n\.d\.|null|-|—|\.\.)$/i.test(raw.trim())) return null;
  let v: number;
  if (decimal === ',') {
    if (!COMMA_DECIMAL.test(s)) return NaN;
    v = Number(s.replace(/\./g, '').replace(',', '.'));
  } else {
    if (!POINT_DECIMAL.test(s)) return NaN;
    v = Number(s.replace(/,/g, ''));
  }
  // 1e400 is Infinity and 1e-400 is 0 in JavaScript: neither is the number written (outOfRange tells them apart)
  if (!Number.isFinite(v) || (v === 0 && /[1-9]/.test(s.replace(/[eE].*$/, '')))) return NaN;
  return v;
}

/** A cell written as a number that cannot be represented (1e400, 1e-400): not text, and never a silent Infinity or 0. */
export function outOfRange(raw: string | number | null, decimal: ',' | '.'): boolean {
  if (raw === null) return false;
  if (typeof raw === 'number') return !Number.isFinite(raw);
  const s = clean(raw);
  const t = decimal === ',' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return false;
  const v = Number(t);
  return !Number.isFinite(v) || (v === 0 && /[1-9]/.test(t.replace(/[eE].*$/, '')));
}
