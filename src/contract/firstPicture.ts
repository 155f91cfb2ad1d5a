/**
 * The first picture's protocol, written once: index.html's inline script starts these requests (and the
 * comune boundaries' worker) before the app's JavaScript has loaded, and the app takes each response by
 * the same key. The build injects `FIRST_PICTURE` into index.html (vite.config.ts, `firstPictureContract`);
 * tests/boot/firstPicture.test.ts runs that script and fails if a key it makes is not one the app asks for.
 * Plain data only: the inline script is ES5 and cannot import. The file names come from paths.ts.
 */
import { COMUNI_PACKED, DATA_FILES, GEO_FILES } from './paths.ts';

/** Boundaries the inline script may fetch per map level (the comune file is packed and read by a worker). */
export const FIRST_GEO = {
  region: GEO_FILES.region,
  province: GEO_FILES.province,
  comune: COMUNI_PACKED,
  sll: GEO_FILES.sll,
  nuts2: GEO_FILES.nuts2,
} as const;

export const CATALOGUE_FILE = DATA_FILES.catalogue;
export const TERRITORIES_FILE = DATA_FILES.territories;
export const INDICATORS_FILE = DATA_FILES.indicators;

/** Bytes of a Parquet file's end read in the first request (footer and page index), as a suffix range. */
export const FOOTER_BYTES = 32 * 1024;
export const FOOTER_RANGE = `bytes=-${FOOTER_BYTES}`;

/** The global the inline script fills with `{ [key]: Promise<Response> }` (key: `earlyKey`). */
export const EARLY_GLOBAL = '__early';
/** The global holding the comune geometry worker the inline script started (see `EarlyGeometry`). */
export const GEOMETRY_GLOBAL = '__geometry';
/** Replaced by the build with the geometry worker's file name; left as is in development. */
export const GEOMETRY_WORKER_PLACEHOLDER = '__GEOMETRY_WORKER__';

/** The key of a prefetched response: the URL's path, then `#` and the Range header if any. */
export function earlyKey(pathname: string, range?: string | null): string {
  return pathname + (range ? `#${range}` : '');
}

/** The job message the geometry worker is started with (src/map/geometry.worker.ts). */
export interface GeometryStart {
  /** the file's name relative to the page (`./geo/…`), which the app looks the job up by */
  name: string;
  /** absolute URL the worker fetches */
  url: string;
  packed: boolean;
}

/** What index.html needs, injected by the build as one JSON object (`var fp = …`). */
export const FIRST_PICTURE = {
  geo: FIRST_GEO,
  catalogue: CATALOGUE_FILE,
  parquet: [TERRITORIES_FILE, INDICATORS_FILE],
  footerRange: FOOTER_RANGE,
  early: EARLY_GLOBAL,
  geometry: GEOMETRY_GLOBAL,
} as const;

/** Where index.html's inline script receives `FIRST_PICTURE` (a string literal, replaced whole). */
export const FIRST_PICTURE_PLACEHOLDER = "'__FIRST_PICTURE__'";

/** index.html with the constants written in (the build's and the dev server's transform). */
export function writeFirstPicture(html: string): string {
  if (!html.includes(FIRST_PICTURE_PLACEHOLDER)) throw new Error('index.html: no first-picture placeholder');
  return html.replace(FIRST_PICTURE_PLACEHOLDER, () => JSON.stringify(FIRST_PICTURE));
}
