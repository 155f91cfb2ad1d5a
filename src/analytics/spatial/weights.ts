/**
 * Spatial weights for Moran's I and LISA (pure).
 *
 * A `Weights` is a neighbour list in compressed rows (CSR): unit i's neighbours are
 * neighbours[offsets[i]] … neighbours[offsets[i+1]−1], each with its weight. Built binary (1 per link);
 * `rowStandardise` divides each row by its count. A unit with no neighbour is an ISLAND: it keeps an
 * empty row (never a zero lag in the statistics — see moran.ts and lisa.ts), or `attachIslands`
 * links it to its k nearest units (in both directions, so that the links stay symmetric).
 *
 * Queen contiguity is read from the topology, not from geometry intersection: two units are neighbours
 * if they use the same arc (a shared edge) or if an arc of one and an arc of the other end at the same
 * point (a shared vertex). In a TopoJSON topology arcs are cut at every junction — every point where
 * the rings that pass through it differ — so a point where two units touch without a common edge is
 * an arc end point of both.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { TopologyArrays } from '../../core/geometry/topoBinary';

export type { TopologyArrays };

export interface Weights {
  n: number;
  offsets: Uint32Array;
  neighbours: Uint32Array;
  weights: Float64Array;
}

/** Binary weights from neighbour lists (duplicates and self-links dropped, each row sorted). */
export function fromLists(lists: readonly (readonly number[])[]): Weights {
  const n = lists.length;
  const offsets = new Uint32Array(n + 1);
  const rows = lists.map((l, i) => [...new Set(l)].filter((j) => j !== i && j >= 0 && j < n).sort((a, b) => a - b));
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + rows[i].length;
  const neighbours = new Uint32Array(offsets[n]);
  rows.forEach((r, i) => neighbours.set(r, offsets[i]));
  return { n, offsets, neighbours, weights: new Float64Array(offsets[n]).fill(1) };
}

export function toLists(w: Weights): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < w.n; i++) out.push(Array.from(w.neighbours.subarray(w.offsets[i], w.offsets[i + 1])));
  return out;
}

export function cardinality(w: Weights, i: number): number {
  return w.offsets[i + 1] - w.offsets[i];
}

/** Units with no neighbour. */
export function islands(w: Weights): number[] {
  const out: number[] = [];
  for (let i = 0; i < w.n; i++) if (w.offsets[i + 1] === w.offsets[i]) out.push(i);
  return out;
}

/** Each row divided by its sum (rows of islands stay empty). */
export function rowStandardise(w: Weights): Weights {
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k];
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) weights[k] = s > 0 ? w.weights[k] / s : 0;
  }
  return { ...w, weights };
}

/** Queen contiguity (shared arc or shared arc end point) of the features of a flat topology. */
export function queenFromTopology(t: TopologyArrays): Weights {
  const n = t.codes.length;
  const nArcs = t.arcStarts.length - 1;
  const arcUsers: number[][] = Array.from({ length: nArcs }, () => []);
  for (let f = 0; f < n; f++)
    for (let p = t.featurePolys[f]; p < t.featurePolys[f + 1]; p++)
      for (let r = t.polyRings[p]; r < t.polyRings[p + 1]; r++)
        for (let k = t.ringRefs[r]; k < t.ringRefs[r + 1]; k++) {
          const ref = t.refs[k];
          const a = ref < 0 ? ~ref : ref;
          const u = arcUsers[a];
          if (u[u.length - 1] !== f && !u.includes(f)) u.push(f);
        }
  const lists: Set<number>[] = Array.from({ length: n }, () => new Set());
  const link = (users: readonly number[]) => {
    for (let x = 0; x < users.length; x++)
      for (let y = x + 1; y < users.length; y++) {
        lists[users[x]].add(users[y]);
        lists[users[y]].add(users[x]);
      }
  };
  const atPoint = new Map<string, number[]>();
  const addPoint = (pt: number, users: readonly number[]) => {
    const key = `${t.arcXY[2 * pt]},${t.arcXY[2 * pt + 1]}`;
    let l = atPoint.get(key);
    if (!l) atPoint.set(key, (l = []));
    for (const f of users) if (!l.includes(f)) l.push(f);
  };
  for (let a = 0; a < nArcs; a++) {
    const users = arcUsers[a];
    if (!users.length || t.arcStarts[a + 1] === t.arcStarts[a]) continue;
    link(users);
    addPoint(t.arcStarts[a], users);
    addPoint(t.arcStarts[a + 1] - 1, users);
  }
  for (const users of atPoint.values()) link(users);
  return fromLists(lists.map((s) => [...s]));
}

/**
 * A point for each feature, for k-nearest and distance bands: the centroid (shoelace, in lon/lat) of
 * its largest outer ring, so that an archipelago comune is placed on its main island.
 */
export function featureCentroids(t: TopologyArrays): Float64Array {
  const n = t.codes.length;
  const out = new Float64Array(2 * n).fill(NaN);
  const ringPoints = (r: number): number[] => {
    const pts: number[] = [];
    for (let k = t.ringRefs[r]; k < t.ringRefs[r + 1]; k++) {
      const ref = t.refs[k];
      const a = ref < 0 ? ~ref : ref;
      const s = t.arcStarts[a];
      const e = t.arcStarts[a + 1];
      if (ref >= 0) for (let q = s; q < e; q++) pts.push(q);
      else for (let q = e - 1; q >= s; q--) pts.push(q);
    }
    return pts;
  };
  for (let f = 0; f < n; f++) {
    let best = -1;
    for (let p = t.featurePolys[f]; p < t.featurePolys[f + 1]; p++) {
      const pts = ringPoints(t.polyRings[p]);
      let a2 = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i < pts.length; i++) {
        const x0 = t.arcXY[2 * pts[i]];
        const y0 = t.arcXY[2 * pts[i] + 1];
        const j = pts[(i + 1) % pts.length];
        const x1 = t.arcXY[2 * j];
        const y1 = t.arcXY[2 * j + 1];
        const c = x0 * y1 - x1 * y0;
        a2 += c;
        cx += (x0 + x1) * c;
        cy += (y0 + y1) * c;
      }
      if (Math.abs(a2) > best && a2 !== 0) {
        best = Math.abs(a2);
        out[2 * f] = cx / (3 * a2);
        out[2 * f + 1] = cy / (3 * a2);
      } else if (best < 0 && pts.length) {
        out[2 * f] = t.arcXY[2 * pts[0]];
        out[2 * f + 1] = t.arcXY[2 * pts[0] + 1];
      }
    }
  }
  return out;
}

function pointIndex(xy: Float64Array): KDBush {
  const n = xy.length / 2;
  const index = new KDBush(Math.max(1, n));
  for (let i = 0; i < n; i++)
    index.add(Number.isFinite(xy[2 * i]) ? xy[2 * i] : 0, Number.isFinite(xy[2 * i + 1]) ? xy[2 * i + 1] : 0);
  if (n === 0) index.add(0, 0);
  index.finish();
  return index;
}

/** For each unit, the other units around its point: at most `k`, within `km` kilometres (great circle). */
function aroundEach(xy: Float64Array, k: number, km: number): Weights {
  const n = xy.length / 2;
  const index = pointIndex(xy);
  const lists: number[][] = [];
  for (let i = 0; i < n; i++)
    lists.push(around(index, xy[2 * i], xy[2 * i + 1], k, km, (j: number) => j !== i && j < n) as number[]);
  return fromLists(lists);
}

/** The k nearest units (great-circle distance between the points) of each unit; asymmetric in general. */
export function knnWeights(xy: Float64Array, k: number): Weights {
  return aroundEach(xy, k, Infinity);
}

/** Every unit within `km` kilometres (great circle, between the points): symmetric. */
export function bandWeights(xy: Float64Array, km: number): Weights {
  return aroundEach(xy, Infinity, km);
}

/** Islands linked to their k nearest units, both ways (binary weights; row-standardise afterwards). */
export function attachIslands(w: Weights, xy: Float64Array, k: number): Weights {
  const isl = islands(w);
  if (!isl.length) return w;
  const lists = toLists(w);
  const index = pointIndex(xy);
  for (const i of isl)
    for (const j of around(
      index,
      xy[2 * i],
      xy[2 * i + 1],
      k,
      Infinity,
      (q: number) => q !== i && q < w.n,
    ) as number[]) {
      lists[i].push(j);
      lists[j].push(i);
    }
  return fromLists(lists);
}

/** The weights among the units where keep[i] (indices renumbered in order); links to dropped units go. */
export function subsetWeights(w: Weights, keep: readonly boolean[]): { weights: Weights; index: number[] } {
  const index: number[] = [];
  const newId = new Int32Array(w.n).fill(-1);
  for (let i = 0; i < w.n; i++) if (keep[i]) newId[i] = index.push(i) - 1;
  const lists = index.map((i) => {
    const l: number[] = [];
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++)
      if (newId[w.neighbours[k]] >= 0) l.push(newId[w.neighbours[k]]);
    return l;
  });
  return { weights: fromLists(lists), index };
}

/** True when j is a neighbour of i exactly when i is a neighbour of j, with equal weights. */
export function isSymmetric(w: Weights): boolean {
  const m = new Map<string, number>();
  for (let i = 0; i < w.n; i++)
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) m.set(`${i},${w.neighbours[k]}`, w.weights[k]);
  for (const [key, v] of m) {
    const [i, j] = key.split(',');
    if (m.get(`${j},${i}`) !== v) return false;
  }
  return true;
}

export type WeightsSpec = { kind: 'queen' } | { kind: 'knn'; k: number } | { kind: 'band'; km: number };

/** "queen", "knn:K" or "band:KM", or an error message. */
export function parseWeightsSpec(s: string): WeightsSpec | { error: string } {
  if (s === 'queen') return { kind: 'queen' };
  let m = /^knn:(\d+)$/.exec(s);
  if (m) {
    const k = Number(m[1]);
    return k >= 1 && k <= 50 ? { kind: 'knn', k } : { error: `knn:K needs K from 1 to 50, got ${m[1]}` };
  }
  m = /^band:(\d+(?:\.\d+)?)$/.exec(s);
  if (m) {
    const km = Number(m[1]);
    return km > 0 && km <= 2000
      ? { kind: 'band', km }
      : { error: `band:KM needs a distance above 0 and up to 2000 km, got ${m[1]}` };
  }
  return { error: `unknown weights "${s}" (use queen, knn:K or band:KM)` };
}

export function formatWeightsSpec(s: WeightsSpec): string {
  return s.kind === 'queen' ? 'queen' : s.kind === 'knn' ? `knn:${s.k}` : `band:${s.km}`;
}

/** Binary weights of a spec for a topology (before islands are attached and rows standardised). */
export function buildWeights(t: TopologyArrays, spec: WeightsSpec, xy = featureCentroids(t)): Weights {
  if (spec.kind === 'queen') return queenFromTopology(t);
  if (spec.kind === 'knn') return knnWeights(xy, spec.k);
  return bandWeights(xy, spec.km);
}
