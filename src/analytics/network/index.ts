/**
 * The network of offices of a territory ("Rete dei servizi"): which service points of which layer lie
 * inside a territory (a comune, a province, a region or a group of an imported grouping) and which lie
 * outside it within a chosen distance. Pure: no DOM, no state.
 *
 * Inside = by the point's **comune code** (ISTAT) when it has one: every built-in point carries the code of
 * the comune its source names, and points with precision `comune` sit at that comune's inner point, so a
 * polygon test on the (simplified) boundaries would only add errors at the border. A point without a comune
 * code (an imported layer placed by coordinates only) is tested against the territory's polygon
 * (@turf/turf booleanPointInPolygon, even–odd over every ring) when the polygon is known; otherwise it is
 * never "inside", only "near" by distance.
 *
 * Distance = great-circle km (haversine) from the point to the nearest **reference point** of the
 * territory: the inner points of its comuni (found with geokdbush over a k-d tree of those points). For a
 * single comune that is the distance from its inner point; it is a straight line, not travel time.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { booleanPointInPolygon } from '@turf/turf';
import { haversineKm } from '../coverage/distance';

export interface NetworkPoint {
  layer: string;
  id: string;
  name: string;
  lon: number;
  lat: number;
  comune_code: string | null;
}

export interface RefPoint {
  code: string;
  lon: number;
  lat: number;
}

export interface NetworkTerritory {
  /** ISTAT codes of the comuni that make up the territory */
  comuni: ReadonlySet<string>;
  /** inner points of those comuni (those without one are left out) */
  refs: readonly RefPoint[];
  /** the territory's rings (outer and holes, any order), for points without a comune code; null = unknown */
  rings?: readonly (readonly [number, number][])[] | null;
}

export interface NetworkEntry<P extends NetworkPoint = NetworkPoint> {
  point: P;
  inside: boolean;
  /** how "inside" was decided: by the comune code, by the polygon, or not at all (no code, no polygon) */
  by: 'code' | 'polygon' | 'none';
  /** km to the nearest reference point of the territory; null when the territory has no reference point */
  km: number | null;
  /** the comune of the territory whose reference point is nearest */
  nearest: string | null;
}

/** Even–odd point-in-polygon over every ring (a hole is a ring inside another: counted twice → outside). */
export function insideRings(lon: number, lat: number, rings: readonly (readonly [number, number][])[]): boolean {
  let n = 0;
  for (const ring of rings) {
    if (ring.length < 4) continue;
    const closed =
      ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring : [...ring, ring[0]];
    if (
      booleanPointInPolygon(
        [lon, lat],
        { type: 'Polygon', coordinates: [closed as [number, number][]] },
        { ignoreBoundary: false },
      )
    )
      n++;
  }
  return n % 2 === 1;
}

function refIndex(refs: readonly RefPoint[]): KDBush | null {
  if (refs.length === 0) return null;
  const index = new KDBush(refs.length, 64, Float64Array);
  for (const r of refs) index.add(r.lon, r.lat);
  return index.finish();
}

/**
 * Every point inside the territory, and every point outside within `maxKm` (inclusive), with its distance.
 * Order: inside first, then by distance, then layer and name (stable for tests and print).
 */
export function networkOf<P extends NetworkPoint>(
  points: readonly P[],
  territory: NetworkTerritory,
  maxKm: number,
): NetworkEntry<P>[] {
  const index = refIndex(territory.refs);
  const out: NetworkEntry<P>[] = [];
  const rings = territory.rings && territory.rings.length ? territory.rings : null;
  for (const p of points) {
    let inside = false;
    let by: NetworkEntry['by'] = 'none';
    if (p.comune_code) {
      inside = territory.comuni.has(p.comune_code);
      by = 'code';
    } else if (rings) {
      inside = insideRings(p.lon, p.lat, rings);
      by = 'polygon';
    }
    let km: number | null = null;
    let nearest: string | null = null;
    if (index) {
      // geokdbush's own distance is close to haversine; widen a hair and recompute exactly below
      const ids = around(index, p.lon, p.lat, 1, inside ? Infinity : maxKm * (1 + 1e-6) + 1e-9);
      if (ids.length) {
        const r = territory.refs[ids[0]];
        km = haversineKm(p.lon, p.lat, r.lon, r.lat);
        nearest = r.code;
      }
    }
    if (inside || (km !== null && km <= maxKm)) out.push({ point: p, inside, by, km, nearest });
  }
  return out.sort(
    (a, b) =>
      Number(b.inside) - Number(a.inside) ||
      (a.km ?? Infinity) - (b.km ?? Infinity) ||
      (a.point.layer < b.point.layer ? -1 : a.point.layer > b.point.layer ? 1 : 0) ||
      a.point.name.localeCompare(b.point.name, 'it') ||
      (a.point.id < b.point.id ? -1 : a.point.id > b.point.id ? 1 : 0),
  );
}

/** Entries grouped by layer, in the order of `layerOrder` (layers with no entry are kept, empty). */
export function groupByLayer<E extends { point: { layer: string } }>(
  entries: readonly E[],
  layerOrder: readonly string[],
): { layer: string; entries: E[] }[] {
  const by = new Map<string, E[]>(layerOrder.map((l) => [l, []]));
  for (const e of entries) {
    let list = by.get(e.point.layer);
    if (!list) by.set(e.point.layer, (list = []));
    list.push(e);
  }
  return [...by].map(([layer, list]) => ({ layer, entries: list }));
}

/* ------------------------------------------------------------------------------------------- contacts */

/**
 * A contact from a source as a link target, or null (shown as plain text then). Only `http:`/`https:` and
 * `mailto:` ever become links: a bare domain (`www.scuola.edu.it`, as the MIM register writes them) is
 * given `https://`; an e-mail address gets `mailto:`. Anything else (javascript:, data:, tel:, text with
 * spaces or angle brackets) is not a link.
 */
export function contactHref(kind: 'email' | 'website', raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s || /[\s<>"'`\\]/.test(s)) return null;
  if (kind === 'email') {
    const addr = s.replace(/^mailto:/i, '');
    return /^[^@\s/:?#]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(addr) ? `mailto:${addr}` : null;
  }
  let url = s;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?([/?#].*)?$/.test(url)) return null;
    url = `https://${url}`;
  }
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
