/**
 * Console results shown as DuckDB computed them. Types JavaScript holds exactly (booleans, integers up to
 * 32 bits as numbers, BIGINT as bigint, DOUBLE, VARCHAR) come as they are; every other type (DECIMAL,
 * HUGEINT, FLOAT, dates, times, timestamps, intervals, lists, structs, maps, UUID, BLOB…) is cast to
 * VARCHAR by DuckDB itself, so the text is DuckDB's own rendering of the value.
 */
import { csvText } from '../core/csv';

export interface ResultColumn {
  /** the name the query gave (names may repeat) */
  name: string;
  /** DuckDB's type, as DESCRIBE gives it (e.g. DECIMAL(18,3), INTEGER[], STRUCT(a INTEGER)) */
  type: string;
}

const INTEGERS_64 = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT'];
const NATIVE = new Set(['BOOLEAN', ...INTEGERS_64, 'DOUBLE', 'VARCHAR']);
const INTEGER = new Set([...INTEGERS_64, 'HUGEINT', 'UHUGEINT']);

/** Does DuckDB cast this column to text for the console? */
export const castToText = (type: string): boolean => !NATIVE.has(type.toUpperCase());

/** Is the column a number (its text is written unquoted in a CSV, and as a number in Parquet where exact)? */
export function numericKind(type: string): 'integer' | 'float' | 'decimal' | null {
  const t = type.toUpperCase();
  if (INTEGER.has(t)) return 'integer';
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL') return 'float';
  if (/^DECIMAL(\(\d+,\s*\d+\))?$/.test(t)) return 'decimal';
  return null;
}

/** DECIMAL(p, s) → p (DuckDB's default DECIMAL is (18, 3)). */
export function decimalPrecision(type: string): number {
  const m = /^DECIMAL\((\d+),/i.exec(type);
  return m ? Number(m[1]) : 18;
}

/** The text of a cell, as DuckDB prints it; null for SQL NULL. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (v === Infinity) return 'inf';
    if (v === -Infinity) return '-inf';
    return String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** One CSV cell: numbers as they are, text quoted when needed and with formula starts neutralised. */
export function csvCell(v: unknown, col: ResultColumn): string {
  const s = cellText(v);
  if (s === null) return '';
  return numericKind(col.type) ? s : csvText(s);
}

export function resultToCsv(columns: readonly ResultColumn[], rows: readonly (readonly unknown[])[]): string {
  const head = columns.map((c) => csvCell(c.name, { name: c.name, type: 'VARCHAR' })).join(',');
  const lines = [head];
  for (const r of rows) lines.push(columns.map((c, i) => csvCell(r[i], c)).join(','));
  return lines.join('\r\n') + '\r\n';
}

export type ParquetType = 'BOOLEAN' | 'INT64' | 'DOUBLE' | 'STRING';

/**
 * The Parquet type of a result column: exact numbers stay numbers (integers → INT64 when every value fits,
 * DECIMAL with up to 15 digits and DOUBLE → DOUBLE); anything else is DuckDB's text.
 */
export function parquetColumn(col: ResultColumn, values: readonly unknown[]): { type: ParquetType; data: unknown[] } {
  const kind = numericKind(col.type);
  const t = col.type.toUpperCase();
  if (t === 'BOOLEAN')
    return { type: 'BOOLEAN', data: values.map((v) => (v === null || v === undefined ? null : Boolean(v))) };
  if (kind === 'integer') {
    const big = values.map((v) =>
      v === null || v === undefined ? null : BigInt(typeof v === 'number' ? v : String(v)),
    );
    const fits = big.every((b) => b === null || (b >= -(2n ** 63n) && b < 2n ** 63n));
    if (fits) return { type: 'INT64', data: big };
  }
  if (kind === 'float' || (kind === 'decimal' && decimalPrecision(col.type) <= 15))
    return { type: 'DOUBLE', data: values.map((v) => (v === null || v === undefined ? null : Number(v))) };
  return { type: 'STRING', data: values.map(cellText) };
}
