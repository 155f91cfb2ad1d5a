/// <reference lib="webworker" />
/**
 * Spatial autocorrelation off the main thread: the worker fetches the level's boundaries itself, builds
 * the weights (cached per level and weights choice), and runs global Moran's I and LISA (seeded), and
 * the benchmark: LISA with shared conditional-permutation draws against the naive per-unit version.
 */
import {
  analyseSpatial,
  buildWeights,
  featureCentroids,
  localMoran,
  localMoranNaive,
  parseWeightsSpec,
  rowStandardise,
  subsetWeights,
  islands,
  type SpatialOptions,
  type SpatialResult,
  type Weights,
} from '../analytics/spatial/index';
import type { FlatTopology } from '../core/geometry/topoBinary';
import { readTopology } from './topology';

export type SpatialRequest =
  | {
      id: number;
      type: 'run';
      url: string;
      weights: string;
      values: [string, number | null][];
      options: SpatialOptions;
    }
  | {
      id: number;
      type: 'bench';
      url: string;
      values: [string, number | null][];
      permutations: number;
      seed: number;
      runs: number;
    };

export type SpatialMessage =
  | {
      id: number;
      type: 'result';
      codes: string[];
      names: string[];
      result: SpatialResult;
      ms: number;
      weightsMs: number;
    }
  | {
      id: number;
      type: 'bench';
      n: number;
      isolated: number;
      fast: number[];
      naive: number[];
      full: number[];
      maxDiff: number;
      meanDiff: number;
    }
  | { id: number; type: 'error'; message: string };

const post = (m: SpatialMessage) => (self as unknown as Worker).postMessage(m);

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

self.onmessage = async (e: MessageEvent<SpatialRequest>) => {
  const req = e.data;
  try {
    const { topo, xy } = await topologyOf(req.url);
    if (req.type === 'run') {
      const tw = performance.now();
      const spec = parseWeightsSpec(req.weights);
      if ('error' in spec) throw new Error(spec.error);
      const key = `${req.url}|${req.weights}`;
      let w = weightsCache.get(key);
      if (!w) weightsCache.set(key, (w = buildWeights(topo, spec, xy)));
      const t0 = performance.now();
      const result = analyseSpatial(valuesFor(topo.codes, req.values), w, xy, req.options);
      post({
        id: req.id,
        type: 'result',
        codes: topo.codes,
        names: topo.names,
        result,
        ms: performance.now() - t0,
        weightsMs: t0 - tw,
      });
    } else {
      const spec = { kind: 'queen' } as const;
      const w0 = buildWeights(topo, spec, xy);
      const vals = valuesFor(topo.codes, req.values);
      const { weights: wv, index } = subsetWeights(
        w0,
        vals.map((v) => v !== null),
      );
      const isl = new Set(islands(wv));
      const { weights: wk, index: idx2 } = subsetWeights(
        wv,
        index.map((_, q) => !isl.has(q)),
      );
      const wr = rowStandardise(wk);
      const y = Float64Array.from(idx2, (q) => vals[index[q]] as number);
      const fast: number[] = [];
      const naive: number[] = [];
      const full: number[] = [];
      let pf: Float64Array | null = null;
      let pn: Float64Array | null = null;
      for (let r = 0; r < req.runs; r++) {
        let t = performance.now();
        pf = localMoran(y, wr, { permutations: req.permutations, seed: req.seed }).p;
        fast.push(performance.now() - t);
        t = performance.now();
        pn = localMoranNaive(y, wr, { permutations: req.permutations, seed: req.seed + 1 });
        naive.push(performance.now() - t);
        // what the user waits for: the whole analysis (global Moran's I and LISA, 999 permutations each)
        t = performance.now();
        analyseSpatial(vals, w0, xy, { permutations: req.permutations, seed: req.seed });
        full.push(performance.now() - t);
      }
      let maxDiff = 0;
      let sum = 0;
      for (let i = 0; i < y.length; i++) {
        const d = Math.abs(pf![i] - pn![i]);
        maxDiff = Math.max(maxDiff, d);
        sum += d;
      }
      post({
        id: req.id,
        type: 'bench',
        n: y.length,
        isolated: isl.size,
        fast,
        naive,
        full,
        maxDiff,
        meanDiff: sum / y.length,
      });
    }
  } catch (err) {
    post({ id: req.id, type: 'error', message: (err as Error).message });
  }
};
