// Local labour systems (data/build/sll.ts) on the real ISTAT files in data/raw, and on labelled synthetic rows.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { neighbors } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { RAW, RAW_FILES, OUT } from '../../data/build/paths.ts';
import { parseGiComuni, parseGiProvince } from '../../data/build/codes.ts';
import {
  readSllList,
  sllCrosswalk,
  sllTerritories,
  sllTopology,
  titleCase,
  nameKey,
  type AtlasComune,
} from '../../data/build/sll.ts';

const rd = (f: string) => fs.readFileSync(path.join(RAW, f), 'utf8');
const LIST = 'codes/sll_2021/sll2021_elenco_da_shapefile_istat.csv';
const COMP = 'codes/sll_2021/sll2021_composizione_comuni_situas_2026-06-28.csv';

describe('SLL 2021 on the real files', () => {
  const list = readSllList(rd(LIST), LIST);
  const comuni: AtlasComune[] = parseGiComuni(rd(RAW_FILES.comuni), parseGiProvince(rd(RAW_FILES.province)), 'gi');
  // neighbours from the comune polygons the pipeline built (TopoJSON arcs shared)
  const topo = JSON.parse(fs.readFileSync(OUT.comuni, 'utf8')) as Topology;
  const geoms = (topo.objects.territories as GeometryCollection<{ code: string }>).geometries;
  const nb = neighbors(geoms);
  const index = new Map(geoms.map((g, i) => [(g.properties as { code: string }).code, i]));
  const neighboursOf = (code: string) =>
    (nb[index.get(code) ?? -1] ?? []).map((j) => (geoms[j].properties as { code: string }).code);
  const x = sllCrosswalk(rd(COMP), COMP, comuni, neighboursOf, new Set(list.map((s) => s.code)));

  it('515 SLL; every one of the 7,896 comuni of the atlas is placed in one', () => {
    expect(list).toHaveLength(515);
    expect(comuni).toHaveLength(7896);
    expect(x.sllOf.size).toBe(7896);
    expect(new Set(x.sllOf.values()).size).toBe(515);
  });

  it('the pilot comuni: Roma 1207, Torino 0105, Trieste 0608, Crotone 1830, Siracusa 1965 (MANIFEST)', () => {
    expect(x.sllOf.get('058091')).toBe('1207');
    expect(x.sllOf.get('001272')).toBe('0105');
    expect(x.sllOf.get('032006')).toBe('0608');
    expect(x.sllOf.get('101010')).toBe('1830');
    expect(x.sllOf.get('089017')).toBe('1965');
    expect(x.mainComune.get('1207')).toBe('058091');
    expect(list.find((s) => s.code === '1830')!.name).toBe('Crotone');
  });

  it('the crosswalk: 377 Sardinian comuni by name, the Castegnero Nanto merger, Lirio by its neighbours', () => {
    expect(x.notes).toContain('377 Sardinian comuni matched by name to their 2026 codes');
    expect(x.notes.some((n) => /^Castegnero 024027 \+ Nanto 024071 → Castegnero Nanto 024129/.test(n))).toBe(true);
    expect(x.notes.some((n) => /^Lirio 018082 is not in the composition/.test(n))).toBe(true);
    expect(x.sllOf.get('024027')).toBe(x.sllOf.get('024071'));
    expect(x.sllOf.get('024027')).toBe('0510');
    expect(x.sllOf.get('018082')).toBe('0330');
    // Alghero (atlas 090003, SITUAS 112001) is the main comune of SLL 2001, written with the atlas's code
    expect(x.sllOf.get('090003')).toBe('2001');
    expect(x.mainComune.get('2001')).toBe('090003');
  });

  it('the SLL table of ISTAT: N_COM sums to 7,904 comuni of 2021; population 2021 of Roma SLL', () => {
    expect(list.reduce((s, l) => s + l.comuni2021, 0)).toBe(7904);
    expect(list.find((s) => s.code === '1207')!.population2021).toBeGreaterThan(3_000_000);
  });
});

describe('SLL rows of territories.parquet (SYNTHETIC fixture)', () => {
  it('population and area are the sums of the member comuni; a member without a population leaves it missing', () => {
    const list = [
      { code: '0001', name: 'Uno', region_code: '01', population2021: 0, comuni2021: 2, area_km2: 0 },
      { code: '0002', name: 'Due', region_code: '01', population2021: 0, comuni2021: 1, area_km2: 0 },
    ];
    const sllOf = new Map([
      ['c1', '0001'],
      ['c2', '0001'],
      ['c3', '0002'],
    ]);
    const rows = sllTerritories(
      list,
      sllOf,
      new Map([
        ['c1', 100],
        ['c2', 50],
      ]),
      new Map([
        ['c1', 1.25],
        ['c2', 2.5],
        ['c3', 4],
      ]),
      new Map([['0001', { lon: 7, lat: 45 }]]),
    );
    expect(rows[0]).toMatchObject({
      level: 'sll',
      code: '0001',
      population: 150,
      area_km2: 3.75,
      lon: 7,
      has_geometry: true,
    });
    expect(rows[1]).toMatchObject({ code: '0002', population: null, area_km2: 4, lon: null, has_geometry: false });
  });
});

describe('SLL crosswalk errors and names (SYNTHETIC fixtures)', () => {
  const head =
    'COD_SLL,COD_SLL_N,DEN_SLL,PRO_COM_T,PRO_COM,COMUNE,CC_SLL,COD_REG_SLL,DEN_REG_SLL,COD_REG_COM,COD_UTS_COM,DEN_UTS_COM,SLL_MET';
  const row = (sll: string, code: string, name: string, main = 0, reg = '01') =>
    `${sll},${Number(sll)},X,${code},${Number(code)},${name},${main},${reg},R,${reg},201,P,0`;
  const c = (code: string, name: string, reg = '01'): AtlasComune => ({
    code,
    name,
    province_code: code.slice(0, 3),
    region_code: reg,
  });
  const none = () => [];

  it('a comune that neither the composition nor its neighbours place is an error that names it', () => {
    const comp = [head, row('0101', '001001', 'Alfa', 1)].join('\n');
    expect(() =>
      sllCrosswalk(comp, 'comp.csv', [c('001001', 'Alfa'), c('001002', 'Beta')], none, new Set(['0101'])),
    ).toThrow('comp.csv: comune Beta 001002 has no SLL (not in the composition, and its neighbours lie in 0 SLL)');
  });
  it('a composition comune that matches nothing, an unknown SLL, a repeated comune', () => {
    const comp = [head, row('0101', '001001', 'Alfa', 1), row('0101', '001009', 'Zeta')].join('\n');
    expect(() => sllCrosswalk(comp, 'comp.csv', [c('001001', 'Alfa')], none, new Set(['0101']))).toThrow(
      '1 comuni of the composition match no atlas comune: Zeta 001009',
    );
    expect(() => sllCrosswalk(comp, 'comp.csv', [c('001001', 'Alfa')], none, new Set(['0102']))).toThrow(
      'SLL 0101 is not in the SLL list',
    );
    const twice = [head, row('0101', '001001', 'Alfa', 1), row('0101', '001001', 'Alfa')].join('\n');
    expect(() => sllCrosswalk(twice, 'comp.csv', [c('001001', 'Alfa')], none, new Set(['0101']))).toThrow(
      'row 3: comune 001001 appears twice',
    );
  });
  it('an absorbed comune takes its neighbours’ SLL only when they agree', () => {
    const comp = [head, row('0101', '001001', 'Alfa', 1), row('0102', '001003', 'Gamma', 1)].join('\n');
    const comuni = [c('001001', 'Alfa'), c('001002', 'Beta'), c('001003', 'Gamma')];
    const one = sllCrosswalk(
      comp,
      'comp.csv',
      comuni,
      (k) => (k === '001002' ? ['001001'] : []),
      new Set(['0101', '0102']),
    );
    expect(one.sllOf.get('001002')).toBe('0101');
    expect(() =>
      sllCrosswalk(
        comp,
        'comp.csv',
        comuni,
        (k) => (k === '001002' ? ['001001', '001003'] : []),
        new Set(['0101', '0102']),
      ),
    ).toThrow('its neighbours lie in 2 SLL');
  });
  it('names: ISTAT capitals in title case; keys ignore accents, quotes and apostrophes', () => {
    expect(titleCase('REGGIO DI CALABRIA')).toBe('Reggio di Calabria');
    expect(titleCase("SANT'ANTIOCO")).toBe("Sant'Antioco");
    expect(nameKey('"Alà dei Sardi"')).toBe(nameKey('Ala dei Sardi'));
  });
});

describe('SLL polygons', () => {
  it('515 polygons dissolved from the comuni, named, with a point inside each (Crotone SLL in Calabria)', async () => {
    const list = readSllList(rd(LIST), LIST);
    const comuni = parseGiComuni(rd(RAW_FILES.comuni), parseGiProvince(rd(RAW_FILES.province)), 'gi');
    const topoText = fs.readFileSync(OUT.comuni, 'utf8');
    const geoms = (JSON.parse(topoText).objects.territories as GeometryCollection<{ code: string }>).geometries;
    const nb = neighbors(geoms);
    const index = new Map(geoms.map((g, i) => [(g.properties as { code: string }).code, i]));
    const x = sllCrosswalk(
      rd(COMP),
      COMP,
      comuni,
      (code) => (nb[index.get(code) ?? -1] ?? []).map((j) => (geoms[j].properties as { code: string }).code),
      new Set(list.map((s) => s.code)),
    );
    const { topo, inner } = await sllTopology(topoText, x.sllOf, Object.fromEntries(list.map((s) => [s.code, s.name])));
    const out = JSON.parse(topo).objects.territories.geometries;
    expect(out).toHaveLength(515);
    expect(out.find((g: { properties: { code: string } }) => g.properties.code === '1830').properties.name).toBe(
      'Crotone',
    );
    const p = inner.get('1830')!;
    expect(p.lat).toBeGreaterThan(38.8);
    expect(p.lat).toBeLessThan(39.5);
  }, 60_000);
});
