/// <reference lib="webworker" />
/** Parse, validate and match keys off the main thread (the page stays responsive on big files). */
import { buildLookup, type TerritoryLookup } from './core/keys';
import { importBytes } from './core/importFile';
import type { TerritoryRef } from './core/types';

let look: TerritoryLookup | null = null;
let lookKey = '';

export type WorkerRequest = { id: number; bytes: ArrayBuffer; fileName: string; territories?: TerritoryRef[]; cadastral?: [string, string][] | null };

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { id, bytes, fileName, territories, cadastral } = e.data;
  if (territories) {
    const key = `${territories.length}:${cadastral?.length ?? 0}`;
    if (key !== lookKey || !look) {
      look = buildLookup(territories, cadastral ? new Map(cadastral) : null);
      lookKey = key;
    }
  }
  if (!look) {
    (self as unknown as Worker).postMessage({ id, outcome: { ok: false, fileName, problem: { code: 'unreadable', severity: 'error', count: 0, rows: [], values: [], detail: 'no territories' } } });
    return;
  }
  const outcome = await importBytes(new Uint8Array(bytes), fileName, look, () => performance.now());
  (self as unknown as Worker).postMessage({ id, outcome });
};
