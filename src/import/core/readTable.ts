/** Bytes of any supported format → a RawTable, or a fatal problem (empty, too large, unreadable). */
import { MAX_FILE_BYTES, MAX_ROWS } from './limits';
import { sniffFormat } from './sniff';
import { decodeText } from './decode';
import { detectDelimiter, parseDelimited, scanPlain } from './delimited';
import type { Column } from './columns';
import { readGeoJson } from './geojson';
import type { Cell, Problem, RawTable } from './types';

export type ReadResult = { ok: true; table: RawTable; problems: Problem[] } | { ok: false; problem: Problem };

const fatal = (code: Problem['code'], detail?: string): ReadResult => ({ ok: false, problem: { code, severity: 'error', count: 0, rows: [], values: [], detail } });

export async function readTable(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.byteLength > MAX_FILE_BYTES) return fatal('too_large', String(bytes.byteLength));
  if (bytes.byteLength === 0) return fatal('empty');
  const format = sniffFormat(bytes, fileName);
  const problems: Problem[] = [];
  try {
    if (format === 'unknown-binary') return fatal('unreadable', 'binary');
    if (format === 'xlsx') {
      const { readXlsx } = await import('./xlsx');
      const x = readXlsx(bytes);
      return finish({ format, encoding: null, delimiter: null, columns: x.header, ...byColumn(x.rows, x.header.length), firstRow: 2 }, problems);
    }
    if (format === 'parquet') {
      const { readParquet } = await import('./parquet');
      const x = await readParquet(bytes);
      return finish({ format, encoding: null, delimiter: null, columns: x.header, ...byColumn(x.rows, x.header.length), firstRow: 1 }, problems);
    }
    const dec = decodeText(bytes);
    if (dec.text.trim() === '') return fatal('empty');
    if (format === 'geojson') {
      const g = readGeoJson(dec.text);
      if (g.invalid.length)
        problems.push({
          code: 'invalid_geometry',
          severity: 'warning',
          count: g.invalid.length,
          rows: g.invalid.slice(0, 10).map((x) => x.index),
          values: g.invalid.slice(0, 10).map((x) => x.reason)
        });
      // invalid features stay rows (their index is their row number) but are left out of every use
      const excluded = new Uint8Array(g.rows.length);
      for (const x of g.invalid) excluded[x.index] = 1;
      return finish({ format, encoding: dec.encoding, delimiter: null, columns: g.header, ...byColumn(g.rows, g.header.length), firstRow: 0, points: g.points, excluded }, problems, g.rows.length > 0);
    }
    const delimiter = detectDelimiter(dec.text);
    // fast path: no quote character → cells as offsets into the text (the same rows as papaparse)
    const plain = scanPlain(dec.text, delimiter);
    if (plain) {
      if (plain.ragged) problems.push({ code: 'ragged_rows', severity: 'warning', count: plain.ragged, rows: plain.raggedRows, values: [], detail: String(plain.width) });
      if (plain.width === 1) singleColumn(plain.header, plain.rows, problems);
      const cols: Column[] = plain.header.map((_, j) => ({ plain, j }));
      return finish({ format: 'csv', encoding: dec.encoding, delimiter, columns: plain.header, rowCount: plain.rows, cols, firstRow: 2 }, problems);
    }
    const d = parseDelimited(dec.text, delimiter);
    const width = d.header.length;
    const ragged: number[] = [];
    let raggedCount = 0;
    const rows = d.rows.map((r, i) => {
      if (r.length !== width) {
        raggedCount++;
        if (ragged.length < 10) ragged.push(i + 2);
      }
      return r.length === width ? r : Array.from({ length: width }, (_, j) => r[j] ?? null);
    });
    if (raggedCount) problems.push({ code: 'ragged_rows', severity: 'warning', count: raggedCount, rows: ragged, values: [], detail: String(width) });
    if (width === 1) singleColumn(d.header, rows.length, problems);
    return finish({ format: 'csv', encoding: dec.encoding, delimiter: d.delimiter, columns: d.header, ...byColumn(rows, width), firstRow: 2 }, problems);
  } catch (e) {
    return fatal('unreadable', (e as Error).message ?? String(e));
  }
}

function singleColumn(header: string[], rows: number, problems: Problem[]) {
  const h = header[0] ?? '';
  const other = ['|', ':', ' '].find((c) => h.includes(c)) ?? null;
  problems.push({ code: 'single_column', severity: 'warning', count: rows, rows: [], values: [h.slice(0, 80)], detail: other ?? undefined });
}

/** Rows of cells → one array per column (cells past the header's width are not read, missing ones are null). */
function byColumn(rows: Cell[][], width: number): { rowCount: number; cols: Column[] } {
  const cols: Column[] = [];
  for (let j = 0; j < width; j++) {
    const cells: Cell[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) cells[i] = rows[i][j] ?? null;
    cols.push({ cells });
  }
  return { rowCount: rows.length, cols };
}

function finish(table: RawTable, problems: Problem[], hasFeatures = false): ReadResult {
  if (table.rowCount === 0 && !hasFeatures) return fatal('empty', table.columns.length ? 'header-only' : undefined);
  if (table.rowCount > MAX_ROWS) return fatal('too_large', `rows:${table.rowCount}`);
  // duplicate or empty column names get a suffix so each column has its own name
  const seen = new Map<string, number>();
  const dups: string[] = [];
  table.columns = table.columns.map((c, i) => {
    const base = c === '' ? `column_${i + 1}` : c;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    if (k > 0) dups.push(base);
    return k > 0 ? `${base}_${k + 1}` : base;
  });
  if (dups.length) problems.push({ code: 'duplicate_columns', severity: 'warning', count: dups.length, rows: [], values: dups.slice(0, 10) });
  return { ok: true, table, problems };
}
