/**
 * The service worker (built to dist/sw.js by vite.config.ts, which writes the list of the build's files and
 * a version into it): a second visit opens with no network. Every file of the release is cached on install
 * — app, workers, DuckDB-WASM, boundaries, data, stories, templates — and served from the cache first; a
 * range request (the Parquet reader's footers and column chunks) is answered from the cached file with the
 * bytes asked for. A new release waits until the page says "update" (the page shows the prompt). Same-origin
 * GET requests only; nothing is ever sent anywhere.
 */
export {};

const sw = self as unknown as ServiceWorkerGlobalScope;
/** written by the build: the release's files (relative to the worker) and its version */
const PRECACHE: string[] = (self as unknown as { __PRECACHE__: string[] }).__PRECACHE__;
const VERSION: string = (self as unknown as { __VERSION__: string }).__VERSION__;
const CACHE = `coefficienti-${VERSION}`;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // one by one in small groups: an office line should not be flooded while the atlas is in use
      for (let i = 0; i < PRECACHE.length; i += 4)
        await cache.addAll(PRECACHE.slice(i, i + 4).map((p) => new Request(p, { cache: 'no-store' })));
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const k of await caches.keys()) if (k.startsWith('coefficienti-') && k !== CACHE) await caches.delete(k);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const msg = event.data as { type?: string } | null;
  if (msg?.type === 'update') void sw.skipWaiting();
  if (msg?.type === 'version') event.source?.postMessage({ type: 'version', version: VERSION, files: PRECACHE.length });
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== sw.location.origin) return;
  event.respondWith(answer(req, url));
});

async function answer(req: Request, url: URL): Promise<Response> {
  const cache = await caches.open(CACHE);
  // the page (any query string: the view is in the URL) is index.html
  const key = req.mode === 'navigate' ? new URL('./index.html', sw.location.href).href : url.origin + url.pathname;
  const hit = await cache.match(key);
  if (!hit) return fetch(req);
  const range = req.headers.get('range');
  return range ? slice(hit, range) : hit;
}

/** A 206 answer with the bytes of `range` (bytes=a-b, bytes=a-, bytes=-n) of a cached full file. */
async function slice(full: Response, range: string): Promise<Response> {
  const body = await full.arrayBuffer();
  const size = body.byteLength;
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!m || (!m[1] && !m[2])) return new Response(body, { status: 200, headers: full.headers });
  let start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
  const end = m[1] && m[2] ? Math.min(size - 1, Number(m[2])) : size - 1;
  if (start >= size || start > end)
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
  start = Math.max(0, start);
  const headers = new Headers(full.headers);
  headers.set('content-range', `bytes ${start}-${end}/${size}`);
  headers.set('content-length', String(end - start + 1));
  headers.delete('content-encoding');
  return new Response(body.slice(start, end + 1), { status: 206, headers });
}
