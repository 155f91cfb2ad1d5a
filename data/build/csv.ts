/** Minimal RFC-4180 style CSV parser (quoted cells may contain separators and newlines). Pure. */
export function parseCsv(text: string, sep = ','): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else cell += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export type Record = { [k: string]: string };

/** Parse a CSV with a header row into records; `row` numbers are 1-based file lines of data (header = 1). */
export function parseCsvRecords(text: string, sep = ','): { header: string[]; records: Record[] } {
  const rows = parseCsv(text, sep);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const records = rows.slice(1).map((r) => {
    const o: Record = {};
    header.forEach((h, i) => (o[h] = (r[i] ?? '').trim()));
    return o;
  });
  return { header, records };
}

export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/** parseCsvRecords of a file that must have every `required` column (a DataError names the first one missing). */
export function parseCsvWith(
  text: string,
  file: string,
  required: readonly string[],
  sep = ',',
): { header: string[]; records: Record[] } {
  const parsed = parseCsvRecords(text, sep);
  for (const col of required)
    if (!parsed.header.includes(col))
      throw new DataError(`${file}: column "${col}" is missing (header: ${parsed.header.join(', ')})`);
  return parsed;
}

/**
 * Parse a number or throw a DataError naming file, row and value.
 * `decimalComma`: "45,36" → 45.36 (no thousands separators expected).
 * Empty string returns null (a missing value, never 0).
 */
export function parseNum(
  value: string,
  ctx: { file: string; row: number; column: string },
  opts: { decimalComma?: boolean } = {},
): number | null {
  const v = value.trim();
  if (v === '') return null;
  const s = opts.decimalComma ? v.replace(',', '.') : v;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) {
    throw new DataError(
      `Unparseable number in ${ctx.file}, row ${ctx.row}, column "${ctx.column}": ${JSON.stringify(value)}`,
    );
  }
  return Number(s);
}

/** Like parseNum but a missing value is an error too. */
export function requireNum(
  value: string,
  ctx: { file: string; row: number; column: string },
  opts: { decimalComma?: boolean } = {},
): number {
  const n = parseNum(value, ctx, opts);
  if (n === null) throw new DataError(`Missing number in ${ctx.file}, row ${ctx.row}, column "${ctx.column}"`);
  return n;
}
