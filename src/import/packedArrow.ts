// The packed rows as Arrow, in a module of its own: only the import worker needs apache-arrow (the page loads
// packed.ts before DuckDB starts and must not bring Arrow with it).
import { makeVector, Table, tableToIPC } from 'apache-arrow';
import type { PackedRows } from './packed';

/**
 * The typed columns as one Arrow IPC stream for DuckDB (integer codes into the dictionaries; a missing value
 * is NaN here, made NULL by the INSERT). Written in the worker; DuckDB takes it as an Arrow table, no file
 * (the browser's DuckDB reads no files at all).
 */
export function toArrowColumns(p: PackedRows): Uint8Array {
  const cols: Record<string, ReturnType<typeof makeVector>> = {
    level: makeVector(Int32Array.from(p.level)),
    code: makeVector(p.code),
    indicator: makeVector(Int32Array.from(p.indicator)),
    year: makeVector(p.year),
    value: makeVector(p.value),
  };
  if (p.numerator && p.denominator) {
    cols.numerator = makeVector(p.numerator);
    cols.denominator = makeVector(p.denominator);
  }
  return tableToIPC(new Table(cols), 'stream');
}
