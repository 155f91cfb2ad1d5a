/**
 * The browser's engine in Node: DuckDB-WASM's blocking bundle (the same wasm build, tokenizer and parser as
 * the SQL console in the page), locked down with the same settings.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { lockdownSettings } from '../../src/db/sql';
import type { ParserPort } from '../../src/sql/statement';

const require = createRequire(import.meta.url);
/** the few calls of the blocking bundle used here (its .d.ts is not reachable through the package's exports) */
interface BlockingConn {
  query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
  prepare(sql: string): { close(): void };
}
interface BlockingBindings {
  instantiate(progress: () => void): Promise<unknown>;
  connect(): BlockingConn;
  tokenize(sql: string): { offsets: number[]; types: number[] };
  registerFileText(name: string, text: string): void;
}
interface BlockingModule {
  createDuckDB(bundles: unknown, logger: unknown, runtime: unknown): Promise<BlockingBindings>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
}
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as BlockingModule;
const DIST = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

export interface BlockingDb {
  port: ParserPort;
  query(sql: string): Record<string, unknown>[];
  /** run a statement as the console's own setup would (not through the judge) */
  exec(sql: string): void;
  /** apply the browser's lockdown (after the test's tables exist, as the console does after its copy) */
  lock(): void;
}

export async function openBlockingDb(files: { name: string; text: string }[] = []): Promise<BlockingDb> {
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: path.join(DIST, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: path.join(DIST, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  const conn = db.connect();
  for (const f of files) db.registerFileText(f.name, f.text);
  const exec = (sql: string) => void conn.query(sql);
  return {
    port: {
      tokenize: async (sql) => db.tokenize(sql),
      async prepare(sql) {
        conn.prepare(sql).close();
      },
    },
    query: (sql) =>
      conn
        .query(sql)
        .toArray()
        .map((r) => r.toJSON()),
    exec,
    lock: () => lockdownSettings(files.map((f) => f.name)).forEach(exec),
  };
}
