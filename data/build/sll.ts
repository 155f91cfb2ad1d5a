/**
 * Local labour systems (Sistemi Locali del Lavoro, SLL 2021, ISTAT): which SLL each comune of the atlas belongs to,
 * and the list of the 515 SLL.
 *
 * The composition (SITUAS, comuni of 28 Jun 2026) does not use the atlas's comune codes everywhere; every difference
 * goes through one checked crosswalk, and no comune is dropped silently:
 *  1. the same code → that SLL;
 *  2. Sardinia (region 20) was recoded in 2026 (provinces 111–119): an atlas comune without its code matches the
 *     one comune of the same name in the region (each of the 377 matches 1:1);
 *  3. a 2026 merger (Castegnero + Nanto → Castegnero Nanto 024129): atlas comuni whose names, joined, are the new
 *     comune's name in the same province → the new comune's SLL;
 *  4. a comune absorbed in 2026 by another (Lirio 018082): the SLL of its neighbouring comuni when they all agree.
 * Anything else is a DataError naming the comune. The crosswalk's notes go to the build report.
 */
import { neighbors } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { apply, finaliseTopo } from './boundaries.ts';
import { parseCsvRecords, requireNum, DataError } from './csv.ts';

export interface Sll {
  code: string;
  name: string;
  region_code: string;
  /** resident population 2021 (ISTAT, the SLL's own table) */
  population2021: number;
  /** number of comuni at 31 Dec 2021 */
  comuni2021: number;
  area_km2: number;
}

export interface AtlasComune {
  code: string;
  name: string;
  province_code: string;
  region_code: string;
}

export interface SllCrosswalk {
  /** atlas comune code → SLL code, for every comune of the atlas */
  sllOf: Map<string, string>;
  /** the SLL's main comune (CC_SLL = 1), as an atlas code */
  mainComune: Map<string, string>;
  /** how comuni without their own code in the composition were placed */
  notes: string[];
}

/** The 515 SLL (ISTAT's shapefile table). */
export function readSllList(text: string, file: string): Sll[] {
  const { records } = parseCsvRecords(text, ',');
  const seen = new Set<string>();
  return records.map((r, i) => {
    const ctx = (column: string) => ({ file, row: i + 2, column });
    if (!/^\d{4}$/.test(r.COD_SLL)) throw new DataError(`${file}, row ${i + 2}: "${r.COD_SLL}" is not an SLL code`);
    if (seen.has(r.COD_SLL)) throw new DataError(`${file}, row ${i + 2}: SLL ${r.COD_SLL} appears twice`);
    seen.add(r.COD_SLL);
    return {
      code: r.COD_SLL,
      name: titleCase(r.SLL_2021),
      region_code: r.CREG_SLL,
      population2021: requireNum(r.POP_2021, ctx('POP_2021')),
      comuni2021: requireNum(r.N_COM, ctx('N_COM')),
      area_km2: requireNum(r.SUP_Kmq, ctx('SUP_Kmq')),
    };
  });
}

/** "REGGIO DI CALABRIA" → "Reggio di Calabria"; ISTAT writes SLL names in capitals. */
export function titleCase(s: string): string {
  const small = new Set(['di', 'del', 'della', 'dei', 'delle', 'e', 'in', 'sul', 'sulla', 'al', 'a', 'de', 'da']);
  return s
    .toLowerCase()
    .split(/(\s+|-|'|\/)/)
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

/** Name key for matching: lower case, no accents, no quotes, apostrophes, hyphens or spaces. */
export function nameKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/["'’`\s-]/g, '');
}

/** The comuni that share a border with a comune (shared arcs of the comuni TopoJSON, topojson-client `neighbors`). */
export function topoNeighbours(comuniTopo: string): (code: string) => readonly string[] {
  const topo = JSON.parse(comuniTopo) as Topology;
  const geoms = (topo.objects.territories as GeometryCollection<{ code: string }>).geometries;
  const nb = neighbors(geoms);
  const codeAt = (i: number) => String((geoms[i].properties as { code: string }).code);
  const index = new Map(geoms.map((_, i) => [codeAt(i), i]));
  return (code) => (nb[index.get(code) ?? -1] ?? []).map(codeAt);
}

/** Place every atlas comune in its SLL (see the file comment for the four rules). */
export function sllCrosswalk(
  compositionText: string,
  file: string,
  comuni: readonly AtlasComune[],
  neighboursOf: (code: string) => readonly string[],
  sllCodes: ReadonlySet<string>,
): SllCrosswalk {
  const { records } = parseCsvRecords(compositionText, ',');
  const comp = new Map<string, { sll: string; name: string; region: string; main: boolean }>();
  records.forEach((r, i) => {
    if (comp.has(r.PRO_COM_T)) throw new DataError(`${file}, row ${i + 2}: comune ${r.PRO_COM_T} appears twice`);
    if (!sllCodes.has(r.COD_SLL)) throw new DataError(`${file}, row ${i + 2}: SLL ${r.COD_SLL} is not in the SLL list`);
    comp.set(r.PRO_COM_T, { sll: r.COD_SLL, name: r.COMUNE, region: r.COD_REG_COM, main: r.CC_SLL === '1' });
  });
  const sllOf = new Map<string, string>();
  const used = new Set<string>();
  const notes: string[] = [];
  const atlasFor = new Map<string, string[]>();
  const place = (atlas: string, compCode: string) => {
    sllOf.set(atlas, comp.get(compCode)!.sll);
    used.add(compCode);
    atlasFor.set(compCode, [...(atlasFor.get(compCode) ?? []), atlas]);
  };
  for (const c of comuni) if (comp.has(c.code)) place(c.code, c.code);

  // 2. Sardinia's 2026 recoding: one comune of the same name in the region
  const unused = () => [...comp.entries()].filter(([code]) => !used.has(code));
  const sardinian = new Map<string, string[]>();
  for (const [code, e] of unused())
    if (e.region === '20') sardinian.set(nameKey(e.name), [...(sardinian.get(nameKey(e.name)) ?? []), code]);
  let recoded = 0;
  for (const c of comuni) {
    if (sllOf.has(c.code) || c.region_code !== '20') continue;
    const hits = sardinian.get(nameKey(c.name)) ?? [];
    if (hits.length !== 1) continue;
    place(c.code, hits[0]);
    recoded++;
  }
  if (recoded) notes.push(`${recoded} Sardinian comuni matched by name to their 2026 codes`);

  // 3. 2026 mergers: atlas comuni of one province whose names, joined, are a new comune's name
  for (const [code, e] of unused()) {
    const parts = comuni.filter(
      (c) => !sllOf.has(c.code) && c.province_code === code.slice(0, 3) && nameKey(e.name).includes(nameKey(c.name)),
    );
    if (parts.length < 2 || nameKey(parts.map((p) => p.name).join('')) !== nameKey(e.name)) continue;
    for (const p of parts) place(p.code, code);
    notes.push(
      `${parts.map((p) => `${p.name} ${p.code}`).join(' + ')} → ${e.name} ${code} (2026 merger), SLL ${e.sll}`,
    );
  }

  // 4. a comune absorbed by another: its neighbours' SLL when they agree
  for (const c of comuni) {
    if (sllOf.has(c.code)) continue;
    const around = new Set(neighboursOf(c.code).flatMap((n) => (sllOf.has(n) ? [sllOf.get(n)!] : [])));
    if (around.size !== 1)
      throw new DataError(
        `${file}: comune ${c.name} ${c.code} has no SLL (not in the composition, and its neighbours lie in ${around.size} SLL)`,
      );
    const sll = [...around][0];
    sllOf.set(c.code, sll);
    notes.push(
      `${c.name} ${c.code} is not in the composition (absorbed in 2026): placed in SLL ${sll}, where all its neighbours are`,
    );
  }
  const left = unused();
  if (left.length)
    throw new DataError(
      `${file}: ${left.length} comuni of the composition match no atlas comune: ` +
        left
          .slice(0, 10)
          .map(([k, e]) => `${e.name} ${k}`)
          .join(', '),
    );

  // the main comune of a merged SLL centre would be the merger's first part; none of the 515 is one today
  const mainComune = new Map<string, string>();
  for (const [code, e] of comp) if (e.main) mainComune.set(e.sll, atlasFor.get(code)![0]);
  const placed = new Set(sllOf.values());
  for (const s of sllCodes) if (!placed.has(s)) throw new DataError(`${file}: SLL ${s} has no comune`);
  return { sllOf, mainComune, notes };
}

/**
 * The SLL's polygons: the atlas's simplified comuni dissolved by SLL, so that SLL borders coincide with comune,
 * province and region borders; a point inside each. TopoJSON object `territories`, properties {code, name}.
 */
export async function sllTopology(
  comuniTopo: string,
  sllOf: ReadonlyMap<string, string>,
  names: Record<string, string>,
): Promise<{ topo: string; inner: Map<string, { lon: number; lat: number }> }> {
  const csv = ['code,sll', ...[...sllOf].map(([c, s]) => `${c},${s}`)].join('\n');
  const out = await apply(
    '-i comuni.topo.json -join sll.csv keys=code,code field-types=code:str,sll:str -dissolve sll ' +
      '-rename-fields code=sll -o out.topo.json format=topojson quantization=100000 ' +
      '-points inner -o pts.json format=geojson precision=0.000001',
    { 'comuni.topo.json': comuniTopo, 'sll.csv': csv },
  );
  const inner = new Map<string, { lon: number; lat: number }>();
  for (const f of JSON.parse(out['pts.json']).features) {
    const [lon, lat] = f.geometry.coordinates;
    inner.set(String(f.properties.code), { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
  }
  return { topo: finaliseTopo(out['out.topo.json'], names), inner };
}

/** A territories.parquet row of an SLL (level 'sll'; region: ISTAT's region of the SLL; no province). */
export interface SllTerritory {
  level: 'sll';
  code: string;
  name: string;
  province_code: null;
  region_code: string;
  population: number | null;
  area_km2: number | null;
  lon: number | null;
  lat: number | null;
  has_geometry: boolean;
  capital: false;
  sll_code: null;
}

/**
 * The SLL rows of territories.parquet: population and area are the sums of the member comuni's (the same
 * sources and dates as the other levels: ANPR January 2026, ISTAT areas), not ISTAT's 2021 SLL table.
 */
export function sllTerritories(
  list: readonly Sll[],
  sllOf: ReadonlyMap<string, string>,
  population: ReadonlyMap<string, number>,
  area: ReadonlyMap<string, number>,
  inner: ReadonlyMap<string, { lon: number; lat: number }>,
): SllTerritory[] {
  const sum = (m: ReadonlyMap<string, number>) => {
    const out = new Map<string, number | null>();
    for (const [c, s] of sllOf) {
      const v = m.get(c);
      const prev = out.has(s) ? out.get(s)! : 0;
      out.set(s, prev === null || v === undefined ? null : prev + v);
    }
    return out;
  };
  const pop = sum(population);
  const km2 = sum(area);
  return list.map((s) => ({
    level: 'sll',
    code: s.code,
    name: s.name,
    province_code: null,
    region_code: s.region_code,
    population: pop.get(s.code) ?? null,
    area_km2: km2.get(s.code) == null ? null : Math.round(km2.get(s.code)! * 1e4) / 1e4,
    lon: inner.get(s.code)?.lon ?? null,
    lat: inner.get(s.code)?.lat ?? null,
    has_geometry: inner.has(s.code),
    capital: false,
    sll_code: null,
  }));
}
