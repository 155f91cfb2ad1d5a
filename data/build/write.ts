/** Writers: Parquet through DuckDB (SNAPPY, single thread, explicit ORDER BY → byte-identical runs) and JSON. */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { IndicatorRow } from './types.ts';
import { LEVEL_ORDER } from './types.ts';

export interface TerritoryRow {
  level: 'italy' | 'region' | 'province' | 'comune';
  code: string;
  name: string;
  province_code: string | null;
  region_code: string | null;
  population: number | null;
  area_km2: number | null;
  lon: number | null;
  lat: number | null;
  has_geometry: boolean;
  /** comune: capoluogo of its province (ISTAT elenco comuni); false for every other row */
  capital: boolean;
}

const levelIdx = (l: string) => LEVEL_ORDER.indexOf(l as never);
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

export function sortTerritories(rows: TerritoryRow[]): TerritoryRow[] {
  return [...rows].sort((a, b) => levelIdx(a.level) - levelIdx(b.level) || cmp(a.code, b.code));
}
export function sortIndicators(rows: IndicatorRow[]): IndicatorRow[] {
  return [...rows].sort(
    (a, b) =>
      cmp(a.indicator, b.indicator) || levelIdx(a.level) - levelIdx(b.level) || cmp(a.code, b.code) || a.year - b.year,
  );
}

type Col = { name: string; type: 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' };

async function writeTable(
  file: string,
  cols: Col[],
  rows: Record<string, unknown>[],
  orderBy: string,
  rowGroupSize = 1000000,
) {
  const inst = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await inst.connect();
  try {
    await con.run(`CREATE TABLE t (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    const app = await con.createAppender('t');
    for (const r of rows) {
      for (const c of cols) {
        const v = r[c.name];
        if (v === null || v === undefined) app.appendNull();
        else if (c.type === 'VARCHAR') app.appendVarchar(String(v));
        else if (c.type === 'BIGINT') app.appendBigInt(BigInt(v as number));
        else if (c.type === 'INTEGER') app.appendInteger(v as number);
        else if (c.type === 'DOUBLE') app.appendDouble(v as number);
        else app.appendBoolean(Boolean(v));
      }
      app.endRow();
    }
    app.closeSync();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = file + '.tmp';
    await con.run(
      `COPY (SELECT * FROM t ORDER BY ${orderBy}) TO '${tmp.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${rowGroupSize})`,
    );
    fs.renameSync(tmp, file);
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

const LEVEL_SQL = `CASE level WHEN 'italy' THEN 0 WHEN 'region' THEN 1 WHEN 'province' THEN 2 ELSE 3 END`;

export async function writeTerritories(file: string, rows: TerritoryRow[]) {
  await writeTable(
    file,
    [
      { name: 'level', type: 'VARCHAR' },
      { name: 'code', type: 'VARCHAR' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'province_code', type: 'VARCHAR' },
      { name: 'region_code', type: 'VARCHAR' },
      { name: 'population', type: 'BIGINT' },
      { name: 'area_km2', type: 'DOUBLE' },
      { name: 'lon', type: 'DOUBLE' },
      { name: 'lat', type: 'DOUBLE' },
      { name: 'has_geometry', type: 'BOOLEAN' },
      { name: 'capital', type: 'BOOLEAN' },
    ],
    sortTerritories(rows) as unknown as Record<string, unknown>[],
    `${LEVEL_SQL}, code`,
  );
}

export async function writeIndicators(file: string, rows: IndicatorRow[]) {
  await writeTable(
    file,
    [
      { name: 'level', type: 'VARCHAR' },
      { name: 'code', type: 'VARCHAR' },
      { name: 'indicator', type: 'VARCHAR' },
      { name: 'year', type: 'INTEGER' },
      { name: 'value', type: 'DOUBLE' },
      { name: 'numerator', type: 'DOUBLE' },
      { name: 'denominator', type: 'DOUBLE' },
    ],
    sortIndicators(rows) as unknown as Record<string, unknown>[],
    `indicator, ${LEVEL_SQL}, code, year`,
    // small row groups, sorted by indicator: the browser reads only the groups of the indicator on the map
    // (HTTP range requests guided by the row-group min/max statistics)
    2048,
  );
}

/** Stable JSON (2-space indent, trailing newline). */
export function writeJson(file: string, data: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}
export function writeText(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
