/** The k nearest services of each demand point (great-circle km), with a spatial index or by brute force. */
import type KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineKm } from './distance';
import { buildIndex, type LonLat } from './spatialIndex';

export interface Nearest {
  /** distance to the nearest service, km; null when there is no service (within maxKm) */
  km: number | null;
  /** positions (in the services array) of the k nearest, nearest first; ties by position */
  idx: number[];
  /** their distances, km */
  kms: number[];
}

const byDistance = (a: [number, number], b: [number, number]) => a[1] - b[1] || a[0] - b[0];

/** k nearest services per demand point via geokdbush `around(index, lon, lat, k, maxKm)`. */
export function nearestServices(
  demand: readonly LonLat[],
  services: readonly LonLat[],
  k = 3,
  maxKm = Infinity,
  index: KDBush = buildIndex(services),
): Nearest[] {
  return demand.map((p) => {
    if (services.length === 0) return { km: null, idx: [], kms: [] };
    const ids = around(index, p.lon, p.lat, k, maxKm === Infinity ? Infinity : maxKm * (1 + 1e-9));
    const found = ids
      .map((j): [number, number] => [j, haversineKm(p.lon, p.lat, services[j].lon, services[j].lat)])
      .filter((x) => x[1] <= maxKm)
      .sort(byDistance);
    return { km: found.length ? found[0][1] : null, idx: found.map((x) => x[0]), kms: found.map((x) => x[1]) };
  });
}

/** The same by scanning every pair (tests, benchmark). */
export function nearestBruteForce(
  demand: readonly LonLat[],
  services: readonly LonLat[],
  k = 3,
  maxKm = Infinity,
): Nearest[] {
  return demand.map((p) => {
    const all = services
      .map((s, j): [number, number] => [j, haversineKm(p.lon, p.lat, s.lon, s.lat)])
      .filter((x) => x[1] <= maxKm)
      .sort(byDistance)
      .slice(0, k);
    return { km: all.length ? all[0][1] : null, idx: all.map((x) => x[0]), kms: all.map((x) => x[1]) };
  });
}
