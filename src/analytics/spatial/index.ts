/** Spatial autocorrelation: weights, global Moran's I, LISA, FDR (pure; see docs/spatial.md). */
export * from './weights';
export * from './moran';
export * from './lisa';
export * from './fdr';
export * from './normal';
export * from './analyse';
export * from './table';
