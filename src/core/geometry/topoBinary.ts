/**
 * TopoJSON straight to the flat arrays of `BinaryBoundaries`, without building GeoJSON in between.
 * Rings are stitched exactly as topojson-client does (shared end points dropped, rings of fewer than
 * 4 points closed), so the result equals `toBinary(topoToFeatures(topo))`. Both the JSON form and the
 * packed binary form (topoPack.ts) go through the same flat topology (`FlatTopology`). Triangulation is
 * a second, separate step (`triangulate`), so that the 2D first paint can use the rings before the
 * triangles exist.
 */
import earcut from 'earcut';
import type { BinaryBoundaries } from './binary';

/** The arrays of a flat topology that contiguity needs (a FlatTopology has them all). */
export interface TopologyArrays {
  codes: string[];
  arcStarts: Uint32Array;
  arcXY: Float64Array;
  featurePolys: Uint32Array;
  polyRings: Uint32Array;
  ringRefs: Uint32Array;
  refs: Int32Array;
}

interface TopoGeometry {
  type: string | null;
  arcs?: unknown;
  geometries?: TopoGeometry[];
  properties?: { code?: unknown; name?: unknown };
}
export interface TopologyLike {
  type?: string;
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: string; geometries?: TopoGeometry[] } | undefined>;
}

/**
 * A topology as flat arrays: arc a is points arcStarts[a] … arcStarts[a+1]−1 of `arcXY` (absolute
 * lon/lat); feature f is polygons featurePolys[f] …; polygon p is rings polyRings[p] …; ring r is the
 * arc references ringRefs[r] … of `refs` (~a: arc a reversed).
 */
export interface FlatTopology extends TopologyArrays {
  names: string[];
}

/** Rings decoded, triangles not yet: `indices` is empty; `polygonRings` says which rings make a polygon. */
export interface DecodedBoundaries extends BinaryBoundaries {
  /** ring index where each polygon starts (its outer ring; the rest are holes); one more entry than polygons */
  polygonRings: Uint32Array;
}

/** The polygons of a geometry, each a list of rings, each a list of arc indices. */
function polygonsOf(g: TopoGeometry): number[][][] {
  if (g.type === 'Polygon') return g.arcs ? [g.arcs as number[][]] : [];
  if (g.type === 'MultiPolygon') return (g.arcs as number[][][]) ?? [];
  if (g.type === 'GeometryCollection') return (g.geometries ?? []).flatMap(polygonsOf);
  return [];
}

const str = (x: unknown) => (x == null ? '' : String(x));

/** The geometries of one object of a TopoJSON topology as a flat topology. */
export function flattenTopology(topo: TopologyLike, object = 'territories', file = 'TopoJSON'): FlatTopology {
  const obj = topo.objects?.[object];
  if (!obj || !Array.isArray(obj.geometries)) throw new Error(`${file}: no "${object}" object`);
  const t = topo.transform;
  let nPts = 0;
  for (const arc of topo.arcs) nPts += arc.length;
  const arcStarts = new Uint32Array(topo.arcs.length + 1);
  const arcXY = new Float64Array(nPts * 2);
  let k = 0;
  topo.arcs.forEach((arc, a) => {
    arcStarts[a] = k;
    let x = 0;
    let y = 0;
    for (const pt of arc) {
      if (t) {
        x += pt[0];
        y += pt[1];
        arcXY[2 * k] = x * t.scale[0] + t.translate[0];
        arcXY[2 * k + 1] = y * t.scale[1] + t.translate[1];
      } else {
        arcXY[2 * k] = pt[0];
        arcXY[2 * k + 1] = pt[1];
      }
      k++;
    }
  });
  arcStarts[topo.arcs.length] = k;
  const geoms = obj.geometries;
  const polys = geoms.map(polygonsOf);
  const featurePolys: number[] = [];
  const polyRings: number[] = [];
  const ringRefs: number[] = [];
  const refs: number[] = [];
  for (const ps of polys) {
    featurePolys.push(polyRings.length);
    for (const poly of ps) {
      polyRings.push(ringRefs.length);
      for (const ring of poly) {
        ringRefs.push(refs.length);
        for (const a of ring) refs.push(a);
      }
    }
  }
  featurePolys.push(polyRings.length);
  polyRings.push(ringRefs.length);
  ringRefs.push(refs.length);
  return {
    codes: geoms.map((g) => str(g.properties?.code)),
    names: geoms.map((g) => str(g.properties?.name)),
    arcStarts,
    arcXY,
    featurePolys: Uint32Array.from(featurePolys),
    polyRings: Uint32Array.from(polyRings),
    ringRefs: Uint32Array.from(ringRefs),
    refs: Int32Array.from(refs),
  };
}

/** Stitch the rings of a flat topology into BinaryBoundaries (no triangles yet). */
export function decodeFlat(f: FlatTopology, file = 'TopoJSON'): DecodedBoundaries {
  const n = f.codes.length;
  const nArcs = f.arcStarts.length - 1;
  const nRing = f.ringRefs.length - 1;
  const nPoly = f.polyRings.length - 1;
  const arcLen = (a: number) => {
    const i = a >= 0 ? a : ~a;
    return i < nArcs ? f.arcStarts[i + 1] - f.arcStarts[i] : 0;
  };
  // sizes: a ring's points are each arc's minus its first point, plus one; at least 4
  let nVert = 0;
  for (let r = 0; r < nRing; r++) {
    let len = 0;
    for (let j = f.ringRefs[r]; j < f.ringRefs[r + 1]; j++) len += arcLen(f.refs[j]) - (j > f.ringRefs[r] ? 1 : 0);
    nVert += Math.max(len, 4);
  }
  const xy = f.arcXY;
  const positions = new Float64Array(nVert * 2);
  const startIndices = new Uint32Array(n + 1);
  const ringStarts = new Uint32Array(nRing + 1);
  const featureRings = new Uint32Array(n + 1);
  const polygonRings = new Uint32Array(nPoly + 1);
  const bbox = new Float64Array(n * 4);
  let v = 0;
  for (let ft = 0; ft < n; ft++) {
    startIndices[ft] = v;
    const p0 = f.featurePolys[ft];
    const p1 = f.featurePolys[ft + 1];
    featureRings[ft] = f.polyRings[p0];
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (let p = p0; p < p1; p++) {
      polygonRings[p] = f.polyRings[p];
      for (let r = f.polyRings[p]; r < f.polyRings[p + 1]; r++) {
        const start = v;
        ringStarts[r] = v;
        for (let j = f.ringRefs[r]; j < f.ringRefs[r + 1]; j++) {
          const a = f.refs[j];
          const i = a >= 0 ? a : ~a;
          if (i >= nArcs) throw new Error(`${file}: feature ${ft} refers to arc ${a}, which does not exist`);
          const s0 = f.arcStarts[i];
          const m = f.arcStarts[i + 1] - s0;
          // topojson-client drops the last point before appending the next arc (it repeats)
          if (j > f.ringRefs[r] && v > start) v--;
          for (let q = 0; q < m; q++) {
            const s = s0 + (a >= 0 ? q : m - 1 - q);
            positions[2 * v] = xy[2 * s];
            positions[2 * v + 1] = xy[2 * s + 1];
            v++;
          }
        }
        // a degenerate ring is closed up to 4 points with its first point (as topojson-client does)
        while (v - start < 4 && v > start) {
          positions[2 * v] = positions[2 * start];
          positions[2 * v + 1] = positions[2 * start + 1];
          v++;
        }
        for (let q = start; q < v; q++) {
          const x = positions[2 * q];
          const y = positions[2 * q + 1];
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
    bbox[4 * ft] = x0;
    bbox[4 * ft + 1] = y0;
    bbox[4 * ft + 2] = x1;
    bbox[4 * ft + 3] = y1;
  }
  startIndices[n] = v;
  featureRings[n] = nRing;
  ringStarts[nRing] = v;
  polygonRings[nPoly] = nRing;
  return {
    length: n,
    codes: f.codes,
    names: f.names,
    startIndices,
    positions: v === nVert ? positions : positions.slice(0, 2 * v),
    indices: new Uint32Array(0),
    ringStarts,
    featureRings,
    polygonRings,
    bbox,
  };
}

export function decodeTopology(topo: TopologyLike, object = 'territories', file = 'TopoJSON'): DecodedBoundaries {
  return decodeFlat(flattenTopology(topo, object, file), file);
}

/** The triangles of every polygon (earcut, holes included), as vertex indices into `positions`. */
export function triangulate(b: DecodedBoundaries): Uint32Array {
  const tri: number[] = [];
  const np = b.polygonRings.length - 1;
  for (let p = 0; p < np; p++) {
    const r0 = b.polygonRings[p];
    const r1 = b.polygonRings[p + 1];
    const start = b.ringStarts[r0];
    const end = b.ringStarts[r1];
    const holes: number[] = [];
    for (let r = r0 + 1; r < r1; r++) holes.push(b.ringStarts[r] - start);
    const local = earcut(b.positions.subarray(2 * start, 2 * end), holes, 2);
    for (const t of local) tri.push(t + start);
  }
  return Uint32Array.from(tri);
}
