export * from './stats';
export * from './sobol';
export * from './audit';
export * from './report';
