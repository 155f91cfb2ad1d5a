/// <reference lib="webworker" />
/**
 * Spatial autocorrelation off the main thread: the worker fetches the level's boundaries itself, builds
 * the weights (cached per level and weights choice), and runs global Moran's I and LISA (seeded). For an
 * imported grouping it reads the comuni's boundaries and builds the groups' weights from them (groups.ts).
 */
import {
  analyseSpatial,
  buildWeights,
  featureCentroids,
  parseWeightsSpec,
  type SpatialOptions,
  type SpatialResult,
  type Weights,
} from '../analytics/spatial/index';
import { serve } from '../io/worker';
import type { FlatTopology } from '../core/geometry/topoBinary';
import { readTopology } from './topology';
import { groupWeights } from './groups';

export type SpatialRequest = {
  url: string;
  weights: string;
  values: [string, number | null][];
  options: SpatialOptions;
  /** an imported grouping: `url` is then the comuni's boundaries */
  groups?: { id: string; members: [string, string][]; codes: string[]; names: string[] };
};

export type SpatialDone = {
  codes: string[];
  names: string[];
  result: SpatialResult;
  ms: number;
  weightsMs: number;
};

const topologies = new Map<string, Promise<{ topo: FlatTopology; xy: Float64Array }>>();
const weightsCache = new Map<string, Weights>();

function topologyOf(url: string) {
  let p = topologies.get(url);
  if (!p) {
    p = (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: could not be downloaded (HTTP ${res.status})`);
      const topo = await readTopology(await res.arrayBuffer(), url.replace(/[?#].*$/, ''));
      return { topo, xy: featureCentroids(topo) };
    })();
    topologies.set(url, p);
    p.catch(() => topologies.delete(url));
  }
  return p;
}

function valuesFor(codes: readonly string[], pairs: [string, number | null][]): (number | null)[] {
  const m = new Map(pairs);
  return codes.map((c) => m.get(c) ?? null);
}

const groupCache = new Map<string, { weights: Weights; xy: Float64Array }>();

serve<SpatialRequest, SpatialDone>(async (req) => {
  const { topo, xy } = await topologyOf(req.url);
  const tw = performance.now();
  const spec = parseWeightsSpec(req.weights);
  if ('error' in spec) throw new Error(spec.error);
  const g = req.groups;
  let units: { codes: string[]; names: string[]; w: Weights; xy: Float64Array };
  if (g) {
    const key = `${g.id}|${g.members.length}|${g.codes.join(',')}|${req.weights}`;
    let gw = groupCache.get(key);
    if (!gw) groupCache.set(key, (gw = groupWeights(topo, xy, spec, new Map(g.members), g.codes)));
    units = { codes: g.codes, names: g.names, w: gw.weights, xy: gw.xy };
  } else {
    const key = `${req.url}|${req.weights}`;
    let w = weightsCache.get(key);
    if (!w) weightsCache.set(key, (w = buildWeights(topo, spec, xy)));
    units = { codes: topo.codes, names: topo.names, w, xy };
  }
  const t0 = performance.now();
  const result = analyseSpatial(valuesFor(units.codes, req.values), units.w, units.xy, req.options);
  return { codes: units.codes, names: units.names, result, ms: performance.now() - t0, weightsMs: t0 - tw };
});
