export * from './classify/index';
export * from './palettes';
export * from './levels';
export * from './rank';
export * from './format';
export * from './text';
