/** The coefficient views: one lazily loaded chunk (not in the first bundle). */
export { CoefficientModel } from './model.svelte';
export { default as CoefficientPanel } from './CoefficientPanel.svelte';
export { default as RankingTable } from './RankingTable.svelte';
export { default as Breakdown } from './Breakdown.svelte';
export { default as MethodPage } from './MethodPage.svelte';
