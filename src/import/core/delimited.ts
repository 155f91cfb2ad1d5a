/** CSV / TSV text → header and rows; the delimiter (comma, semicolon or tab) is detected. */
import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter giving the most columns consistently over the first lines (outside quotes). */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/, 30).filter((l) => l.trim() !== '');
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (counts.length === 0) continue;
    const first = counts[0];
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

export function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') q = !q;
    else if (!q && c === d) n++;
  }
  return n;
}

export interface Delimited {
  delimiter: Delimiter;
  header: string[];
  rows: string[][];
  /** a quote opened and never closed: the data row (0-based; −1 the header) where it opens; the rest of the file is in its cell */
  unterminated: number | null;
}

/**
 * Every line ending as '\n': '\r\n', '\n' and a lone '\r' all end a row, also when a file mixes them
 * (papaparse picks one line ending per file and would glue the other rows into cells). Inside quoted
 * cells a '\r\n' or '\r' becomes '\n' too.
 */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): Delimited {
  const out = Papa.parse<string[]>(normalizeNewlines(text), {
    delimiter,
    newline: '\n',
    skipEmptyLines: 'greedy',
    header: false,
  });
  const all = out.data;
  const header = (all[0] ?? []).map((h) => String(h).trim());
  const mq = out.errors.find((e) => e.code === 'MissingQuotes');
  const unterminated = !mq ? null : typeof mq.row === 'number' && mq.row >= 1 ? mq.row - 1 : -1;
  return { delimiter, header, rows: all.slice(1), unterminated };
}

/**
 * A quote-free delimited text as cell offsets (no string per cell): row-major, `width` cells a row,
 * cell k spans text[start[k], end[k]); start −1 = no such cell (a short row). Same rows as papaparse
 * with skipEmptyLines 'greedy' (a line whose cells are all blank is skipped) on normalizeNewlines(text):
 * '\r\n', '\n' and a lone '\r' each end a line, in any mix.
 */
export interface PlainCells {
  text: string;
  width: number;
  rows: number;
  start: Int32Array;
  end: Int32Array;
  header: string[];
  /** data rows whose cell count differs from the header's: count and the first 10 spreadsheet row numbers */
  ragged: number;
  raggedRows: number[];
}

/** null when the text has a quote character (papaparse reads those). */
export function scanPlain(text: string, delimiter: Delimiter): PlainCells | null {
  if (text.indexOf('"') >= 0) return null;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const dc = delimiter.charCodeAt(0);
  const n = text.length;
  let width = -1;
  let header: string[] = [];
  let cap = 1024;
  let start = new Int32Array(0);
  let end = new Int32Array(0);
  let rows = 0;
  let ragged = 0;
  const raggedRows: number[] = [];
  let nd = 0;
  // the next '\n' and '\r' at or after p (n: none left), found once and kept across lines
  let nextLf = -1;
  let nextCr = -1;
  let p = 0;
  while (p <= n) {
    // one line: [p, e), ended by '\n', '\r\n' or '\r'
    if (nextLf < p) {
      nextLf = text.indexOf('\n', p);
      if (nextLf < 0) nextLf = n;
    }
    if (nextCr < p) {
      nextCr = text.indexOf('\r', p);
      if (nextCr < 0) nextCr = n;
    }
    const e = nextLf < nextCr ? nextLf : nextCr;
    // blank line (only delimiters and white space)? ASCII content settles it without a slice
    let content = false;
    for (let i = p; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        // maybe Unicode white space: ask trim()
        content = text.slice(p, e).split(delimiter).join('').trim() !== '';
        break;
      }
      if (c !== dc && c !== 32 && (c < 9 || c > 13)) {
        content = true;
        break;
      }
    }
    if (content) {
      if (width < 0) {
        header = text
          .slice(p, e)
          .split(delimiter)
          .map((h) => h.trim());
        width = header.length;
        cap = Math.max(1024, Math.ceil((n / Math.max(1, e - p + 1)) * 1.1) + 16) * width;
        start = new Int32Array(cap);
        end = new Int32Array(cap);
      } else {
        let k = rows * width;
        if (k + width > start.length) {
          const s2 = new Int32Array(start.length * 2);
          s2.set(start);
          start = s2;
          const e2 = new Int32Array(end.length * 2);
          e2.set(end);
          end = e2;
        }
        let j = 0;
        let s = p;
        // nd: the next delimiter at or after p (−1: none left), found once and kept across lines
        if (nd >= 0 && nd < p) nd = text.indexOf(delimiter, p);
        for (let i = nd; i >= 0 && i < e; i = nd = text.indexOf(delimiter, i + 1)) {
          if (j < width) {
            start[k] = s;
            end[k] = i;
            k++;
          }
          j++;
          s = i + 1;
        }
        if (j < width) {
          start[k] = s;
          end[k] = e;
          k++;
        }
        j++;
        if (j !== width) {
          ragged++;
          if (raggedRows.length < 10) raggedRows.push(rows + 2);
          for (; j < width; j++, k++) start[k] = end[k] = -1;
        }
        rows++;
      }
    }
    if (e >= n) break;
    p = e + (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? 2 : 1);
  }
  if (width < 0) return { text, width: 0, rows: 0, start, end, header: [], ragged: 0, raggedRows: [] };
  return { text, width, rows, start, end, header, ragged, raggedRows };
}

/** The cells of a scan as string rows (null for a missing cell), for tests and small files. */
export function plainRows(c: PlainCells): (string | null)[][] {
  const out: (string | null)[][] = [];
  for (let i = 0; i < c.rows; i++) {
    const r: (string | null)[] = [];
    for (let j = 0; j < c.width; j++) {
      const k = i * c.width + j;
      r.push(c.start[k] < 0 ? null : c.text.slice(c.start[k], c.end[k]));
    }
    out.push(r);
  }
  return out;
}
