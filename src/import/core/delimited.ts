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

function countOutsideQuotes(line: string, d: string): number {
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
}

export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): Delimited {
  const out = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', header: false });
  const all = out.data;
  const header = (all[0] ?? []).map((h) => String(h).trim());
  return { delimiter, header, rows: all.slice(1) };
}
