/** DuckDB in Node (@duckdb/node-api) behind the same SqlRunner as the browser: for tests and the CLI. */
import { DuckDBInstance } from '@duckdb/node-api';
import { SAFE_SETTINGS, lit, type SqlRunner } from './sql';

export interface NodeDb extends SqlRunner {
  exec(sql: string): Promise<void>;
  /** CREATE TABLE name AS SELECT * FROM read_parquet(path) */
  loadParquet(table: string, path: string): Promise<void>;
  close(): void;
}

export async function openNodeDb(): Promise<NodeDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const s of SAFE_SETTINGS) await conn.run(s);
  return {
    async all(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    async exec(sql) {
      await conn.run(sql);
    },
    async loadParquet(table, path) {
      await conn.run(
        `CREATE OR REPLACE TABLE "${table.replace(/"/g, '""')}" AS SELECT * FROM read_parquet(${lit(path)})`,
      );
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
