/** At start-up (after the first map): re-apply the datasets kept in IndexedDB, so every view sees them. */
import type { Hub } from '../modes/types';
import { datasets } from './datasets.svelte';

export function restoreImports(hub: Hub): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return datasets(hub).restore();
}
