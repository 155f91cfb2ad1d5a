/**
 * The rows of a spatial analysis as a table and CSV, the same for the command line and the app's export:
 *   code,name,value,lag,lisa_i,lisa_p,cluster,neighbours
 * `cluster` is GeoDa's code (0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 6 isolated), empty without a
 * value; `lag` is the row-standardised mean of the neighbours' values; empty cells are missing.
 */
import { precise, toCsv } from '../../core/csv';
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

export function spatialCSV(rows: readonly SpatialRow[]): string {
  const p12 = precise(12);
  return toCsv(
    SPATIAL_COLUMNS,
    rows.map((r) => SPATIAL_COLUMNS.map((c) => r[c])),
    { formats: SPATIAL_COLUMNS.map(() => p12) },
  );
}

/** The final neighbour list as `code,neighbour` rows (both directions of every link). */
export function weightsCSV(codes: readonly string[], r: SpatialResult): string {
  return toCsv(
    ['code', 'neighbour'],
    r.links.map(([a, b]) => [codes[a], codes[b]]),
  );
}
