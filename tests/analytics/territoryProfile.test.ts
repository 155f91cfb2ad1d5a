import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { territoryProfile as profileJs } from '../../src/analytics/territoryProfile';
import { territoryProfile as profileSql } from '../../src/db/queries/territoryProfile';
import { openNodeDb, type NodeDb } from '../../src/db/node';
import { runQuery } from '../../src/db/sql';
import { toIndicatorRow, toTerritory } from '../../src/contract';
import { kindOf, type IndicatorMeta, type IndicatorRow, type Territory } from '../../src/analytics/catalogue';
import { NEVER_INHERITED } from '../../src/analytics/inheritance';

// The real data contract (public/data, built by `npm run data`): the panel's JavaScript profile must give
// exactly what the named SQL query gives in DuckDB.
const DIR = 'public/data';
const read = async (f: string) => {
  const b = fs.readFileSync(`${DIR}/${f}`);
  return parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
};

let db: NodeDb;
let territories: Territory[];
let rows: Map<string, IndicatorRow[]>;
let catalogue: IndicatorMeta[];
beforeAll(async () => {
  catalogue = JSON.parse(fs.readFileSync(`${DIR}/catalogue.json`, 'utf8')) as IndicatorMeta[];
  territories = (await read('territories.parquet')).map(toTerritory);
  rows = new Map();
  for (const r of (await read('indicators.parquet')).map(toIndicatorRow)) {
    if (!rows.has(r.indicator)) rows.set(r.indicator, []);
    rows.get(r.indicator)!.push(r);
  }
  db = await openNodeDb();
  await db.loadParquet('territories', `${DIR}/territories.parquet`);
  await db.loadParquet('indicators', `${DIR}/indicators.parquet`);
  await db.exec(
    `CREATE TABLE catalogue AS SELECT * FROM (VALUES ${catalogue.map((m) => `('${m.id}', ${m.polarity})`).join(', ')}) c(id, polarity)`,
  );
}, 120000);
afterAll(() => db?.close());

describe('territoryProfile in JavaScript = the SQL query in DuckDB (real data)', () => {
  it.each([
    ['comune', '101010'], // Crotone
    ['comune', '021008'], // Bolzano/Bozen
    ['comune', '058091'], // Roma
    ['comune', '005122'], // Moransengo-Tonengo: no polygon, still data
    ['province', '101'],
    ['province', '108'], // Monza e Brianza: folded into another permit area
    ['region', '18'],
    ['region', '04'],
    ['sll', '0101'], // Torino's local labour system: the region's labour-force rates inherited, as on the map
    ['sll', '1801'],
    ['nuts2', 'ITF6'], // Calabria among Europe's regions: its own figures, no Italian parent
    ['nuts2', 'AT13'], // Wien
  ] as const)('%s %s', async (level, code) => {
    const noInherit = catalogue.filter((m) => NEVER_INHERITED.has(kindOf(m))).map((m) => m.id);
    const sql = await runQuery(db, profileSql, { level, code, noInherit });
    const js = profileJs(rows, territories, catalogue, level, code);
    expect(js).toEqual(sql);
  });

  it('Crotone comune: its own census count, never the province’s; the province’s rate inherited and flagged', () => {
    const js = profileJs(rows, territories, catalogue, 'comune', '101010');
    const by = Object.fromEntries(js.map((r) => [r.indicator, r]));
    expect(by.foreign_residents_census).toMatchObject({ value: 2979, sourceLevel: 'comune', notAtLevel: false });
    expect(by.foreign_residents).toMatchObject({ value: null, notAtLevel: true });
    expect(by.foreign_per_100).toMatchObject({ sourceLevel: 'province', notAtLevel: false });
  });
});
