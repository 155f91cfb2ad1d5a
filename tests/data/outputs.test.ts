/** Checks over the real generated files (they fail, saying so, when `npm run data` has not been run). */
import { describe, it, expect } from 'vitest';
import { query, requireBuilt } from '../builtData';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const T = path.join(ROOT, 'public', 'data', 'territories.parquet');
const I = path.join(ROOT, 'public', 'data', 'indicators.parquet');
requireBuilt(T, I);

describe('generated Parquet (DuckDB)', () => {
  const q = query;

  it('comune population sums to the ANPR national total', async () => {
    const [r] = await q(`SELECT sum(population)::BIGINT AS s, count(*) AS n FROM '${T}' WHERE level = 'comune'`);
    expect(r.s).toBe('59470443');
    expect(r.n).toBe('7896');
  });

  it('Crotone 101010 exists with its ANPR population and a point inside Calabria', async () => {
    const [r] = await q(`SELECT * FROM '${T}' WHERE level = 'comune' AND code = '101010'`);
    expect(r).toMatchObject({
      name: 'Crotone',
      province_code: '101',
      region_code: '18',
      population: '58757',
      has_geometry: true,
    });
    expect(r.lon as number).toBeGreaterThan(16.9);
    expect(r.lat as number).toBeGreaterThan(38.9);
  });

  it('the two comuni without polygon are present with has_geometry = false', async () => {
    const rows = await q(`SELECT code FROM '${T}' WHERE NOT has_geometry ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual(['005122', '012144']);
  });

  it('no duplicate keys, no permit rows for the folded provinces, no region-04 Eurostat value', async () => {
    const [d] = await q(`SELECT count(*) - count(DISTINCT (level, code, indicator, year)) AS dups FROM '${I}'`);
    expect(d.dups).toBe('0');
    const [p] = await q(
      `SELECT count(*) AS n FROM '${I}' WHERE indicator LIKE 'longterm_permit%' AND code IN ('108','109','110','111') AND level = 'province'`,
    );
    expect(p.n).toBe('0');
    const [e] = await q(
      `SELECT count(*) AS n FROM '${I}' WHERE indicator = 'fb_employment_rate_20_64' AND level = 'region' AND code = '04'`,
    );
    expect(e.n).toBe('0');
  });
});

const C = path.join(ROOT, 'public', 'data', 'catalogue.json');
describe('published catalogue: scales', () => {
  const catalogue = () =>
    JSON.parse(fs.readFileSync(C, 'utf8')) as { id: string; scale?: unknown; unit: { en: string } }[];

  it('every published indicator has a positive scale', () => {
    const cat = catalogue();
    expect(cat.length).toBeGreaterThan(20);
    expect(cat.filter((m) => !(typeof m.scale === 'number' && m.scale > 0)).map((m) => m.id)).toEqual([]);
  });

  it('the scales of the per-100, per-1,000, % and euro indicators', () => {
    const k = Object.fromEntries(catalogue().map((m) => [m.id, m.scale]));
    expect(k).toMatchObject({
      foreign_per_100_census: 100,
      citizenship_per_1000: 1000,
      reception_per_1000: 1000,
      unemployment_rate_census: 100,
      avg_taxable_income: 1,
      minutes_to_pole: 1,
      population: 1,
    });
  });

  it('every row with a numerator and a denominator has value = scale × numerator / denominator', async () => {
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    try {
      const scales = catalogue()
        .map((m) => `('${m.id}', ${Number(m.scale)})`)
        .join(', ');
      const rows = (
        await con.runAndReadAll(
          `SELECT i.indicator, count(*) AS n FROM '${I}' i JOIN (VALUES ${scales}) s(id, k) ON s.id = i.indicator
           WHERE i.numerator IS NOT NULL AND i.denominator IS NOT NULL AND i.denominator <> 0
             AND abs(i.value - s.k * i.numerator / i.denominator) > 1e-9 * greatest(1, abs(i.value))
           GROUP BY 1`,
        )
      ).getRowObjectsJson();
      expect(rows).toEqual([]);
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  });
});
