// Europe's regions (data/build/eu.ts): the real Eurostat file in data/raw/eu, and labelled synthetic rows for the errors.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { RAW, RAW_FILES } from '../../data/build/paths.ts';
import {
  readEuNuts2,
  checkItaly,
  checkGeometry,
  euTopology,
  euTerritories,
  euIndicatorRows,
  EU_MEASURES,
} from '../../data/build/eu.ts';
import { NUTS2_TERRITORY } from '../../data/build/labour.ts';
import { META } from '../../data/build/catalogue.ts';
import { EU_META } from '../../data/build/catalogue_eu.ts';

const CSV = path.join(RAW, 'eu', 'eu_nuts2_migrant_labour_2025.csv');
const GEO = path.join(RAW, 'eu', 'eu_nuts2_2024_20M.geojson');
const real = readEuNuts2(fs.readFileSync(CSV, 'utf8'), 'eu.csv');
const byCode = new Map(real.map((r) => [r.nuts, r]));

describe("Europe's NUTS2 regions, real file", () => {
  it('290 regions, 244 of them in the EU-27; each measure has as many values as Eurostat lists regions', () => {
    expect(real).toHaveLength(290);
    expect(real.filter((r) => r.eu27)).toHaveLength(244);
    const count = (id: string) => real.filter((r) => r.values.has(id)).length;
    // the file's own `available_regions` (MANIFEST): 279, 273, 239, 272, 185, 290
    expect(count('fb_share_15_64')).toBe(279);
    expect(count('non_eu_born_share_15_64')).toBe(273);
    expect(count('foreign_citizen_share_15_64')).toBe(239);
    expect(count('employment_gap_native_fb')).toBe(272);
    expect(count('fb_unemployment_rate')).toBe(185);
    expect(count('net_migration_per_1000')).toBe(290);
  });

  it('values as published: Lombardia 76.1 vs 71.0, Wien 47.3 % foreign-born; a blank stays missing', () => {
    const lom = byCode.get('ITC4')!;
    expect(lom.values.get('native_employment_rate_20_64')).toBe(76.1);
    expect(lom.values.get('fb_employment_rate_20_64')).toBe(71.0);
    expect(lom.values.get('employment_gap_native_fb')).toBe(5.1);
    expect(byCode.get('AT13')!.values.get('fb_share_15_64')).toBe(47.3);
    // Burgenland has no foreign-born unemployment rate: absent, not 0
    expect(byCode.get('AT11')!.values.has('fb_unemployment_rate')).toBe(false);
    // ME00 has only net migration
    expect([...byCode.get('ME00')!.values.keys()]).toEqual(['net_migration_per_1000']);
  });

  it('the Italian rows equal the Italian NUTS2 file the atlas already shows (189 cells)', () => {
    const it = fs.readFileSync(path.join(RAW, RAW_FILES.eurostat), 'utf8');
    expect(checkItaly(real, it, 'italy.csv')).toBe(21 * EU_MEASURES.length);
    const changed = it
      .replace('ITC4,Lombardia', 'ITC4,Lombardia')
      .replace(/(ITC4,[^\n]*?),76\.1,71\.0,/, '$1,76.1,70.9,');
    expect(changed).not.toBe(it);
    expect(() => checkItaly(real, changed, 'italy.csv')).toThrow(/ITC4 employment_rate_foreign_born_20_64_pct is 70.9/);
  });

  it('one polygon per region; the TopoJSON names every region and has a point inside each', async () => {
    const fc = JSON.parse(fs.readFileSync(GEO, 'utf8'));
    expect(() => checkGeometry(real, fc, 'geo')).not.toThrow();
    const { topo, inner } = await euTopology(fc, real);
    const geoms = JSON.parse(topo).objects.territories.geometries;
    expect(geoms).toHaveLength(290);
    expect(geoms.find((g: { properties: { code: string } }) => g.properties.code === 'ITF6').properties.name).toBe(
      'Calabria',
    );
    expect(inner.size).toBe(290);
    const p = inner.get('ITF6')!;
    expect(p.lon).toBeGreaterThan(15.6);
    expect(p.lon).toBeLessThan(17.3);
    const fewer = {
      features: fc.features.filter((f: { properties: { nuts: string } }) => f.properties.nuts !== 'ITF6'),
    };
    expect(() => checkGeometry(real, fewer, 'geo')).toThrow('geo: no polygon for ITF6');
  });
});

describe('rows of territories.parquet and indicators.parquet', () => {
  it('Italian regions carry their ISTAT code (ITH1 → province 021 of region 04); blanks write no row', () => {
    const t = euTerritories(real, new Map([['ITF6', { lon: 16.5, lat: 39 }]]), NUTS2_TERRITORY);
    expect(t.find((x) => x.code === 'ITF6')).toMatchObject({
      level: 'nuts2',
      region_code: '18',
      lon: 16.5,
      has_geometry: true,
    });
    expect(t.find((x) => x.code === 'ITH1')).toMatchObject({ province_code: '021', region_code: '04' });
    expect(t.find((x) => x.code === 'AT13')).toMatchObject({
      region_code: null,
      population: null,
      has_geometry: false,
    });
    const rows = euIndicatorRows(real);
    // 279 + 273 + 239 + 288 + 272 + 272 + 280 + 185 + 290 values
    expect(rows).toHaveLength(2378);
    expect(rows.find((r) => r.code === 'ITC4' && r.indicator === 'fb_employment_rate_20_64')).toEqual({
      level: 'nuts2',
      code: 'ITC4',
      indicator: 'fb_employment_rate_20_64',
      year: 2025,
      value: 71.0,
      numerator: null,
      denominator: null,
    });
    expect(rows.filter((r) => r.code === 'ME00').map((r) => [r.indicator, r.year])).toEqual([
      ['net_migration_per_1000', 2024],
    ]);
  });
});

describe('bad rows are refused with the row and the reason (SYNTHETIC fixtures)', () => {
  const header =
    'nuts,country,name,population_ths,foreign_born_ths,foreign_born_pct,non_eu_born_pct,foreign_citizen_pct,' +
    'employment_native_pct,employment_foreign_born_pct,employment_gap_pp,unemployment_native_pct,' +
    'unemployment_foreign_born_pct,net_migration_per_1000';
  const ok = 'XX11,XX,Alpha,100.0,20.0,20.0,10.0,15.0,70.0,60.0,10.0,5.0,9.0,3.0';
  const read =
    (...rows: string[]) =>
    () =>
      readEuNuts2([header, ...rows].join('\n'), 'x.csv');

  it('accepts a consistent row', () => {
    expect(read(ok)()).toHaveLength(1);
  });
  it('a repeated code, a bad code, a code outside its country', () => {
    expect(read(ok, ok)).toThrow('x.csv, row 3: XX11 appears twice');
    expect(read(ok.replace('XX11', 'X-11'))).toThrow('"X-11" is not a NUTS2 code');
    expect(read(ok.replace('XX11,XX', 'XX11,YY'))).toThrow('XX11 is not in country YY');
  });
  it('a number that does not parse, a share over 100', () => {
    expect(read(ok.replace(',70.0,', ',7O.0,'))).toThrow(/row 2, column "employment_native_pct": "7O.0"/);
    expect(read(ok.replace(',15.0,', ',150.0,'))).toThrow('foreign_citizen_pct = 150 is not a percentage');
  });
  it('a gap that is not native − foreign-born, a share that is not foreign-born ÷ population', () => {
    expect(read(ok.replace(',60.0,10.0,', ',60.0,11.0,'))).toThrow('employment gap 11 ≠ native 70 − foreign-born 60');
    expect(read(ok.replace('100.0,20.0,20.0', '100.0,20.0,25.0'))).toThrow(
      'foreign-born share 25% ≠ 20 / 100 thousand',
    );
  });
  it('a missing column', () => {
    expect(() => readEuNuts2(header.replace(',net_migration_per_1000', '') + '\n', 'x.csv')).toThrow(
      'column "net_migration_per_1000" is missing',
    );
  });
});

describe('catalogue entries of the EU-only figures', () => {
  it('six new figures, each in both languages; survey figures are marked as estimates, net migration is not', () => {
    const existing = new Set(META.map((m) => m.id));
    const fresh = EU_MEASURES.filter((m) => !existing.has(m.id)).map((m) => m.id);
    expect(EU_META.map((m) => m.id)).toEqual(fresh);
    expect(fresh).toHaveLength(6);
    for (const m of EU_META)
      for (const t of [m.label, m.description, m.unit, m.source]) expect(t.it && t.en).toBeTruthy();
    expect(EU_META.find((m) => m.id === 'fb_share_15_64')!.estimated).toBe(true);
    expect(EU_META.find((m) => m.id === 'net_migration_per_1000')).toMatchObject({
      estimated: false,
      reference_date: '2024',
    });
  });
});
