/** Boundary files per map level, built by the data pipeline (public/geo/): see src/contract/paths.ts. */
import type { MapLevel } from '../contract';

export { GEO_FILES, GEO_PACKED } from '../contract';
/** the levels drawn as boundaries (every level but Italy) */
export type GeoLevel = MapLevel;
