/** Plain rows → Arrow IPC stream with explicit column types (DuckDB-WASM takes Arrow IPC). */
import {
  Table,
  vectorFromArray,
  tableToIPC,
  Utf8,
  Float64,
  Int32,
  Bool,
  type DataType,
  type Vector,
} from 'apache-arrow';

import type { ColumnType } from '../contract';

export type { ColumnType };

export { schemaOf } from '../contract';

const arrowType = (t: ColumnType): DataType => {
  switch (t) {
    case 'text':
      return new Utf8();
    case 'double':
    case 'bigint': // held as a JS number on the page (population): a double in the mirror
      return new Float64();
    case 'int':
      return new Int32();
    case 'bool':
      return new Bool();
  }
};

export function rowsToIPC<T extends object>(rows: readonly T[], schema: Record<string, ColumnType>): Uint8Array {
  const cols: Record<string, Vector> = {};
  for (const [name, type] of Object.entries(schema)) {
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[name];
      return v === undefined ? null : v;
    });
    cols[name] = vectorFromArray(values, arrowType(type));
  }
  return tableToIPC(new Table(cols), 'stream');
}
