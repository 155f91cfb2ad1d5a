/**
 * Tests that read the generated data (public/data, public/geo) call this first: when a file is missing the suite
 * FAILS with a plain message — it never skips silently. `npm test` builds the data before any test runs.
 */
import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { toIndicatorRow, toTerritory, type IndicatorMeta, type IndicatorRow, type Territory } from '../src/contract';

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

/**
 * The published tables as the page reads them (public/data, real data): the catalogue, the territories and the
 * indicator rows grouped by indicator (the contract's row mappers over the Parquet files).
 */
export async function readBuiltTables(): Promise<{
  catalogue: IndicatorMeta[];
  territories: Territory[];
  rowsByIndicator: Map<string, IndicatorRow[]>;
}> {
  requireBuilt('public/data/catalogue.json', 'public/data/territories.parquet', 'public/data/indicators.parquet');
  const read = async (f: string) => {
    const b = fs.readFileSync(path.resolve(ROOT, 'public/data', f));
    return parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
  };
  const catalogue = JSON.parse(
    fs.readFileSync(path.resolve(ROOT, 'public/data/catalogue.json'), 'utf8'),
  ) as IndicatorMeta[];
  const territories = (await read('territories.parquet')).map(toTerritory);
  const rowsByIndicator = new Map<string, IndicatorRow[]>();
  for (const r of (await read('indicators.parquet')).map(toIndicatorRow)) {
    let list = rowsByIndicator.get(r.indicator);
    if (!list) rowsByIndicator.set(r.indicator, (list = []));
    list.push(r);
  }
  return { catalogue, territories, rowsByIndicator };
}
