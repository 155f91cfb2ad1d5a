/** Writers: Parquet through DuckDB (SNAPPY, single thread, explicit ORDER BY → byte-identical runs) and JSON. */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  INDICATOR_COLUMNS,
  LEVEL_ORDER_SQL,
  SERVICE_COLUMNS,
  TERRITORY_COLUMNS,
  levelIndex,
  type Column,
  type ColumnType,
  type IndicatorRow,
  type ServiceRow,
  type Territory,
} from '../../src/contract/index.ts';

/** A territory as the pipeline writes it: `capital` always present (false but for a comune capoluogo). */
export type TerritoryRow = Required<Territory>;

const levelIdx = levelIndex;
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

export function sortTerritories(rows: TerritoryRow[]): TerritoryRow[] {
  return [...rows].sort((a, b) => levelIdx(a.level) - levelIdx(b.level) || cmp(a.code, b.code));
}
export function sortIndicators<R extends IndicatorRow>(rows: R[]): R[] {
  return [...rows].sort(
    (a, b) =>
      cmp(a.indicator, b.indicator) || levelIdx(a.level) - levelIdx(b.level) || cmp(a.code, b.code) || a.year - b.year,
  );
}

const SQL_TYPE: Record<ColumnType, string> = {
  text: 'VARCHAR',
  double: 'DOUBLE',
  int: 'INTEGER',
  bigint: 'BIGINT',
  bool: 'BOOLEAN',
};

/** One table of the contract (src/contract/tables.ts) to a Parquet file, in the order `orderBy`. */
export async function writeTable<R>(
  file: string,
  cols: readonly Column<R>[],
  rows: readonly R[],
  orderBy: string,
  rowGroupSize = 1000000,
) {
  const inst = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await inst.connect();
  try {
    await con.run(`CREATE TABLE t (${cols.map((c) => `"${c.name}" ${SQL_TYPE[c.type]}`).join(', ')})`);
    const app = await con.createAppender('t');
    for (const r of rows) {
      for (const c of cols) {
        const v: unknown = r[c.name];
        if (v === null || v === undefined) app.appendNull();
        else if (c.type === 'text') app.appendVarchar(String(v));
        else if (c.type === 'bigint') app.appendBigInt(BigInt(v as number));
        else if (c.type === 'int') app.appendInteger(v as number);
        else if (c.type === 'double') app.appendDouble(v as number);
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

export async function writeTerritories(file: string, rows: TerritoryRow[]) {
  await writeTable(file, TERRITORY_COLUMNS, sortTerritories(rows), `${LEVEL_ORDER_SQL}, code`);
}

export async function writeIndicators(file: string, rows: IndicatorRow[]) {
  await writeTable(
    file,
    INDICATOR_COLUMNS,
    sortIndicators(rows),
    `indicator, ${LEVEL_ORDER_SQL}, code, year`,
    // small row groups, sorted by indicator: the browser reads only the groups of the indicator on the map
    // (HTTP range requests guided by the row-group min/max statistics)
    2048,
  );
}

/** services.parquet, ordered by layer and id. */
export async function writeServiceRows(file: string, rows: readonly ServiceRow[]) {
  await writeTable(file, SERVICE_COLUMNS, rows, 'layer, id');
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
