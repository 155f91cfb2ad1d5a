/**
 * Numbers as written in Italian and English files: decimal comma or point, optional thousands
 * separators, optional % sign. A column's decimal separator is decided from all its cells.
 */

const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const POINT_DECIMAL = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;
const PLAIN_INT = /^[+-]?\d+$/;

function clean(s: string): string {
  return s.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
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
  if (decimal === ',') {
    if (!COMMA_DECIMAL.test(s)) return NaN;
    return Number(s.replace(/\./g, '').replace(',', '.'));
  }
  if (!POINT_DECIMAL.test(s)) return NaN;
  return Number(s.replace(/,/g, ''));
}
