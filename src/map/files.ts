/** Boundary files per map level, built by the data pipeline (public/geo/). */
import type { Level as TerritoryLevel } from '../analytics/levels';
import { FIRST_GEO } from '../contract/firstPicture';

/** the levels drawn as boundaries (every level but Italy) */
export type GeoLevel = Exclude<TerritoryLevel, 'italy'>;
type Level = GeoLevel;

export const GEO_FILES: Record<Level, string> = {
  region: FIRST_GEO.region,
  province: FIRST_GEO.province,
  comune: 'geo/comuni.topo.json',
};

/**
 * The same boundaries packed (src/core/geometry/topoPack.ts, gzip-compressed file), read by the geometry worker
 * for the first map; the TopoJSON stays the open file for everything else.
 */
export const GEO_PACKED: Partial<Record<Level, string>> = {
  comune: FIRST_GEO.comune,
};
