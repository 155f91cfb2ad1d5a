/** What the data pipeline writes, as paths relative to the site's base (public/ in the repository). */
import type { MapLevel } from './levels';

export const DATA_FILES = {
  catalogue: 'data/catalogue.json',
  territories: 'data/territories.parquet',
  indicators: 'data/indicators.parquet',
  services: 'data/services.parquet',
  servicesCatalogue: 'data/services_catalogue.json',
  codes: 'data/codes.json',
  buildReport: 'data/build-report.json',
  groupings: 'data/groupings.json',
} as const;

/** Boundary files per map level (TopoJSON): the open file for everything but the first map. */
export const GEO_FILES: Record<MapLevel, string> = {
  region: 'geo/regions.topo.json',
  province: 'geo/provinces.topo.json',
  comune: 'geo/comuni.topo.json',
  sll: 'geo/sll.topo.json',
  nuts2: 'geo/nuts2.topo.json',
};

/**
 * The same boundaries packed (src/core/geometry/topoPack.ts, gzip-compressed file), read by the geometry worker
 * for the first map.
 */
export const COMUNI_PACKED = 'geo/comuni.ctb.gz';
export const GEO_PACKED: Partial<Record<MapLevel, string>> = { comune: COMUNI_PACKED };
