/**
 * Boundaries: openpolis June-2023 comune polygons → current ISTAT codes (2024 mergers dissolved),
 * simplified + quantised TopoJSON for comuni, and provinces/regions dissolved from the comuni so borders coincide.
 * Also computes a point inside every polygon (mapshaper -points inner).
 */
import fs from 'node:fs';
import path from 'node:path';
// @ts-expect-error mapshaper ships no types
import mapshaper from 'mapshaper';
import type { Codes } from './codes.ts';
import { DataError } from './csv.ts';

export const SIMPLIFY_COMUNI = '20%';
export const SIMPLIFY_COARSE = '35%'; // applied again on the simplified comuni arcs for provinces/regions

export interface GeoOutputs {
  comuni: string;
  provinces: string;
  regions: string;
  inner: Map<string, { lon: number; lat: number }>; // key `${level}:${code}`
  comuniWithGeometry: Set<string>;
  unmatchedPolygonCodes: string[];
}

/** Merge the per-province GeoJSON files into one FeatureCollection with current codes. Pure given inputs. */
export function relabelFeatures(
  collections: { features: { properties: Record<string, unknown>; geometry: unknown }[] }[],
  crosswalk: Map<string, string>,
  codes: Codes,
): { fc: object; unmatched: string[] } {
  const features: object[] = [];
  const unmatched: string[] = [];
  for (const col of collections) {
    for (const f of col.features) {
      const old = String(f.properties.com_istat_code);
      const code = crosswalk.get(old) ?? old;
      const c = codes.comuneByCode.get(code);
      if (!c) {
        unmatched.push(old);
        continue;
      }
      features.push({
        type: 'Feature',
        properties: { code, prov: c.province_code, reg: c.region_code },
        geometry: f.geometry,
      });
    }
  }
  return { fc: { type: 'FeatureCollection', features }, unmatched: unmatched.sort() };
}

function names(codes: Codes) {
  const out: Record<string, Record<string, string>> = { comune: {}, province: {}, region: {} };
  for (const c of codes.comuni) out.comune[c.code] = c.name;
  for (const p of codes.provinces) out.province[p.code] = p.name;
  for (const r of codes.regions) out.region[r.code] = r.name;
  return out;
}

export async function apply(cmd: string, input: Record<string, unknown>): Promise<Record<string, string>> {
  const out = await mapshaper.applyCommands(cmd, input);
  const res: Record<string, string> = {};
  for (const [k, v] of Object.entries(out))
    res[k] = typeof v === 'string' ? v : Buffer.from(v as Uint8Array).toString('utf8');
  return res;
}

/** Set properties to exactly {code, name} and name the object `territories`; sort features by code. */
export function finaliseTopo(topoText: string, nameOf: Record<string, string>): string {
  const topo = JSON.parse(topoText);
  const keys = Object.keys(topo.objects);
  if (keys.length !== 1) throw new DataError(`Expected one TopoJSON object, got ${keys.join(',')}`);
  const obj = topo.objects[keys[0]];
  for (const g of obj.geometries) {
    const code = String(g.properties.code);
    g.properties = { code, name: nameOf[code] };
  }
  obj.geometries.sort((a: { properties: { code: string } }, b: { properties: { code: string } }) =>
    a.properties.code < b.properties.code ? -1 : 1,
  );
  topo.objects = { territories: obj };
  return JSON.stringify(topo);
}

function readPoints(geojsonText: string, level: string, into: Map<string, { lon: number; lat: number }>) {
  const fc = JSON.parse(geojsonText);
  for (const f of fc.features) {
    const [lon, lat] = f.geometry.coordinates;
    into.set(`${level}:${f.properties.code}`, { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
  }
}

export async function buildBoundaries(dir: string, crosswalk: Map<string, string>, codes: Codes): Promise<GeoOutputs> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort();
  if (files.length !== 107) throw new DataError(`Expected 107 province GeoJSON files in ${dir}, found ${files.length}`);
  const collections = files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const { fc, unmatched } = relabelFeatures(collections, crosswalk, codes);
  const nm = names(codes);

  // Comuni: dissolve the 2024 mergers, simplify, points inside, TopoJSON.
  const out1 = await apply(
    '-i comuni.json -dissolve code copy-fields=prov,reg -simplify ' +
      SIMPLIFY_COMUNI +
      ' keep-shapes -clean -o comuni.topo.json format=topojson quantization=100000 ' +
      '-points inner -o comuni_points.json format=geojson precision=0.000001',
    { 'comuni.json': fc },
  );
  const inner = new Map<string, { lon: number; lat: number }>();
  readPoints(out1['comuni_points.json'], 'comune', inner);
  const comuniTopo = finaliseTopo(out1['comuni.topo.json'], nm.comune);
  const comuniWithGeometry = new Set<string>(
    JSON.parse(comuniTopo).objects.territories.geometries.map(
      (g: { properties: { code: string } }) => g.properties.code,
    ),
  );

  // Provinces and regions: dissolve the (simplified) comuni so that borders coincide; simplify further.
  const coarse: Record<string, string> = {};
  for (const [level, field] of [
    ['province', 'prov'],
    ['region', 'reg'],
  ] as const) {
    const o = await apply(
      `-i comuni.topo.json -dissolve ${field} -rename-fields code=${field} -simplify ${SIMPLIFY_COARSE} keep-shapes ` +
        `-o out.topo.json format=topojson quantization=100000 -points inner -o pts.json format=geojson precision=0.000001`,
      { 'comuni.topo.json': out1['comuni.topo.json'] },
    );
    readPoints(o['pts.json'], level, inner);
    coarse[level] = finaliseTopo(o['out.topo.json'], nm[level]);
  }
  return {
    comuni: comuniTopo,
    provinces: coarse.province,
    regions: coarse.region,
    inner,
    comuniWithGeometry,
    unmatchedPolygonCodes: unmatched,
  };
}
