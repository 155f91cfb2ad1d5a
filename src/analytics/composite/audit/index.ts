export * from './stats';
export * from './sobol';
export * from './audit';
