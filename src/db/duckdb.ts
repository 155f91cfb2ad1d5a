/**
 * DuckDB-WASM in the browser: started lazily (after the map has painted), each instance in its own Web
 * Worker, bundled by Vite (no CDN), locked down before anything else runs (src/db/sql.ts
 * lockdownSettings: no extensions, no file system, no network, configuration locked).
 * `getDb` is the atlas's own instance (one init promise for the whole app); `openDuckDb` makes another
 * one (the SQL console has its own, so that nothing typed there can reach the atlas's tables).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { tableToIPC } from 'apache-arrow';
import { lockdownSettings, type SqlRunner } from './sql';
import { rowsToIPC, type ColumnType } from './arrow';

export interface WasmDb extends SqlRunner {
  /** create (default) or append to a table from plain rows */
  insertRows<T extends object>(
    table: string,
    rows: readonly T[],
    schema: Record<string, ColumnType>,
    create?: boolean,
  ): Promise<void>;
  /** create a table from an Arrow IPC stream */
  insertIPC(table: string, ipc: Uint8Array): Promise<void>;
  /** a query's result as an Arrow IPC stream (to copy tables between instances) */
  queryIPC(sql: string): Promise<Uint8Array>;
}

/** An instance of one's own: its connection for streaming and cancelling, and a way to end it. */
export interface OwnDb extends WasmDb {
  conn: duckdb.AsyncDuckDBConnection;
  bindings: duckdb.AsyncDuckDB;
  /** end the worker (and whatever query it is running) */
  terminate(): void;
}

export type Progress = (fraction: number) => void;

let started: Promise<WasmDb> | null = null;

export function getDb(onProgress: Progress = () => {}): Promise<WasmDb> {
  started ??= openDuckDb({ onProgress });
  return started;
}

/**
 * A new DuckDB-WASM instance. `files` are texts registered by name before the lockdown: they are the only
 * files its SQL can read (read_csv('name')).
 */
export async function openDuckDb(
  opts: { onProgress?: Progress; files?: readonly { name: string; text: string }[] } = {},
): Promise<OwnDb> {
  // started from a blob: so that the page's Content-Security-Policy is the worker's too (a worker loaded
  // from its own URL takes the policy of that file's response, which a static host may not send)
  const abs = (u: string) => new URL(u, location.href).href;
  const boot = URL.createObjectURL(
    new Blob([`importScripts(${JSON.stringify(abs(workerUrl))});`], { type: 'text/javascript' }),
  );
  const worker = new Worker(boot);
  const end = () => {
    worker.terminate();
    URL.revokeObjectURL(boot);
  };
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(abs(wasmUrl), null, (p) => {
      if (p.bytesTotal > 0) opts.onProgress?.(Math.min(1, p.bytesLoaded / p.bytesTotal));
    });
    const conn = await db.connect();
    const files = opts.files ?? [];
    for (const f of files) await db.registerFileText(f.name, f.text);
    for (const s of lockdownSettings(files.map((f) => f.name))) await conn.query(s);
    return {
      conn,
      bindings: db,
      terminate: end,
      async all(sql) {
        const table = await conn.query(sql);
        return table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
      },
      async insertRows(name, rows, schema, create = true) {
        await conn.insertArrowFromIPCStream(rowsToIPC(rows, schema), { name, create });
      },
      async insertIPC(name, ipc) {
        await conn.insertArrowFromIPCStream(ipc, { name, create: true });
      },
      async queryIPC(sql) {
        return tableToIPC(await conn.query(sql), 'stream');
      },
    };
  } catch (e) {
    end();
    throw e;
  }
}
