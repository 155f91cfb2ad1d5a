/**
 * The comune boundaries are the heaviest part of the first map: their worker is started by index.html's
 * inline script (or, in development, by the boot script main.ts), before the app's own JavaScript has
 * loaded; it fetches and decodes the file itself, so the bytes never wait for the busy main thread. The
 * app takes the worker over (`takeGeometry`), with any message it has already sent.
 */
import GeometryWorker from './geometry.worker.ts?worker';
import type { GeoLevel as Level } from './files';
import { GEOMETRY_GLOBAL, type GeometryStart } from '../contract/firstPicture';

export type GeometryMessage = {
  ok: boolean;
  phase?: 'rings' | 'paths' | 'triangles';
  /** the path of each feature in the reference projection (prepaint.ts) */
  paths?: string[];
  binary?: import('../core/geometry/binary').BinaryBoundaries;
  indices?: Uint32Array;
  error?: string;
};

export interface GeometryJob {
  level: Level;
  url: string;
  worker: Worker;
  /** messages received before `listen` */
  queue: GeometryMessage[];
  listen(fn: (m: GeometryMessage) => void): void;
  /** stop the worker */
  close(): void;
}

let trianglesWanted = false;
const live = new Set<Worker>();
/**
 * MapLibre is starting: the workers may triangulate now. Before, they keep still, so that the two cores
 * of an ordinary laptop go to the first picture and its frame, not to triangles nobody draws yet.
 */
export function startTriangles(): void {
  if (trianglesWanted) return;
  trianglesWanted = true;
  for (const w of live) w.postMessage({ triangulate: true });
}

/** The worker started by index.html's inline script for the comune view (built app only). */
type EarlyGeometry = { level: Level; url: string; worker: Worker; queue: GeometryMessage[] };

/** A job around a running worker; `queue` holds what it has said already. */
function wrap(level: Level, url: string, worker: Worker, queue: GeometryMessage[] = []): GeometryJob {
  let listener: ((m: GeometryMessage) => void) | null = null;
  const job: GeometryJob = {
    level,
    url,
    worker,
    queue,
    listen(fn) {
      listener = fn;
      for (const m of job.queue.splice(0)) fn(m);
    },
    close() {
      live.delete(worker);
      worker.terminate();
    },
  };
  live.add(worker);
  if (trianglesWanted) worker.postMessage({ triangulate: true });
  const deliver = (m: GeometryMessage) => (listener ? listener(m) : job.queue.push(m));
  worker.onmessage = (e: MessageEvent<GeometryMessage>) => deliver(e.data);
  worker.onerror = (e) => deliver({ ok: false, error: `${url}: ${e.message || 'the geometry worker failed'}` });
  return job;
}

/**
 * Start a worker that fetches and decodes `url` itself (the bytes never pass through the main thread):
 * TopoJSON, or a packed topology when the name ends in `.ctb.gz`.
 */
export function geometryJob(level: Level, url: string): GeometryJob {
  const worker = new GeometryWorker();
  const job = wrap(level, url, worker);
  const start: GeometryStart = { name: url, url: new URL(url, location.href).href, packed: /\.ctb\.gz$/.test(url) };
  worker.postMessage(start);
  return job;
}

let early: GeometryJob | null = null;

/**
 * Called by the boot script: the comune view starts its boundaries at once (`file`: the packed file).
 * The built app's index.html has already started the worker (it knows the worker's file name): adopt it.
 */
export function startEarly(search: string, base: string, file: string): void {
  if (new URLSearchParams(search).get('level') !== 'comune') return;
  const w = window as unknown as Record<string, EarlyGeometry | undefined>;
  const g = w[GEOMETRY_GLOBAL];
  delete w[GEOMETRY_GLOBAL];
  early =
    g && g.level === 'comune' && g.url === base + file
      ? wrap(g.level, g.url, g.worker, g.queue)
      : geometryJob('comune', base + file);
}

/** The job started early for this level and file, if any (once). */
export function takeGeometry(level: Level, url: string): GeometryJob | null {
  const j = early;
  if (!j || j.level !== level || j.url !== url) return null;
  early = null;
  return j;
}
