/**
 * The rows of a spatial analysis as a table and CSV, the same for the command line and the app's export:
 *   code,name,value,lag,lisa_i,lisa_p,cluster,neighbours
 * `cluster` is GeoDa's code (0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 6 isolated), empty without a
 * value; `lag` is the row-standardised mean of the neighbours' values; empty cells are missing.
 */
import type { SpatialResult, SpatialUnitResult } from './analyse';

/** One territory's row: its code and name, then its result. */
export interface SpatialRow extends SpatialUnitResult {
  code: string;
  name: string;
}

export const SPATIAL_COLUMNS = ['code', 'name', 'value', 'lag', 'lisa_i', 'lisa_p', 'cluster', 'neighbours'] as const;

export function spatialRows(codes: readonly string[], names: readonly string[], r: SpatialResult): SpatialRow[] {
  return r.units.map((u, i) => ({ code: codes[i], name: names[i], ...u }));
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function spatialCSV(rows: readonly SpatialRow[]): string {
  const lines = [SPATIAL_COLUMNS.join(',')];
  for (const r of rows) lines.push(SPATIAL_COLUMNS.map((c) => cell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/** The final neighbour list as `code,neighbour` rows (both directions of every link). */
export function weightsCSV(codes: readonly string[], r: SpatialResult): string {
  const lines = ['code,neighbour'];
  for (const [a, b] of r.links) lines.push(`${cell(codes[a])},${cell(codes[b])}`);
  return lines.join('\n') + '\n';
}
