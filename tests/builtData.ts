/**
 * Tests that read the generated data (public/data, public/geo) call this first: when a file is missing the suite
 * FAILS with a plain message — it never skips silently. `npm test` builds the data before any test runs.
 */
import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPublishedTables } from '../data/build/profiles';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Throws (failing the test file) unless every file exists; paths relative to the project root. */
export function requireBuilt(...files: string[]): void {
  const missing = files.filter((f) => !fs.existsSync(path.resolve(ROOT, f)));
  if (missing.length)
    throw new Error(`${missing.join(', ')}: not built — run \`npm run data\` first (\`npm test\` does it for you)`);
}

/** Run one SQL query on a fresh in-memory DuckDB (Node) and return its rows as JSON objects (big numbers as text). */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

/** The published tables as the page reads them (public/data, real data): what the pipeline's profiles read. */
export async function readBuiltTables(): ReturnType<typeof readPublishedTables> {
  requireBuilt('public/data/catalogue.json', 'public/data/territories.parquet', 'public/data/indicators.parquet');
  const at = (f: string) => path.resolve(ROOT, 'public/data', f);
  return readPublishedTables({
    territories: at('territories.parquet'),
    indicators: at('indicators.parquet'),
    catalogue: at('catalogue.json'),
  });
}
