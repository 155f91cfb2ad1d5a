/** Great-circle distance (haversine) on a sphere of mean Earth radius. Straight line, not travel time. */

/** IUGG mean Earth radius R1, km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Haversine distance in km between (lon1, lat1) and (lon2, lat2), in degrees. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A distance function between demand point i and service j (injectable, e.g. a hand-made matrix). */
export type DistanceFn = (i: number, j: number) => number;
