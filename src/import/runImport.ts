/** The import worker, started once; the territories are sent with the first file. */
import ImportWorker from './import.worker.ts?worker';
import type { ImportOutcome, TerritoryRef } from './core/types';
import type { Territory } from '../analytics/catalogue';
import { MAX_FILE_BYTES } from './core/limits';

let worker: Worker | null = null;
let sent = '';
let seq = 0;
const pending = new Map<number, (o: ImportOutcome) => void>();

const refs = (ts: readonly Territory[]): TerritoryRef[] =>
  ts.map((t) => ({ level: t.level, code: t.code, name: t.name, province_code: t.province_code, region_code: t.region_code, population: t.population, lon: t.lon, lat: t.lat }));

export async function runImport(file: File, territories: readonly Territory[], cadastral: Map<string, string> | null): Promise<{ outcome: ImportOutcome; bytes: ArrayBuffer }> {
  if (file.size > MAX_FILE_BYTES)
    return { outcome: { ok: false, fileName: file.name, problem: { code: 'too_large', severity: 'error', count: 0, rows: [], values: [], detail: String(file.size) } }, bytes: new ArrayBuffer(0) };
  const bytes = await file.arrayBuffer();
  const copy = bytes.slice(0); // the original is kept for persistence; the copy is transferred
  if (!worker) {
    worker = new ImportWorker();
    worker.onmessage = (e: MessageEvent<{ id: number; outcome: ImportOutcome }>) => {
      pending.get(e.data.id)?.(e.data.outcome);
      pending.delete(e.data.id);
    };
    worker.onerror = (e) => {
      for (const [, done] of pending) done({ ok: false, fileName: file.name, problem: { code: 'unreadable', severity: 'error', count: 0, rows: [], values: [], detail: e.message } });
      pending.clear();
      worker?.terminate();
      worker = null;
      sent = '';
    };
  }
  const key = `${territories.length}:${cadastral?.size ?? 0}`;
  const id = ++seq;
  const outcome = await new Promise<ImportOutcome>((resolve) => {
    pending.set(id, resolve);
    const msg = { id, bytes: copy, fileName: file.name, ...(key !== sent ? { territories: refs(territories), cadastral: cadastral ? [...cadastral] : null } : {}) };
    sent = key;
    worker!.postMessage(msg, [copy]);
  });
  return { outcome, bytes };
}

/**
 * public/data/codes.json → its `cadastral_to_comune` ({"H501": "058091", …}), built by the data pipeline;
 * asked for only when a file has cadastral-looking codes.
 */
let cadastralPromise: Promise<Map<string, string> | null> | null = null;
export function loadCadastral(base = './'): Promise<Map<string, string> | null> {
  cadastralPromise ??= fetch(`${base}data/codes.json`)
    .then(async (r) => {
      if (!r.ok) return null;
      const j = (await r.json()) as { cadastral_to_comune?: Record<string, string> };
      return j.cadastral_to_comune ? new Map(Object.entries(j.cadastral_to_comune)) : null;
    })
    .catch(() => null);
  return cadastralPromise;
}
