/**
 * Query results → a Parquet file, written in JavaScript (hyparquet-writer): DuckDB-WASM could only write
 * Parquet with an extension it would download. Column types: all numbers → DOUBLE, all bigints → INT64,
 * all booleans → BOOLEAN, anything else → STRING (objects as JSON). Missing stays null.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';

type Basic = 'DOUBLE' | 'INT64' | 'BOOLEAN' | 'STRING';

export function columnType(values: readonly unknown[]): Basic {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'number')) return 'DOUBLE';
  if (present.length && present.every((v) => typeof v === 'bigint')) return 'INT64';
  if (present.length && present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  return 'STRING';
}

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x)) : String(v);

export function toParquet(columns: readonly string[], rows: readonly Record<string, unknown>[]): ArrayBuffer {
  const columnData = columns.map((name) => {
    const values = rows.map((r) => r[name] ?? null);
    const type = columnType(values);
    const data = type === 'STRING' ? values.map(text) : type === 'DOUBLE' ? values.map((v) => (v === null ? null : Number(v))) : values;
    return { name, data, type };
  });
  return parquetWriteBuffer({ columnData });
}
