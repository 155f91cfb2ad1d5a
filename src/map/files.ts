/** Boundary files per map level, built by the data pipeline (public/geo/): see src/contract/paths.ts. */
export { GEO_FILES, GEO_PACKED } from '../contract';
