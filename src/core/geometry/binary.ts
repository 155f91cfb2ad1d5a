/**
 * Boundaries as flat typed arrays, triangulated once (earcut), for the map's WebGL layer (glChoropleth.ts):
 * no per-frame work and no tessellation on the main thread when it runs in a worker.
 */
import earcut from 'earcut';
import type { Feature, Geometry, Position } from 'geojson';

export interface BinaryBoundaries {
  /** number of territories (features) */
  length: number;
  codes: string[];
  names: string[];
  /** vertex index where each feature starts; length + 1 entries */
  startIndices: Uint32Array;
  /** x, y per vertex (lon, lat) */
  positions: Float64Array;
  /** triangles, as vertex indices into positions */
  indices: Uint32Array;
  /** vertex index where each ring starts; one more entry than rings */
  ringStarts: Uint32Array;
  /** ring index range of each feature; length + 1 entries */
  featureRings: Uint32Array;
  /** minLon, minLat, maxLon, maxLat per feature */
  bbox: Float64Array;
}

type Props = { code: string; name: string };

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

export function toBinary(features: readonly Feature<Geometry | null, Props>[]): BinaryBoundaries {
  let nVert = 0;
  let nRing = 0;
  for (const f of features) {
    if (!f.geometry) continue;
    for (const poly of polygonsOf(f.geometry))
      for (const ring of poly) {
        nVert += ring.length;
        nRing++;
      }
  }
  const positions = new Float64Array(nVert * 2);
  const startIndices = new Uint32Array(features.length + 1);
  const ringStarts = new Uint32Array(nRing + 1);
  const featureRings = new Uint32Array(features.length + 1);
  const bbox = new Float64Array(features.length * 4);
  const tri: number[] = [];
  let v = 0;
  let r = 0;
  features.forEach((f, i) => {
    startIndices[i] = v;
    featureRings[i] = r;
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const poly of f.geometry ? polygonsOf(f.geometry) : []) {
      const polyStart = v;
      const holes: number[] = [];
      poly.forEach((ring, k) => {
        if (k > 0) holes.push(v - polyStart);
        ringStarts[r++] = v;
        for (const [x, y] of ring) {
          positions[2 * v] = x;
          positions[2 * v + 1] = y;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
          v++;
        }
      });
      const local = earcut(positions.subarray(2 * polyStart, 2 * v), holes, 2);
      for (const t of local) tri.push(t + polyStart);
    }
    bbox.set([x0, y0, x1, y1], i * 4);
  });
  startIndices[features.length] = v;
  featureRings[features.length] = r;
  ringStarts[nRing] = v;
  return {
    length: features.length,
    codes: features.map((f) => f.properties.code),
    names: features.map((f) => f.properties.name),
    startIndices,
    positions,
    indices: Uint32Array.from(tri),
    ringStarts,
    featureRings,
    bbox,
  };
}

/** The rings of feature i as coordinate arrays (for outlines). */
export function ringsOf(b: BinaryBoundaries, i: number): [number, number][][] {
  const out: [number, number][][] = [];
  for (let r = b.featureRings[i]; r < b.featureRings[i + 1]; r++) {
    const ring: [number, number][] = [];
    for (let v = b.ringStarts[r]; v < b.ringStarts[r + 1]; v++) ring.push([b.positions[2 * v], b.positions[2 * v + 1]]);
    out.push(ring);
  }
  return out;
}

export function boundsOf(b: BinaryBoundaries, i: number): [number, number, number, number] {
  return [b.bbox[4 * i], b.bbox[4 * i + 1], b.bbox[4 * i + 2], b.bbox[4 * i + 3]];
}

/** The buffers to transfer from a worker without copying. */
export function transferables(b: BinaryBoundaries): ArrayBuffer[] {
  return [b.startIndices, b.positions, b.indices, b.ringStarts, b.featureRings, b.bbox].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** The rings of the features whose box meets `box` (minLon, minLat, maxLon, maxLat), as flat paths. */
export interface RingSubset {
  /** number of rings */
  length: number;
  /** vertex index where each ring starts; length + 1 entries */
  startIndices: Uint32Array;
  /** x, y per vertex */
  positions: Float64Array;
}

/**
 * Only the borders near the view: at a comune zoom a few hundred of the ~7,900 comuni are on screen, and drawing
 * every ring of Italy each frame is what slows a software-rendered map (office PCs without a GPU) to seconds a frame.
 */
export function ringsInBox(b: BinaryBoundaries, box: readonly [number, number, number, number]): RingSubset {
  const [w, s, e, n] = box;
  const picked: number[] = [];
  let nVert = 0;
  for (let i = 0; i < b.length; i++) {
    const k = 4 * i;
    if (b.bbox[k] > e || b.bbox[k + 2] < w || b.bbox[k + 1] > n || b.bbox[k + 3] < s) continue;
    picked.push(i);
    nVert += b.startIndices[i + 1] - b.startIndices[i];
  }
  let nRing = 0;
  for (const i of picked) nRing += b.featureRings[i + 1] - b.featureRings[i];
  const startIndices = new Uint32Array(nRing + 1);
  const positions = new Float64Array(nVert * 2);
  let v = 0;
  let r = 0;
  for (const i of picked)
    for (let ring = b.featureRings[i]; ring < b.featureRings[i + 1]; ring++) {
      startIndices[r++] = v;
      const from = b.ringStarts[ring];
      const to = b.ringStarts[ring + 1];
      positions.set(b.positions.subarray(2 * from, 2 * to), 2 * v);
      v += to - from;
    }
  startIndices[nRing] = v;
  return { length: nRing, startIndices, positions: v === nVert ? positions : positions.slice(0, 2 * v) };
}
