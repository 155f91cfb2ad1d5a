/** Bytes of any supported format → a RawTable, or a fatal problem (empty, too large, unreadable). */
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_UNZIPPED_BYTES, zipUnpackedSize } from './limits';
import { sniffFormat } from './sniff';
import { decodeText } from './decode';
import { countOutsideQuotes, detectDelimiter, parseDelimited, scanPlain } from './delimited';
import type { Column } from './columns';
import { readGeoJson } from './geojson';
import type { Cell, FileFormat, Problem, RawTable } from './types';

export type ReadResult = { ok: true; table: RawTable; problems: Problem[] } | { ok: false; problem: Problem };

const fatal = (code: Problem['code'], detail?: string): ReadResult => ({
  ok: false,
  problem: { code, severity: 'error', count: 0, rows: [], values: [], detail },
});

export async function readTable(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.byteLength > MAX_FILE_BYTES) return fatal('too_large', String(bytes.byteLength));
  if (bytes.byteLength === 0) return fatal('empty');
  const format = sniffFormat(bytes, fileName);
  const problems: Problem[] = [];
  try {
    if (format === 'unknown-binary') return fatal('unreadable', 'binary');
    if (format === 'xlsx') {
      // a zip (xlsx, ods) that unpacks to more than the limit is refused before it is unpacked
      if (bytes[0] === 0x50) {
        const unpacked = zipUnpackedSize(bytes);
        if (unpacked !== null && unpacked > MAX_UNZIPPED_BYTES) return fatal('too_large', `unzipped:${unpacked}`);
      }
      const { readXlsx } = await import('./xlsx');
      let x: ReturnType<typeof readXlsx>;
      try {
        x = readXlsx(bytes);
      } catch {
        // a damaged or foreign archive: say so in plain words, not the reader's message
        return fatal('unreadable', 'damaged-spreadsheet');
      }
      if ('limit' in x) return fatal('too_large', `${x.limit}:${x.count}`);
      const long = longCell(x.rows, 0);
      if (long) return fatal('too_large', long);
      return finish(tableOf(format, x, 2), problems);
    }
    if (format === 'parquet') {
      const { readParquet } = await import('./parquet');
      const x = await readParquet(bytes);
      return finish(tableOf(format, x, 1), problems);
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
          values: g.invalid.slice(0, 10).map((x) => x.reason),
        });
      // invalid features stay rows (their index is their row number) but are left out of every use
      const excluded = new Uint8Array(g.rows.length);
      for (const x of g.invalid) excluded[x.index] = 1;
      return finish(
        {
          format,
          encoding: dec.encoding,
          delimiter: null,
          columns: g.header,
          ...byColumn(g.rows, g.header.length),
          firstRow: 0,
          points: g.points,
          excluded,
        },
        problems,
        g.rows.length > 0,
      );
    }
    const delimiter = detectDelimiter(dec.text);
    // the header's width, before any row is split (a 10,000-column file is refused at once)
    const nl = dec.text.search(/\r|\n/);
    const width0 = countOutsideQuotes(nl < 0 ? dec.text : dec.text.slice(0, nl), delimiter) + 1;
    if (width0 > MAX_COLUMNS) return fatal('too_large', `columns:${width0}`);
    // fast path: no quote character → cells as offsets into the text (the same rows as papaparse)
    const plain = scanPlain(dec.text, delimiter);
    if (plain) {
      if (plain.ragged)
        problems.push({
          code: 'ragged_rows',
          severity: 'warning',
          count: plain.ragged,
          rows: plain.raggedRows,
          values: [],
          detail: String(plain.width),
        });
      if (plain.width === 1) singleColumn(plain.header, plain.rows, problems);
      for (let k = 0; k < plain.start.length && k < plain.rows * plain.width; k++)
        if (plain.end[k] - plain.start[k] > MAX_CELL_CHARS)
          return fatal('too_large', `cell:${Math.floor(k / plain.width) + 2}:${plain.end[k] - plain.start[k]}`);
      const cols: Column[] = plain.header.map((_, j) => ({ plain, j }));
      return finish(
        {
          format: 'csv',
          encoding: dec.encoding,
          delimiter,
          columns: plain.header,
          rowCount: plain.rows,
          cols,
          firstRow: 2,
        },
        problems,
      );
    }
    const d = parseDelimited(dec.text, delimiter);
    if (d.unterminated === -1) return fatal('unreadable', 'quote-header');
    const width = d.header.length;
    let excluded: Uint8Array | undefined;
    if (d.unterminated !== null && d.unterminated < d.rows.length) {
      // a quote never closed: papaparse put the rest of the file into that row's cell. The row is left
      // out and reported with the lines it swallowed (they are rows of the file that are not imported).
      const i = d.unterminated;
      const cells = d.rows[i];
      const lines = cells.join('\n').split('\n');
      const swallowed = lines.slice(1).filter((l) => l.trim() !== '').length;
      const first = i + 2;
      problems.push({
        code: 'broken_quote',
        severity: 'warning',
        count: 1 + swallowed,
        rows: Array.from({ length: Math.min(10, 1 + swallowed) }, (_, k) => first + k),
        values: [lines[0].slice(0, 60)],
        detail: String(swallowed),
      });
      excluded = new Uint8Array(d.rows.length);
      excluded[i] = 1;
      // the cells are cut at the first line break so the row's text does not fill the preview
      d.rows[i] = cells.map((c) => c.split('\n')[0]);
    }
    const long = longCell(d.rows, 0);
    if (long) return fatal('too_large', long);
    const ragged: number[] = [];
    let raggedCount = 0;
    const rows = d.rows.map((r, i) => {
      if (r.length !== width && !(excluded && excluded[i])) {
        raggedCount++;
        if (ragged.length < 10) ragged.push(i + 2);
      }
      return r.length === width ? r : Array.from({ length: width }, (_, j) => r[j] ?? null);
    });
    if (raggedCount)
      problems.push({
        code: 'ragged_rows',
        severity: 'warning',
        count: raggedCount,
        rows: ragged,
        values: [],
        detail: String(width),
      });
    if (width === 1) singleColumn(d.header, rows.length, problems);
    const t: RawTable = {
      format: 'csv',
      encoding: dec.encoding,
      delimiter: d.delimiter,
      columns: d.header,
      ...byColumn(rows, width),
      firstRow: 2,
    };
    if (excluded) {
      t.excluded = excluded;
      t.swallowed = Number(problems.find((p) => p.code === 'broken_quote')?.detail ?? 0);
    }
    return finish(t, problems);
  } catch (e) {
    return fatal('unreadable', (e as Error).message ?? String(e));
  }
}

/** 'cell:<row>:<length>' for the first cell longer than the limit, or null. */
function longCell(rows: Cell[][], _from: number): string | null {
  for (let i = 0; i < rows.length; i++)
    for (const c of rows[i]) if (typeof c === 'string' && c.length > MAX_CELL_CHARS) return `cell:${i + 2}:${c.length}`;
  return null;
}

function singleColumn(header: string[], rows: number, problems: Problem[]) {
  const h = header[0] ?? '';
  const other = ['|', ':', ' '].find((c) => h.includes(c)) ?? null;
  problems.push({
    code: 'single_column',
    severity: 'warning',
    count: rows,
    rows: [],
    values: [h.slice(0, 80)],
    detail: other ?? undefined,
  });
}

/** A spreadsheet or Parquet file's table: no encoding or delimiter, its rows by column. */
function tableOf(format: FileFormat, x: { header: string[]; rows: Cell[][] }, firstRow: number): RawTable {
  return { format, encoding: null, delimiter: null, columns: x.header, ...byColumn(x.rows, x.header.length), firstRow };
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
  if (dups.length)
    problems.push({
      code: 'duplicate_columns',
      severity: 'warning',
      count: dups.length,
      rows: [],
      values: dups.slice(0, 10),
    });
  return { ok: true, table, problems };
}
