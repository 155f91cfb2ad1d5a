/**
 * GeoJSON: validated feature by feature (known geometry types, finite coordinates in range, closed
 * polygon rings with at least four positions). Properties become columns; points give lon/lat.
 */
import type { Cell } from './types';

export interface GeoRead {
  header: string[];
  rows: Cell[][];
  points: ([number, number] | null)[];
  /** invalid features: 0-based index and the reason */
  invalid: { index: number; reason: string }[];
}

const TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** The first problem `check` finds among `xs` (null: none). */
function firstProblem(xs: readonly unknown[], check: (x: unknown) => string | null): string | null {
  for (const x of xs) {
    const e = check(x);
    if (e) return e;
  }
  return null;
}

function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2) return 'a position is not [lon, lat]';
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return 'a coordinate is not a finite number';
  if (x < -180 || x > 180 || y < -90 || y > 90) return `coordinate out of range (${x}, ${y})`;
  return null;
}

function checkRing(r: unknown): string | null {
  if (!Array.isArray(r)) return 'a ring is not an array';
  const e = firstProblem(r, checkPosition);
  if (e) return e;
  if (r.length < 4) return 'a polygon ring has fewer than 4 positions';
  const a = r[0] as number[];
  const b = r[r.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1]) return 'a polygon ring is not closed (first and last positions differ)';
  return null;
}

export function checkGeometry(g: unknown, depth = 0): string | null {
  if (g === null) return null; // a feature without geometry is allowed by the spec
  if (typeof g !== 'object' || g === null) return 'geometry is not an object';
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof type !== 'string' || !TYPES.has(type)) return `unknown geometry type "${String(type)}"`;
  const arr = (x: unknown): x is unknown[] => Array.isArray(x);
  switch (type) {
    case 'Point':
      return checkPosition(coordinates);
    case 'MultiPoint':
    case 'LineString': {
      if (!arr(coordinates)) return `${type} has no coordinates`;
      if (type === 'LineString' && coordinates.length < 2) return 'a LineString has fewer than 2 positions';
      return firstProblem(coordinates, checkPosition);
    }
    case 'MultiLineString':
      if (!arr(coordinates)) return `${type} has no coordinates`;
      return firstProblem(coordinates, (l) => checkGeometry({ type: 'LineString', coordinates: l }, depth + 1));
    case 'Polygon':
      if (!arr(coordinates) || coordinates.length === 0) return 'a Polygon has no rings';
      return firstProblem(coordinates, checkRing);
    case 'MultiPolygon':
      if (!arr(coordinates)) return `${type} has no coordinates`;
      return firstProblem(coordinates, (p) => checkGeometry({ type: 'Polygon', coordinates: p }, depth + 1));
    default:
      if (depth > 8) return 'geometry collections nested too deep';
      if (!arr(geometries)) return 'a GeometryCollection has no geometries';
      return firstProblem(geometries, (x) => checkGeometry(x, depth + 1));
  }
}

export function readGeoJson(text: string): GeoRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  const d = doc as { type?: unknown; features?: unknown };
  let features: unknown[];
  if (d && d.type === 'FeatureCollection' && Array.isArray(d.features)) features = d.features;
  else if (d && d.type === 'Feature') features = [d];
  else throw new Error('not a GeoJSON FeatureCollection or Feature');
  const header: string[] = [];
  const seen = new Set<string>();
  const props: Record<string, unknown>[] = [];
  const points: ([number, number] | null)[] = [];
  const invalid: { index: number; reason: string }[] = [];
  features.forEach((f, index) => {
    const ft = f as { type?: unknown; geometry?: unknown; properties?: unknown };
    if (!ft || typeof ft !== 'object' || ft.type !== 'Feature') {
      invalid.push({ index, reason: 'not a Feature' });
      props.push({});
      points.push(null);
      return;
    }
    const p = ft.properties && typeof ft.properties === 'object' ? (ft.properties as Record<string, unknown>) : {};
    for (const k of Object.keys(p))
      if (!seen.has(k)) {
        seen.add(k);
        header.push(k);
      }
    props.push(p);
    const err = checkGeometry(ft.geometry === undefined ? null : ft.geometry);
    if (err) {
      invalid.push({ index, reason: err });
      points.push(null);
      return;
    }
    const g = ft.geometry as { type: string; coordinates: number[] } | null;
    points.push(g && g.type === 'Point' ? [g.coordinates[0], g.coordinates[1]] : null);
  });
  const cell = (v: unknown): Cell =>
    v === null || v === undefined
      ? null
      : typeof v === 'number'
        ? v
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  // own properties only: a feature without "constructor" or "toString" has no such cell (not Object's)
  return {
    header,
    rows: props.map((p) => header.map((h) => cell(Object.hasOwn(p, h) ? p[h] : null))),
    points,
    invalid,
  };
}
