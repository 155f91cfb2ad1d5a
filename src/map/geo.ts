/** Boundaries per map level: TopoJSON files built by the data pipeline (public/geo/). */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Level } from '../state/url';
import { toBinary, type BinaryBoundaries } from './binary';
import GeometryWorker from './geometry.worker.ts?worker';
import { earlyFetch } from '../boot/early';

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

/** GeoJSON (for MapLibre's own layers) and the binary form (for deck.gl), decoded on the main thread. */
export async function loadBoundaries(level: Level, base = ''): Promise<{ geojson: Boundaries; binary: BinaryBoundaries }> {
  const file = base + GEO_FILES[level];
  const res = await earlyFetch(file);
  if (!res.ok) throw new Error(`${file}: could not be downloaded (HTTP ${res.status})`);
  const geojson = topoToFeatures((await res.json()) as Topology, file);
  return { geojson, binary: toBinary(geojson.features) };
}

/** The binary form only: fetched here (perhaps already under way), decoded and triangulated in a worker. */
export async function loadBinaryInWorker(level: Level, base = ''): Promise<BinaryBoundaries> {
  const url = base + GEO_FILES[level];
  const res = await earlyFetch(url);
  if (!res.ok) throw new Error(`${url}: could not be downloaded (HTTP ${res.status})`);
  const bytes = await res.arrayBuffer();
  return new Promise((resolve, reject) => {
    const w = new GeometryWorker();
    w.onmessage = (e: MessageEvent<{ ok: boolean; binary?: BinaryBoundaries; error?: string }>) => {
      w.terminate();
      if (e.data.ok && e.data.binary) resolve(e.data.binary);
      else reject(new Error(e.data.error ?? `${url}: could not be read`));
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(`${url}: ${e.message}`));
    };
    w.postMessage({ url, bytes }, [bytes]);
  });
}
