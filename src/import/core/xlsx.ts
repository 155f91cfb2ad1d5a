/** Excel (.xlsx, .xls) and OpenDocument (.ods) via @e965/xlsx: the first sheet, first row as header. */
import { read, utils } from '@e965/xlsx';
import type { Cell } from './types';
import { MAX_COLUMNS, MAX_ROWS } from './limits';

export type XlsxRead =
  { sheet: string; header: string[]; rows: Cell[][] } | { limit: 'columns' | 'rows'; count: number };

export function readXlsx(bytes: Uint8Array): XlsxRead {
  // sheetRows: never more rows parsed than the limit (+ header, + one to know it is exceeded)
  const wb = read(bytes, {
    type: 'array',
    cellDates: false,
    cellHTML: false,
    cellFormula: false,
    sheetRows: MAX_ROWS + 2,
  });
  const sheet = wb.SheetNames[0];
  if (!sheet) return { sheet: '', header: [], rows: [] };
  const ws = wb.Sheets[sheet];
  // the sheet's declared range, checked before a row is made
  if (ws['!ref']) {
    const r = utils.decode_range(ws['!ref']);
    const cols = r.e.c - r.s.c + 1;
    if (cols > MAX_COLUMNS) return { limit: 'columns', count: cols };
    if (r.e.r - r.s.r > MAX_ROWS) return { limit: 'rows', count: r.e.r - r.s.r };
  }
  const grid = utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: false });
  const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
  const header = (grid[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  return { sheet, header, rows: grid.slice(1).map((r) => r.map(cell)) };
}
