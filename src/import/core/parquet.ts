/** Parquet (read in JavaScript by hyparquet: no DuckDB extension is downloaded). */
import { parquetReadObjects } from 'hyparquet';
import type { Cell } from './types';

export async function readParquet(bytes: Uint8Array): Promise<{ header: string[]; rows: Cell[][] }> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const objs = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  const header = objs.length ? Object.keys(objs[0]) : [];
  const cell = (v: unknown): Cell => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v);
  };
  return { header, rows: objs.map((o) => header.map((h) => cell(Object.hasOwn(o, h) ? o[h] : null))) };
}
