import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { requireBuilt } from '../builtData';
import fs from 'node:fs';
import { openNodeDb, type NodeDb } from '../../src/db/node';
import { runQuery } from '../../src/db/sql';
import { territoryProfile } from '../../src/db/queries/territoryProfile';

// Synthetic fixture (not real data): Italy, 2 regions (R1, R2), 3 provinces, 5 comuni.
//   indicator a: comune level, all five comuni, polarity +1 → own values, no inheritance
//   indicator b: region level only, polarity −1 → provinces and comuni inherit the region value
//   indicator c: province level, 2 of 3 provinces (coverage 2/3 ≥ 1/2) → the third stays missing
const FIXTURE = `
CREATE TABLE territories AS SELECT * FROM (VALUES
  ('italy','IT','Italia',NULL,NULL,100.0),
  ('region','01','R1',NULL,'01',60.0), ('region','02','R2',NULL,'02',40.0),
  ('province','001','P1','001','01',30.0), ('province','002','P2','002','01',30.0), ('province','003','P3','003','02',40.0),
  ('comune','001001','C1','001','01',10.0), ('comune','001002','C2','001','01',20.0), ('comune','002001','C3','002','01',30.0),
  ('comune','003001','C4','003','02',15.0), ('comune','003002','C5','003','02',25.0)
) t(level, code, name, province_code, region_code, population);
CREATE TABLE indicators AS SELECT level, code, indicator, year::INTEGER AS year, value::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator FROM (VALUES
  ('comune','001001','a',2020,5.0), ('comune','001002','a',2020,7.0), ('comune','002001','a',2020,7.0),
  ('comune','003001','a',2020,1.0), ('comune','003002','a',2020,9.0),
  ('comune','001001','a',2019,100.0),
  ('province','001','a',2020,6.3), ('region','01','a',2020,6.5), ('italy','IT','a',2020,6.0),
  ('region','01','b',2021,12.0), ('region','02','b',2021,8.0), ('italy','IT','b',2021,10.4),
  ('province','001','c',2022,3.0), ('province','003','c',2022,4.0)
) v(level, code, indicator, year, value);
CREATE TABLE catalogue AS SELECT * FROM (VALUES ('a', 1, 'labour'), ('b', -1, 'labour'), ('c', 1, 'context')) c(id, polarity, pillar);
`;

describe('territoryProfile (DuckDB, synthetic fixture)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    for (const stmt of FIXTURE.split(';').filter((s) => s.trim())) await db.exec(stmt);
  });
  afterAll(() => db.close());

  it('comune C2: own value and rank, province parent, Italy, inherited regional value', async () => {
    const rows = await runQuery(db, territoryProfile, { level: 'comune', code: '001002' });
    const by = Object.fromEntries(rows.map((r) => [r.indicator, r]));
    // a, latest year 2020: values 5,7,7,1,9; polarity +1 → 9 is 1st, the two 7s share 2nd, 5 is 4th
    expect(by.a).toMatchObject({
      year: 2020,
      value: 7,
      sourceLevel: 'comune',
      rank: 2,
      ranked: 5,
      parentValue: 6.3,
      italyValue: 6,
    });
    // b exists only for regions: C2 is in R1 → 12, flagged as regional; no rank among comuni
    expect(by.b).toMatchObject({ year: 2021, value: 12, sourceLevel: 'region', rank: null, italyValue: 10.4 });
    // c at province level: C2's province P1 → 3 (coverage among comuni is 0 → inherits)
    expect(by.c).toMatchObject({ value: 3, sourceLevel: 'province' });
  });

  it('province P2: c is measured at province level (2 of 3), so P2 stays missing instead of inheriting', async () => {
    const rows = await runQuery(db, territoryProfile, { level: 'province', code: '002' });
    const by = Object.fromEntries(rows.map((r) => [r.indicator, r]));
    expect(by.c.value).toBeNull();
    expect(by.c.sourceLevel).toBeNull();
    // b with polarity −1 at region level: R1 = 12 → rank 2 of 2 at region level, inherited here
    expect(by.b).toMatchObject({ value: 12, sourceLevel: 'region', parentValue: 12 });
  });

  it('region R2: polarity −1 ranks the lower value first', async () => {
    const rows = await runQuery(db, territoryProfile, { level: 'region', code: '02' });
    const b = rows.find((r) => r.indicator === 'b');
    expect(b).toMatchObject({ value: 8, rank: 1, ranked: 2, parentValue: 10.4 });
  });

  it('a count (noInherit) is never inherited: comune C2 gets "not available at this level", not P1’s 3', async () => {
    const rows = await runQuery(db, territoryProfile, { level: 'comune', code: '001002', noInherit: ['c'] });
    const by = Object.fromEntries(rows.map((r) => [r.indicator, r]));
    expect(by.c).toMatchObject({ value: null, sourceLevel: null, notAtLevel: true, parentValue: 3 });
    // the others are untouched
    expect(by.b).toMatchObject({ value: 12, sourceLevel: 'region', notAtLevel: false });
    expect(by.a.notAtLevel).toBe(false);
    // province P2 misses c while c is measured at province level: "no data", not "not at this level"
    const p2 = await runQuery(db, territoryProfile, { level: 'province', code: '002', noInherit: ['c'] });
    expect(p2.find((r) => r.indicator === 'c')).toMatchObject({ value: null, notAtLevel: false });
  });

  it('a failing query keeps its name and SQL', async () => {
    const broken = { ...territoryProfile, sql: () => 'SELECT * FROM no_such_table' };
    await expect(runQuery(db, broken, { level: 'region', code: '01' })).rejects.toMatchObject({
      queryName: 'territoryProfile',
      sql: 'SELECT * FROM no_such_table',
    });
  });
});

requireBuilt('public/data/indicators.parquet', 'public/data/territories.parquet');
describe('territoryProfile on the real public data', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    await db.loadParquet('territories', 'public/data/territories.parquet');
    await db.loadParquet('indicators', 'public/data/indicators.parquet');
    const cat = JSON.parse(fs.readFileSync('public/data/catalogue.json', 'utf8')) as { id: string; polarity: number }[];
    await db.exec(
      `CREATE TABLE catalogue AS SELECT * FROM (VALUES ${cat.map((c) => `('${c.id}', ${c.polarity})`).join(',')}) c(id, polarity)`,
    );
  });
  afterAll(() => db.close());

  it('Crotone (101010): ANPR population as its own value, ranked among all comuni', async () => {
    const rows = await runQuery(db, territoryProfile, { level: 'comune', code: '101010' });
    const pop = rows.find((r) => r.indicator === 'population');
    const [t] = await db.all("SELECT population FROM territories WHERE level = 'comune' AND code = '101010'");
    expect(pop?.value).toBe(Number(t.population));
    expect(pop?.sourceLevel).toBe('comune');
    expect(pop?.ranked).toBeGreaterThan(7800);
    // unemployment exists only for regions: Crotone shows Calabria's, flagged
    expect(rows.find((r) => r.indicator === 'unemployment_rate')?.sourceLevel).toBe('region');
  });

  it('Crotone (101010): the province count of foreign residents is NOT shown as the comune’s; the census count is its own', async () => {
    const cat = JSON.parse(fs.readFileSync('public/data/catalogue.json', 'utf8')) as { id: string; kind: string }[];
    const noInherit = cat.filter((c) => c.kind === 'count' || c.kind === 'class').map((c) => c.id);
    const rows = await runQuery(db, territoryProfile, { level: 'comune', code: '101010', noInherit });
    const by = Object.fromEntries(rows.map((r) => [r.indicator, r]));
    expect(by.foreign_residents).toMatchObject({ value: null, sourceLevel: null, notAtLevel: true });
    expect(by.foreign_residents_census).toMatchObject({
      value: 2979,
      sourceLevel: 'comune',
      notAtLevel: false,
      italyValue: 5030716,
    });
    // a rate may still be inherited, flagged
    expect(by.unemployment_rate.sourceLevel).toBe('region');
    expect(by.unemployment_rate_census.value).toBeCloseTo(15.589, 3);
    expect(by.degurba).toMatchObject({ value: 2, sourceLevel: 'comune' });
  });
});
