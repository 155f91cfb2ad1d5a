/**
 * The network tool's data (src/network/rows.ts) on SYNTHETIC fixtures: made-up comuni and services, never
 * real ones. Distances along a meridian: 1° of latitude = 111.19508 km.
 */
import { describe, expect, it } from 'vitest';
import type { Territory } from '../../src/analytics/catalogue';
import type { LayerInfo } from '../../src/coverage/services';
import type { Grouping, ServiceRecord } from '../../src/core/userData';
import { NETWORK_CSV_HEADER, chosenTerritory, filterSort, networkBlocks, networkCsv } from '../../src/network/rows';
import { networkMap } from '../../src/network/map';

const T = (
  level: Territory['level'],
  code: string,
  name: string,
  province: string | null,
  region: string | null,
  lat: number | null = null,
): Territory => ({
  level,
  code,
  name,
  province_code: province,
  region_code: region,
  population: 1,
  area_km2: 1,
  lon: lat === null ? null : 16,
  lat,
  has_geometry: true,
});
const TERR = [
  T('region', '90', 'Regione X', null, '90'),
  T('region', '91', 'Regione Y', null, '91'),
  T('province', '900', 'Provincia P', '900', '90'),
  T('province', '901', 'Provincia Q', '901', '90'),
  T('comune', '900001', 'Alfa', '900', '90', 39),
  T('comune', '900002', 'Beta', '900', '90', 39.1),
  T('comune', '901001', 'Gamma', '901', '90', 39.15),
  T('comune', '910001', 'Delta', null, '91', 45),
];
const S = (
  layer: string,
  id: string,
  name: string,
  comune: string | null,
  lat: number,
  extra: Partial<ServiceRecord> = {},
): ServiceRecord => ({
  layer,
  id,
  name,
  address: null,
  type: null,
  capacity: null,
  lon: 16,
  lat,
  comune_code: comune,
  precision: 'comune',
  ...extra,
});
const layer = (id: string, points: ServiceRecord[], regions: string[] | null, imported = false): LayerInfo => ({
  layer: {
    id,
    label: { it: `L-${id}`, en: `L-${id}` },
    source: `src ${id}`,
    reference_date: '2025-09-01',
    regions_with_data: regions,
    capacity_label: null,
    points,
    imported,
  },
  source: { it: `fonte ${id}`, en: `source ${id}` },
  description: null,
  notes: [],
  licence: null,
});

describe('chosenTerritory', () => {
  it('a province = its comuni and their inner points; a region; a comune; a group of a grouping', () => {
    const p = chosenTerritory({ kind: 'territory', level: 'province', code: '900' }, TERR, []);
    expect([...(p?.comuni ?? [])]).toEqual(['900001', '900002']);
    expect(p?.refs.map((r) => r.code)).toEqual(['900001', '900002']);
    expect([...(p?.regions ?? [])]).toEqual(['90']);
    expect([...(chosenTerritory({ kind: 'territory', level: 'region', code: '90' }, TERR, [])?.comuni ?? [])]).toEqual([
      '900001',
      '900002',
      '901001',
    ]);
    expect(chosenTerritory({ kind: 'territory', level: 'comune', code: '901001' }, TERR, [])?.name).toBe('Gamma');
    const g: Grouping = {
      id: 'ats',
      label: { it: 'ATS', en: 'ATS' },
      source: 'x.csv',
      members: new Map([
        ['900002', 'A1'],
        ['901001', 'A1'],
        ['900001', 'A2'],
      ]),
      names: new Map([['A1', 'Ambito 1']]),
    };
    const a = chosenTerritory({ kind: 'group', grouping: 'ats', code: 'A1' }, TERR, [g]);
    expect(a?.name).toBe('Ambito 1');
    expect([...(a?.comuni ?? [])]).toEqual(['900002', '901001']);
  });
  it('unknown codes or groupings give null (the page says so, never an empty list)', () => {
    expect(chosenTerritory({ kind: 'territory', level: 'province', code: '999' }, TERR, [])).toBeNull();
    expect(chosenTerritory({ kind: 'group', grouping: 'nope', code: 'A1' }, TERR, [])).toBeNull();
  });
});

describe('networkBlocks + CSV', () => {
  const prov = chosenTerritory({ kind: 'territory', level: 'province', code: '900' }, TERR, [])!;
  const schools = layer(
    'schools',
    [
      S('schools', 's1', 'Scuola Uno', '900001', 39, { email: 'S1@istruzione.it', website: 'www.s1.edu.it' }),
      S('schools', 's2', '=HYPERLINK("http://x")', '901001', 39.15, { phone: '+39 0962 000' }), // 0.05° from Beta = 5.56 km
      S('schools', 's3', 'Lontana', '910001', 45),
    ],
    null,
  );
  const cons = layer('consultori', [S('consultori', 'c1', 'C', '910001', 45)], ['91']);
  const blocks = networkBlocks([schools, cons], prov, 10);

  it('a layer whose source does not cover the region says "no data", not "no service"', () => {
    expect(blocks.map((b) => [b.info.layer.id, b.hasData, b.entries.map((e) => e.point.id)])).toEqual([
      ['schools', true, ['s1', 's2']],
      ['consultori', false, []],
    ]);
    expect(blocks[0].entries[1].km).toBeCloseTo(0.05 * 111.19508, 3);
  });

  it('CSV: one row per service, formulas neutralised, missing empty, distance rounded to 0.01 km', () => {
    const csv = networkCsv(prov.name, blocks, 'it', (c) => TERR.find((x) => x.code === c)?.name ?? c ?? '');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(NETWORK_CSV_HEADER.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'Provincia P,schools,L-schools,s1,Scuola Uno,,,900001,Alfa,true,0,comune,,S1@istruzione.it,www.s1.edu.it,,,16,39,fonte schools,2025-09-01',
    );
    // the name starts with "=": a leading apostrophe, quotes doubled; the phone starts with "+": neutralised too
    expect(lines[2]).toBe(
      `Provincia P,schools,L-schools,s2,"'=HYPERLINK(""http://x"")",,,901001,Gamma,false,5.56,comune,'+39 0962 000,,,,,16,39.15,fonte schools,2025-09-01`,
    );
  });

  it('filter by comune name, sort by name descending', () => {
    const name = (c: string | null) => TERR.find((x) => x.code === c)?.name ?? '';
    expect(filterSort(blocks[0].entries, 'gamma', 'km', true, name).map((e) => e.point.id)).toEqual(['s2']);
    expect(filterSort(blocks[0].entries, '', 'name', false, name).map((e) => e.point.id)).toEqual(['s1', 's2']);
    expect(filterSort(blocks[0].entries, '', 'name', true, name).map((e) => e.point.id)).toEqual(['s2', 's1']);
  });

  it('the map escapes names (SVG text, never markup)', () => {
    const svg = networkMap(
      [
        [
          [15.9, 38.9],
          [16.1, 38.9],
          [16.1, 39.2],
          [15.9, 38.9],
        ],
      ],
      [{ lon: 16, lat: 39, inside: true, layer: 0, label: '<script>x</script>' }],
      { title: 'A & B', id: 't' },
    );
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).toContain('A &amp; B');
    expect(svg).not.toContain('<script>');
  });
});
