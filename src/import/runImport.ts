/**
 * The import worker, started once; the territories are sent with the first file. The worker reads the
 * file and transfers its bytes back (never copied); it answers with the report and the first
 * rows, and keeps the whole imported form until the user chooses a use (buildUse).
 */
import ImportWorker from './import.worker.ts?worker';
import type { ImportOutcome, TerritoryRef } from './core/types';
import type { Territory } from '../analytics/catalogue';
import type { UseRequest, UseResult, WorkerRequest, WorkerResponse } from './protocol';
import { MAX_FILE_BYTES } from './core/limits';
import { failedOutcome } from './core/types';
import type { BlobbedRows } from './packed';
import { importProgress } from './progress.svelte';

/** The picked File behind the bytes runImport gives back: IndexedDB stores it without a copy on the page. */
export const fileOf = new WeakMap<ArrayBuffer, Blob>();

let worker: Worker | null = null;
let sent = '';
let seq = 0;
const pending = new Map<number, { done: (m: WorkerResponse) => void; fail: (message: string) => void }>();

const refs = (ts: readonly Territory[]): TerritoryRef[] =>
  ts.map((t) => ({
    level: t.level,
    code: t.code,
    name: t.name,
    province_code: t.province_code,
    region_code: t.region_code,
    population: t.population,
    lon: t.lon,
    lat: t.lat,
  }));

function start(): Worker {
  if (worker) return worker;
  const w = new ImportWorker();
  w.onmessage = (e: MessageEvent<WorkerResponse>) => {
    if (e.data.type === 'progress') {
      if (pending.has(e.data.id)) importProgress.set(e.data.phase, null, cancelWorker);
      return;
    }
    pending.get(e.data.id)?.done(e.data);
    pending.delete(e.data.id);
  };
  w.onerror = (e) => {
    for (const [, p] of pending) p.fail(e.message);
    pending.clear();
    w.terminate();
    worker = null;
    sent = '';
  };
  worker = w;
  return w;
}

/** Cancel: the worker is terminated (its work really stops); the next file starts a new one. */
export function cancelWorker(): void {
  if (!worker) return;
  worker.terminate();
  worker = null;
  sent = '';
  for (const [, p] of pending) p.fail('cancelled');
  pending.clear();
}

function ask(
  msg: WorkerRequest,
  transfer: Transferable[],
  fail: (message: string) => WorkerResponse,
): Promise<WorkerResponse> {
  const w = start();
  return new Promise((resolve) => {
    pending.set(msg.id, { done: resolve, fail: (m) => resolve(fail(m)) });
    w.postMessage(msg, transfer);
  });
}

export interface Imported {
  outcome: ImportOutcome;
  /** the original file, kept for persistence and the SQL console */
  bytes: ArrayBuffer;
  /** to ask the worker for a use of this file (buildUse) */
  importId: number;
}

/** Start the worker and send the territories while the user picks a file (the first import is then quicker). */
export function prepareImport(territories: readonly Territory[]): void {
  const key = `${territories.length}:0`;
  if (key === sent) return;
  const w = start();
  sent = key;
  w.postMessage({
    type: 'prepare',
    id: ++seq,
    territories: refs(territories),
    cadastral: null,
  } satisfies WorkerRequest);
}

export async function runImport(
  file: File,
  territories: readonly Territory[],
  cadastral: Map<string, string> | null,
): Promise<Imported> {
  if (file.size > MAX_FILE_BYTES)
    return {
      outcome: failedOutcome(file.name, String(file.size), 'too_large'),
      bytes: new ArrayBuffer(0),
      importId: 0,
    };
  const key = `${territories.length}:${cadastral?.size ?? 0}`;
  const id = ++seq;
  importProgress.begin(file.name);
  importProgress.set('reading', null, cancelWorker);
  const msg: WorkerRequest = {
    type: 'import',
    id,
    file,
    fileName: file.name,
    ...(key !== sent ? { territories: refs(territories), cadastral: cadastral ? [...cadastral] : null } : {}),
  };
  sent = key;
  const r = await ask(msg, [], (message) => ({
    type: 'import',
    id,
    bytes: new ArrayBuffer(0),
    outcome: failedOutcome(file.name, message),
  }));
  importProgress.done();
  if (r.type !== 'import') throw new Error('import worker: unexpected answer');
  const bytes = r.bytes.byteLength || !file.size ? r.bytes : await file.arrayBuffer();
  fileOf.set(bytes, file);
  return { outcome: r.outcome, bytes, importId: id };
}

/** Indicator rows as one Arrow IPC stream for DuckDB, written in the worker (see packed.ts toArrowColumns). */
export async function fileForDb(blobs: BlobbedRows): Promise<Uint8Array> {
  const id = ++seq;
  const r = await ask({ type: 'dbfile', id, blobs }, [], (message) => ({ type: 'dbfile', id, error: message }));
  if (r.type !== 'dbfile' || !r.bytes)
    throw new Error(`import: ${r.type === 'dbfile' ? r.error : 'unexpected answer'}`);
  return r.bytes;
}

/** The worker no longer holds that file (another file was imported since, or the worker restarted). */
export class ImportGone extends Error {}

/** The chosen use of the last imported file, built in the worker. */
export async function buildUse(importId: number, use: UseRequest): Promise<UseResult> {
  const id = ++seq;
  importProgress.begin(importProgress.file);
  importProgress.set('building', null, cancelWorker);
  const r = await ask({ type: 'build', id, importId, use }, [], (message) => ({ type: 'build', id, error: message }));
  if (r.type !== 'build' || !r.result) {
    importProgress.done();
    // cancelled: the worker was terminated, it no longer holds the file
    if (r.type === 'build' && (r.error === 'gone' || r.error === 'cancelled')) throw new ImportGone(r.error);
    throw new Error(`import: ${r.type === 'build' ? r.error : 'unexpected answer'}`);
  }
  importProgress.done();
  return r.result;
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
