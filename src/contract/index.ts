/**
 * The data contract (floor 0): levels, the tables of public/data with their row types and columns, the
 * catalogue type, and the paths of the files the pipeline writes. Imported by the pipeline, the app, the CLIs
 * and the tests; imports nothing from the project.
 */
export * from './levels';
export * from './catalogue';
export * from './tables';
export * from './paths';
export * from './groupings';
export * from './profiles';
