/**
 * Web Mercator as MapLibre draws it (512-pixel world at zoom 0, no rotation or pitch): the camera that
 * fits a bounding box, MapLibre's max-bounds constraint, and the lon/lat → CSS-pixel projection.
 * The 2D first paint (prepaint.ts), the MapLibre map and the PNG export's scale bar all start from
 * `initialCamera`, so the picture does not move when one hands over to the other.
 */
/** Where the map looks: centre and zoom (MapLibre's terms); the URL keeps it as `at=lon,lat,zoom`. */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export type Bounds = readonly [number, number, number, number];

/** Italy, as first shown */
export const ITALY_BOUNDS: Bounds = [6.6, 36.6, 18.5, 47.1];
/** the map cannot be panned beyond these (MapLibre's maxBounds) */
export const MAX_BOUNDS: Bounds = [-2, 33, 26, 50];
/** Europe's NUTS2 regions as first shown (the continent and its islands; the outermost regions lie outside) */
export const EUROPE_BOUNDS: Bounds = [-11, 34, 35, 71];
export const EUROPE_MAX_BOUNDS: Bounds = [-50, 22, 75, 78];
/** The box first shown and the box the camera stays in: Europe's for the NUTS2 level, Italy's otherwise. */
export function boundsOfView(europe: boolean): { fit: Bounds; max: Bounds } {
  return europe ? { fit: EUROPE_BOUNDS, max: EUROPE_MAX_BOUNDS } : { fit: ITALY_BOUNDS, max: MAX_BOUNDS };
}
const TILE = 512;
const MAX_LAT = 85.051129;

/** x in [0, 1] from the antimeridian eastwards */
export function mercX(lon: number): number {
  return (lon + 180) / 360;
}
/** y in [0, 1] from the north edge southwards */
export function mercY(lat: number): number {
  const l = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360))) / 360;
}
export function lonOf(x: number): number {
  return x * 360 - 180;
}
export function latOf(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
}

/** The camera that shows `b` whole in a width × height viewport (MapLibre's cameraForBounds, no padding). */
export function fitBounds(b: Bounds, width: number, height: number): Camera {
  const x0 = mercX(b[0]);
  const x1 = mercX(b[2]);
  const y0 = mercY(b[3]);
  const y1 = mercY(b[1]);
  const worldSize = Math.min(width / (x1 - x0), height / (y1 - y0));
  return { lon: lonOf((x0 + x1) / 2), lat: latOf((y0 + y1) / 2), zoom: Math.log2(worldSize / TILE) };
}

/**
 * MapLibre's constraint for maxBounds: zoom in until the viewport fits inside the bounds, then move
 * the centre so that the viewport stays inside them.
 */
export function constrain(c: Camera, width: number, height: number, max: Bounds = MAX_BOUNDS): Camera {
  const x0 = mercX(max[0]);
  const x1 = mercX(max[2]);
  const y0 = mercY(max[3]);
  const y1 = mercY(max[1]);
  let zoom = c.zoom;
  let ws = TILE * 2 ** zoom;
  const s = Math.max(
    (x1 - x0) * ws < width ? width / ((x1 - x0) * ws) : 0,
    (y1 - y0) * ws < height ? height / ((y1 - y0) * ws) : 0,
  );
  if (s) {
    zoom += Math.log2(s);
    ws = TILE * 2 ** zoom;
  }
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(hi, v)));
  const cx = clamp(mercX(c.lon) * ws, x0 * ws + width / 2, x1 * ws - width / 2);
  const cy = clamp(mercY(c.lat) * ws, y0 * ws + height / 2, y1 * ws - height / 2);
  return { lon: lonOf(cx / ws), lat: latOf(cy / ws), zoom };
}

/** The first camera of the map: the one in the URL, else Italy (or Europe) whole; constrained like MapLibre's. */
export function initialCamera(fromUrl: Camera | null, width: number, height: number, europe = false): Camera {
  const b = boundsOfView(europe);
  return constrain(fromUrl ?? fitBounds(b.fit, width, height), width, height, b.max);
}

/** lon/lat → CSS pixels of a width × height viewport looking at `c` (north up), as coefficients:
 * x = lon·kx + ox, y = mercY(lat)·ky + oy (for tight loops). */
export function linearProjection(
  c: Camera,
  width: number,
  height: number,
): { kx: number; ox: number; ky: number; oy: number } {
  const ws = TILE * 2 ** c.zoom;
  return {
    kx: ws / 360,
    ox: (180 / 360) * ws - (mercX(c.lon) * ws - width / 2),
    ky: ws,
    oy: -(mercY(c.lat) * ws - height / 2),
  };
}
