/**
 * Spatial index over service points (kdbush k-d tree, queried on the sphere with geokdbush) and the
 * candidate pairs (demand i, service j, distance d ≤ d0) it yields — computed once, reused by both FCA steps.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineKm, EARTH_RADIUS_KM } from './distance';

export interface LonLat {
  lon: number;
  lat: number;
}

/** A k-d tree of the points (ids = positions in the input array). */
export function buildIndex(points: readonly LonLat[]): KDBush {
  const index = new KDBush(Math.max(points.length, 1), 64, Float64Array);
  for (const p of points) index.add(p.lon, p.lat);
  if (points.length === 0) index.add(0, 0); // kdbush needs ≥ 1 item; never returned (see hasPoints)
  return index.finish();
}

/** Pairs (i, j, d) in typed arrays, grouped by ascending i. */
export interface CandidatePairs {
  length: number;
  i: Uint32Array;
  j: Uint32Array;
  d: Float64Array;
}

/** Build pairs from plain arrays (for tests and injected distance matrices). */
export function pairsFromArrays(i: number[], j: number[], d: number[]): CandidatePairs {
  return { length: i.length, i: Uint32Array.from(i), j: Uint32Array.from(j), d: Float64Array.from(d) };
}

const RAD = Math.PI / 180;

/**
 * Longitude/latitude box (degrees) that contains the spherical cap of radius `km` around (lon, lat):
 * Δlat = δ, Δlon = asin(sin δ / cos φ) with δ = km / R (whole longitude range near the poles). Slightly
 * widened so that rounding never drops a point on the edge.
 */
export function capBox(lon: number, lat: number, km: number): [number, number, number, number] {
  const delta = (km / EARTH_RADIUS_KM) * (1 + 1e-9);
  const dLat = delta / RAD;
  const cosPhi = Math.cos(lat * RAD);
  if (Math.abs(lat) + dLat >= 90 || Math.sin(delta) >= cosPhi) return [-180, lat - dLat, 180, lat + dLat];
  const dLon = (Math.asin(Math.sin(delta) / cosPhi) / RAD) * (1 + 1e-9);
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

export type PairSearch = 'range' | 'around';

/**
 * Every (demand i, service j) with great-circle distance ≤ d0, one index query per demand point; the exact
 * haversine distance decides. Two equivalent searches (same pairs, tested):
 * - 'range' (default): kdbush box query on the box that contains the d0 cap (`capBox`) — no priority queue,
 *   about 4× faster than 'around' for a fixed radius;
 * - 'around': geokdbush `around(index, lon, lat, Infinity, d0)`. geokdbush uses R = 6371 km, slightly smaller
 *   than ours (6371.0088), so its result is a superset.
 * Not for boxes that cross the antimeridian (never the case for Italy).
 */
export function candidatePairs(
  demand: readonly LonLat[],
  services: readonly LonLat[],
  d0: number,
  index: KDBush = buildIndex(services),
  search: PairSearch = 'range',
): CandidatePairs {
  let cap = Math.max(1024, demand.length * 16);
  let I = new Uint32Array(cap);
  let J = new Uint32Array(cap);
  let D = new Float64Array(cap);
  let n = 0;
  if (services.length === 0 || !(d0 >= 0))
    return { length: 0, i: I.subarray(0, 0), j: J.subarray(0, 0), d: D.subarray(0, 0) };
  const maxKm = d0 * (1 + 1e-9);
  for (let i = 0; i < demand.length; i++) {
    const p = demand[i];
    let ids: number[];
    if (search === 'around') ids = around(index, p.lon, p.lat, Infinity, maxKm);
    else {
      const b = capBox(p.lon, p.lat, d0);
      ids = index.range(b[0], b[1], b[2], b[3]);
    }
    for (let k = 0; k < ids.length; k++) {
      const j = ids[k];
      const s = services[j];
      const d = haversineKm(p.lon, p.lat, s.lon, s.lat);
      if (d > d0) continue;
      if (n === cap) {
        cap *= 2;
        const I2 = new Uint32Array(cap);
        I2.set(I);
        I = I2;
        const J2 = new Uint32Array(cap);
        J2.set(J);
        J = J2;
        const D2 = new Float64Array(cap);
        D2.set(D);
        D = D2;
      }
      I[n] = i;
      J[n] = j;
      D[n] = d;
      n++;
    }
  }
  return { length: n, i: I.subarray(0, n), j: J.subarray(0, n), d: D.subarray(0, n) };
}
