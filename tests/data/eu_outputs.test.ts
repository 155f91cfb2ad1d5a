/** Europe's NUTS2 level in the generated files (skipped, with a message, when `npm run data` has not been run). */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { requireBuilt } from '../builtData';
import fs from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { EU_MEASURES } from '../../data/build/eu.ts';
import { OUT } from '../../data/build/paths.ts';

requireBuilt(OUT.territories, OUT.indicators, OUT.catalogue, OUT.nuts2);

describe("Europe's NUTS2 regions in public/data and public/geo", () => {
  // one in-memory DuckDB for the file's queries
  let con: DuckDBConnection;
  beforeAll(async () => {
    con = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => con?.closeSync());
  const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson();
  const T = OUT.territories;
  const I = OUT.indicators;

  it('290 territories of level nuts2, each with a polygon and a point; Italy’s carry their ISTAT codes', async () => {
    const [n] = await q(
      `SELECT count(*) AS n, count(*) FILTER (WHERE has_geometry AND lon IS NOT NULL) AS drawn,
              count(*) FILTER (WHERE code LIKE 'IT%') AS it, count(population) AS pop
       FROM '${T}' WHERE level = 'nuts2'`,
    );
    expect(n).toEqual({ n: '290', drawn: '290', it: '21', pop: '0' });
    const [cal] = await q(
      `SELECT name, region_code, province_code FROM '${T}' WHERE level = 'nuts2' AND code = 'ITF6'`,
    );
    expect(cal).toEqual({ name: 'Calabria', region_code: '18', province_code: null });
    const [bz] = await q(`SELECT region_code, province_code FROM '${T}' WHERE level = 'nuts2' AND code = 'ITH1'`);
    expect(bz).toEqual({ region_code: '04', province_code: '021' });
  });

  it('2,378 nuts2 values as published (ITC4 foreign-born employment 71.0 in 2025, net migration 2024); no blank row', async () => {
    const [n] = await q(`SELECT count(*) AS n, count(value) AS v FROM '${I}' WHERE level = 'nuts2'`);
    expect(n).toEqual({ n: '2378', v: '2378' });
    const rows = await q(
      `SELECT indicator, year, value FROM '${I}' WHERE level = 'nuts2' AND code = 'ITC4' ORDER BY indicator`,
    );
    expect(rows.find((r) => r.indicator === 'fb_employment_rate_20_64')).toEqual({
      indicator: 'fb_employment_rate_20_64',
      year: 2025,
      value: 71,
    });
    expect(rows.find((r) => r.indicator === 'native_employment_rate_20_64')!.value).toBe(76.1);
    expect(rows.find((r) => r.indicator === 'net_migration_per_1000')!.year).toBe(2024);
    // Burgenland has no foreign-born unemployment rate: no row, not 0
    const [bl] = await q(
      `SELECT count(*) AS n FROM '${I}' WHERE level = 'nuts2' AND code = 'AT11' AND indicator = 'fb_unemployment_rate'`,
    );
    expect(bl.n).toBe('0');
  });

  it('the Italian NUTS2 values equal the region (and Bolzano/Trento province) rows the atlas shows', async () => {
    const rows = await q(
      `SELECT e.code, e.indicator, e.value AS eu, i.value AS it
       FROM '${I}' e JOIN '${T}' t ON t.level = 'nuts2' AND t.code = e.code
       JOIN '${I}' i ON i.indicator = e.indicator AND i.year = e.year
         AND ((t.province_code IS NOT NULL AND i.level = 'province' AND i.code = t.province_code)
           OR (t.province_code IS NULL AND i.level = 'region' AND i.code = t.region_code))
       WHERE e.level = 'nuts2' AND e.code LIKE 'IT%'`,
    );
    // 3 figures × 21 regions, less the blank cells of the source (the same in both files)
    expect(rows.length).toBeGreaterThan(55);
    expect(rows.filter((r) => r.eu !== r.it)).toEqual([]);
    expect(rows.find((r) => r.code === 'ITF6' && r.indicator === 'employment_gap_native_fb')).toBeDefined();
  });

  it('the catalogue lists nine figures at nuts2 (six only there), LFS figures marked as estimates', () => {
    const cat = JSON.parse(fs.readFileSync(OUT.catalogue, 'utf8')) as {
      id: string;
      levels: string[];
      estimated: boolean;
    }[];
    const eu = cat.filter((m) => m.levels.includes('nuts2'));
    // the nine Eurostat figures of data/build/eu.ts
    expect(eu.map((m) => m.id).sort()).toEqual(EU_MEASURES.map((m) => m.id).sort());
    expect(eu.filter((m) => m.levels.length === 1)).toHaveLength(6);
    expect(cat.find((m) => m.id === 'fb_employment_rate_20_64')!.levels).toEqual(['region', 'province', 'nuts2']);
    expect(eu.filter((m) => !m.estimated).map((m) => m.id)).toEqual(['net_migration_per_1000']);
  });

  it('public/geo/nuts2.topo.json has the 290 regions by code and name', () => {
    const topo = JSON.parse(fs.readFileSync(OUT.nuts2, 'utf8'));
    const g = topo.objects.territories.geometries as { properties: { code: string; name: string } }[];
    expect(g).toHaveLength(290);
    expect(g.find((x) => x.properties.code === 'ITF6')!.properties.name).toBe('Calabria');
  });
});
