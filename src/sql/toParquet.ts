/**
 * Console results → a Parquet file, written in JavaScript (hyparquet-writer): DuckDB-WASM could only write
 * Parquet with an extension it would download. Column types follow DuckDB's (cells.ts parquetColumn):
 * exact numbers stay numbers, anything else is DuckDB's own text. Missing stays null.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetColumn, type ResultColumn } from './cells';

export function toParquet(columns: readonly ResultColumn[], rows: readonly (readonly unknown[])[]): ArrayBuffer {
  const seen = new Map<string, number>();
  const columnData = columns.map((col, i) => {
    // Parquet needs distinct column names: a repeated name gets a suffix (_2, _3…)
    const k = (seen.get(col.name) ?? 0) + 1;
    seen.set(col.name, k);
    const { type, data } = parquetColumn(
      col,
      rows.map((r) => r[i] ?? null),
    );
    return { name: k === 1 ? col.name : `${col.name}_${k}`, data, type };
  });
  return parquetWriteBuffer({ columnData });
}
