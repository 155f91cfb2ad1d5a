/**
 * The SQL console's engine: a DuckDB-WASM instance of its own (own worker), holding COPIES of the atlas's
 * tables and of the imported files' texts, locked down like the atlas's (no network, no files, no
 * extensions, configuration locked). Whatever a statement did there, the atlas's tables would not see it;
 * and only what DuckDB judges a single read runs at all (statement.ts). Results are streamed with a row
 * cap; a running statement can be stopped (DuckDB's cancel, then the worker itself if it does not answer).
 */
import type { OwnDb, WasmDb } from '../db/duckdb';
import { judge, type ParserPort, type Verdict } from './statement';
import { countRows, cappedRows, createEmpty, describeBody, listColumns, tableRows } from './queries';
import type { ResultColumn } from './cells';

export interface ConsoleResult {
  columns: ResultColumn[];
  /** at most `cap` rows, each an array in column order */
  rows: unknown[][];
  /** rows of the whole result (counted by DuckDB when more than `cap`); null if the count was stopped */
  total: number | null;
  ms: number;
}

export type RunOutcome =
  | { kind: 'result'; result: ConsoleResult }
  | { kind: 'refused'; verdict: Extract<Verdict, { ok: false }> }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' };

export type Phase = 'running' | 'counting';

export interface Source {
  /** the atlas's DuckDB (read from, never written) */
  db: WasmDb;
  /** the imported files' texts, readable as read_csv('<name>') */
  files: { name: string; text: string }[];
  /** changes whenever the tables or files change (the copy is then made again) */
  key: string;
}

type Open = (files: { name: string; text: string }[]) => Promise<OwnDb>;

export class ConsoleEngine {
  #db: OwnDb | null = null;
  #key: string | null = null;
  #opening: Promise<OwnDb> | null = null;
  #stopped = false;
  #running = false;

  constructor(private readonly open: Open) {}

  /** The console's instance with a fresh copy of the source (made again when its key changed). */
  async ready(src: Source): Promise<OwnDb> {
    if (this.#db && this.#key === src.key) return this.#db;
    if (this.#opening && this.#key === src.key) return this.#opening;
    this.#key = src.key;
    this.#dispose();
    const p = (this.#opening = (async () => {
      const db = await this.open(src.files);
      try {
        await copyTables(src.db, db);
      } catch (e) {
        db.terminate();
        throw e;
      }
      return db;
    })());
    try {
      const db = await p;
      if (this.#opening === p) this.#db = db;
      else db.terminate();
      return db;
    } finally {
      if (this.#opening === p) this.#opening = null;
    }
  }

  /** The tables and columns the console can read. */
  async schema(src: Source): Promise<Map<string, ResultColumn[]>> {
    const db = await this.ready(src);
    const m = new Map<string, ResultColumn[]>();
    for (const c of await db.all(listColumns)) {
      const t = String(c.table_name);
      if (!m.has(t)) m.set(t, []);
      m.get(t)!.push({ name: String(c.column_name), type: String(c.data_type) });
    }
    return m;
  }

  get running(): boolean {
    return this.#running;
  }

  async run(src: Source, sql: string, cap: number, onPhase: (p: Phase) => void = () => {}): Promise<RunOutcome> {
    if (this.#running) return { kind: 'failed', message: 'busy' };
    this.#running = true;
    this.#stopped = false;
    const t0 = performance.now();
    try {
      const db = await this.ready(src);
      const verdict = await judge(sql, port(db));
      if (!verdict.ok) return { kind: 'refused', verdict };
      onPhase('running');
      if (verdict.kind === 'explain') {
        const table = await db.conn.query(`${verdict.prefix} ${verdict.body}`);
        const columns = table.schema.fields.map((f) => ({ name: f.name, type: 'VARCHAR' }));
        const rows = table.toArray().map((r) => columns.map((c) => (r as Record<string, unknown>)[c.name] ?? null));
        return { kind: 'result', result: { columns, rows, total: rows.length, ms: performance.now() - t0 } };
      }
      const columns = (await db.all(describeBody(verdict.body))).map((r) => ({
        name: String(r.column_name),
        type: String(r.column_type),
      }));
      const capped = cappedRows(verdict.body, columns, cap + 1);
      await port(db).prepare(capped);
      const rows = await streamRows(db, capped, cap + 1);
      if (this.#stopped) return { kind: 'stopped' };
      let total: number | null = rows.length;
      if (rows.length > cap) {
        rows.length = cap;
        onPhase('counting');
        const counted = await streamRows(db, countRows(verdict.body), 1);
        total = this.#stopped ? null : Number(counted[0]?.[0] ?? NaN);
        this.#stopped = false;
      }
      return { kind: 'result', result: { columns, rows, total, ms: performance.now() - t0 } };
    } catch (e) {
      if (this.#stopped) return { kind: 'stopped' };
      return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    } finally {
      this.#running = false;
    }
  }

  /** Stop the running statement: DuckDB's cancel; if the worker has not answered in 2 s, end the worker. */
  async stop(): Promise<void> {
    if (!this.#running || !this.#db) return;
    this.#stopped = true;
    const db = this.#db;
    const answered = await Promise.race([
      db.conn.cancelSent().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
    ]);
    if (!answered && this.#db === db) this.#dispose();
  }

  close(): void {
    this.#dispose();
    this.#key = null;
  }

  #dispose(): void {
    this.#db?.terminate();
    this.#db = null;
  }
}

/** DuckDB's tokenizer and parser of an instance. */
export function port(db: OwnDb): ParserPort {
  return {
    tokenize: (sql) => db.bindings.tokenize(sql),
    async prepare(sql) {
      const s = await db.conn.prepare(sql);
      await s.close();
    },
  };
}

/** Stream a statement's rows (arrays in column order), at most `limit`; the rest is cancelled. */
async function streamRows(db: OwnDb, sql: string, limit: number): Promise<unknown[][]> {
  const reader = await db.conn.send(sql, true);
  const rows: unknown[][] = [];
  for await (const batch of reader) {
    const n = batch.numCols;
    for (let r = 0; r < batch.numRows && rows.length < limit; r++) {
      const row = new Array<unknown>(n);
      for (let c = 0; c < n; c++) row[c] = batch.getChildAt(c)?.get(r) ?? null;
      rows.push(row);
    }
    if (rows.length >= limit) {
      await db.conn.cancelSent().catch(() => false);
      break;
    }
  }
  return rows;
}

/** Copy every table of the atlas's instance into the console's (Arrow IPC, in memory). */
async function copyTables(from: WasmDb, to: OwnDb): Promise<void> {
  const tables = new Map<string, ResultColumn[]>();
  for (const c of await from.all(listColumns)) {
    const t = String(c.table_name);
    if (!tables.has(t)) tables.set(t, []);
    tables.get(t)!.push({ name: String(c.column_name), type: String(c.data_type) });
  }
  for (const [t, cols] of tables) {
    const [{ n }] = await from.all(countRows(tableRows(t)));
    if (Number(n) === 0) await to.all(createEmpty(t, cols));
    else await to.insertIPC(t, await from.queryIPC(tableRows(t)));
  }
}
