/**
 * The one DuckDB-WASM connector: started lazily (after the map has painted), in its own Web Worker,
 * bundled by Vite (no CDN), with extension loading forbidden. One init promise for the whole app.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { SAFE_SETTINGS, type SqlRunner } from './sql';
import { rowsToIPC, type ColumnType } from './arrow';

export interface WasmDb extends SqlRunner {
  /** create (default) or append to a table from plain rows */
  insertRows<T extends object>(table: string, rows: readonly T[], schema: Record<string, ColumnType>, create?: boolean): Promise<void>;
  /** make a text file readable by name in SQL (read_csv('name')); it stays in the browser */
  registerText(name: string, text: string): Promise<void>;
  /** the same for bytes (transferred to DuckDB's worker: the caller's copy is emptied) */
  registerBuffer?(name: string, bytes: Uint8Array): Promise<void>;
}

export type Progress = (fraction: number) => void;

let started: Promise<WasmDb> | null = null;

export function getDb(onProgress: Progress = () => {}): Promise<WasmDb> {
  started ??= start(onProgress);
  return started;
}

async function start(onProgress: Progress): Promise<WasmDb> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasmUrl, null, (p) => {
    if (p.bytesTotal > 0) onProgress(Math.min(1, p.bytesLoaded / p.bytesTotal));
  });
  const conn = await db.connect();
  for (const s of SAFE_SETTINGS) await conn.query(s);
  await conn.query('SET lock_configuration = true');
  return {
    async all(sql) {
      const table = await conn.query(sql);
      return table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    },
    async insertRows(name, rows, schema, create = true) {
      await conn.insertArrowFromIPCStream(rowsToIPC(rows, schema), { name, create });
    },
    async registerText(name, text) {
      await db.registerFileText(name, text);
    },
    async registerBuffer(name, bytes) {
      await db.registerFileBuffer(name, bytes);
    }
  };
}
