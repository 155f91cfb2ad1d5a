/** Boundaries per map level: TopoJSON files built by the data pipeline (public/geo/). */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoLevel as Level } from './files';
import type { BinaryBoundaries } from '../core/geometry/binary';
import { decodeTopology, triangulate, type TopologyLike } from '../core/geometry/topoBinary';
import { GEO_FILES, GEO_PACKED } from './files';
import { geometryJob, takeGeometry } from './geometryJob';
import { earlyFetch } from '../io/early';

export interface GeoProps {
  code: string;
  name: string;
}
export type Boundaries = FeatureCollection<Geometry, GeoProps>;

export { GEO_FILES };

export function topoToFeatures(topo: Topology, file = 'TopoJSON'): Boundaries {
  const obj = topo.objects?.territories as GeometryCollection<GeoProps> | undefined;
  if (!obj) throw new Error(`${file}: no "territories" object`);
  return feature(topo, obj) as unknown as Boundaries;
}

/**
 * Boundaries decoded on the main thread in two steps: the rings at once (enough for the 2D first
 * picture), then, when `later` resolves (MapLibre is starting), the GeoJSON for MapLibre's own layers
 * and the triangles for the map's WebGL layer.
 */
export async function loadBoundaries(
  level: Level,
  base = '',
  onRings?: (b: BinaryBoundaries) => void,
  later: Promise<void> = Promise.resolve(),
): Promise<{ geojson: Boundaries; binary: BinaryBoundaries }> {
  const file = base + GEO_FILES[level];
  const res = await earlyFetch(file);
  if (!res.ok) throw new Error(`${file}: could not be downloaded (HTTP ${res.status})`);
  const topo = (await res.json()) as Topology;
  const rings = decodeTopology(topo as unknown as TopologyLike, 'territories', file);
  onRings?.(rings);
  await later;
  const geojson = topoToFeatures(topo, file);
  return { geojson, binary: { ...rings, indices: triangulate(rings) } };
}

/**
 * The binary form only: decoded and triangulated in a worker (perhaps started by the boot script).
 * `onRings` receives the rings as soon as they are decoded (no triangles yet: `indices` is empty), and
 * `onPaths` the SVG path of each feature in the reference projection (prepaint.ts, for the first picture).
 */
export function loadBinaryInWorker(
  level: Level,
  base = '',
  onRings?: (b: BinaryBoundaries) => void,
  onPaths?: (paths: string[]) => void,
): Promise<BinaryBoundaries> {
  const url = base + (GEO_PACKED[level] ?? GEO_FILES[level]);
  const job = takeGeometry(level, url) ?? geometryJob(level, url);
  return new Promise((resolve, reject) => {
    let rings: BinaryBoundaries | null = null;
    job.listen((m) => {
      if (m.ok && m.phase === 'rings' && m.binary) {
        rings = m.binary;
        onRings?.(rings);
        return;
      }
      if (m.ok && m.phase === 'paths' && m.paths) {
        onPaths?.(m.paths);
        return;
      }
      job.close();
      if (m.ok && m.phase === 'triangles' && m.indices && rings) resolve({ ...rings, indices: m.indices });
      else reject(new Error(m.error ?? `${url}: could not be read`));
    });
  });
}
