/** Excel (.xlsx): the first sheet, first row as header. */
import { read, utils } from '@e965/xlsx';
import type { Cell } from './types';

export function readXlsx(bytes: Uint8Array): { sheet: string; header: string[]; rows: Cell[][] } {
  const wb = read(bytes, { type: 'array', cellDates: false, cellHTML: false, cellFormula: false });
  const sheet = wb.SheetNames[0];
  if (!sheet) return { sheet: '', header: [], rows: [] };
  const grid = utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: true, defval: null, blankrows: false });
  const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
  const header = (grid[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  return { sheet, header, rows: grid.slice(1).map((r) => r.map(cell)) };
}
