/// <reference lib="webworker" />
/**
 * Spatial autocorrelation off the main thread: the worker fetches the level's boundaries itself, builds
 * the weights (cached per level and weights choice), and runs global Moran's I and LISA (seeded).
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

export type SpatialRequest = {
  url: string;
  weights: string;
  values: [string, number | null][];
  options: SpatialOptions;
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

serve<SpatialRequest, SpatialDone>(async (req) => {
  const { topo, xy } = await topologyOf(req.url);
  const tw = performance.now();
  const spec = parseWeightsSpec(req.weights);
  if ('error' in spec) throw new Error(spec.error);
  const key = `${req.url}|${req.weights}`;
  let w = weightsCache.get(key);
  if (!w) weightsCache.set(key, (w = buildWeights(topo, spec, xy)));
  const t0 = performance.now();
  const result = analyseSpatial(valuesFor(topo.codes, req.values), w, xy, req.options);
  return { codes: topo.codes, names: topo.names, result, ms: performance.now() - t0, weightsMs: t0 - tw };
});
