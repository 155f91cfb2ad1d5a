/** The coefficient views: one lazily loaded chunk (see mode.ts). */
export { CoefficientModel } from './model.svelte';
export { default } from './mode';
