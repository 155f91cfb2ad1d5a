/** Boundaries per map level: TopoJSON files built by the data pipeline (public/geo/). */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Level } from '../state/url';

export interface GeoProps {
  code: string;
  name: string;
}
export type Boundaries = FeatureCollection<Geometry, GeoProps>;

export const GEO_FILES: Record<Level, string> = {
  region: 'geo/regions.topo.json',
  province: 'geo/provinces.topo.json',
  comune: 'geo/comuni.topo.json'
};

export function topoToFeatures(topo: Topology, file = 'TopoJSON'): Boundaries {
  const obj = topo.objects?.territories as GeometryCollection<GeoProps> | undefined;
  if (!obj) throw new Error(`${file}: no "territories" object`);
  return feature(topo, obj) as unknown as Boundaries;
}

export async function loadBoundaries(level: Level, base = ''): Promise<Boundaries> {
  const file = base + GEO_FILES[level];
  const res = await fetch(file);
  if (!res.ok) throw new Error(`${file}: could not be downloaded (HTTP ${res.status})`);
  return topoToFeatures((await res.json()) as Topology, file);
}

/** [minLon, minLat, maxLon, maxLat] of one feature (all rings). */
export function featureBounds(geom: Geometry): [number, number, number, number] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    } else if (Array.isArray(c)) for (const d of c) visit(d);
  };
  if ('coordinates' in geom) visit(geom.coordinates);
  else for (const g of geom.geometries) visit('coordinates' in g ? g.coordinates : []);
  return [x0, y0, x1, y1];
}
