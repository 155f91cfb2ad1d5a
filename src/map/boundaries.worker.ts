/// <reference lib="webworker" />
/** Group boundaries: the comuni of each group merged (topojson-client merge: shared arcs dissolve), triangulated. */
import { merge } from 'topojson-client';
import type { GeometryCollection, Topology, Polygon, MultiPolygon } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { toBinary, transferables, type BinaryBoundaries } from '../core/geometry/binary';
import { serve, withTransfer } from '../io/worker';

export interface BoundariesRequest {
  bytes: ArrayBuffer;
  /** [comune code, group code] */
  members: [string, string][];
  names: [string, string][];
}

serve<BoundariesRequest, BinaryBoundaries>((req) => {
  const topo = JSON.parse(new TextDecoder().decode(req.bytes)) as Topology;
  const obj = topo.objects.territories as GeometryCollection<{ code: string; name: string }>;
  const groupOf = new Map(req.members);
  const parts = new Map<string, (Polygon | MultiPolygon)[]>();
  for (const g of obj.geometries) {
    const code = (g.properties as { code?: string } | undefined)?.code;
    const group = code !== undefined ? groupOf.get(code) : undefined;
    if (group === undefined || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    let list = parts.get(group);
    if (!list) parts.set(group, (list = []));
    list.push(g as Polygon | MultiPolygon);
  }
  const names = new Map(req.names);
  const features: Feature<Geometry, { code: string; name: string }>[] = [...parts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, geoms]) => ({
      type: 'Feature',
      properties: { code, name: names.get(code) ?? code },
      geometry: merge(topo, geoms) as Geometry,
    }));
  const b = toBinary(features);
  return withTransfer(b, transferables(b));
});
