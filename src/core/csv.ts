/**
 * The one CSV writer of the atlas: every export (table, coefficient, coverage, spatial, network, SQL, imports)
 * and both command lines write through it.
 *  - a text cell a spreadsheet would read as a formula (starting with = + - @, a tab or CR) gets a leading
 *    apostrophe ("formula injection");
 *  - text is quoted when it holds a quote, a comma, a semicolon (European spreadsheets split on it) or a line break;
 *  - missing (null, undefined, NaN, ±Infinity) is an empty cell, never 0;
 *  - numbers are written as JavaScript prints them unless the caller gives a format (`fixed`, `precise`);
 *  - lines end with "\n" (RFC 4180's "\r\n" on request), the last one too.
 */

/** A number format: the text of a finite number. */
export type NumberFormat = (x: number) => string;

/** `d` decimals, and never "-0.00". */
export const fixed =
  (d: number): NumberFormat =>
  (x) => {
    const s = x.toFixed(d);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  };

/** `p` significant digits, trailing zeros dropped (0.1 + 0.2 → 0.3 with 12). */
export const precise =
  (p: number): NumberFormat =>
  (x) =>
    String(Number(x.toPrecision(p)));

export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvText(s: string): string {
  const t = neutralise(s);
  return /[",;\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** One cell of any value: numbers through `format`, booleans as true/false, dates as ISO, objects as JSON. */
export function csvCell(v: unknown, format: NumberFormat = String): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? format(Object.is(v, -0) ? 0 : v) : '';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return csvText(v.toISOString());
  if (typeof v === 'object') return csvText(JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x)));
  return csvText(String(v));
}

export interface CsvOptions {
  /** line end, "\n" unless given */
  eol?: '\n' | '\r\n';
  /** number format of each column (by index); String for the others */
  formats?: readonly (NumberFormat | undefined)[];
}

/** A header and rows of cells as CSV text. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, opts: CsvOptions = {}): string {
  const eol = opts.eol ?? '\n';
  const lines = [header.map((h) => csvText(h)).join(',')];
  for (const r of rows) lines.push(r.map((v, i) => csvCell(v, opts.formats?.[i])).join(','));
  return lines.join(eol) + eol;
}
