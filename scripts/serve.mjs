// A tiny static file server for the built app (tests, benchmark): correct MIME types, gzip like a
// typical static host, and a count of the bytes sent. No dependencies.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.geojson']);

// The policy of the atlas's workers (the same string as WORKER_POLICY in src/boot/csp.ts; a test keeps them
// equal): a worker takes the Content-Security-Policy of its script's response, not the page's meta tag.
export const WORKER_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; font-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'none'; manifest-src 'self'";

// An emulated slow link for every request of every page and worker (the browser's own emulation reaches
// the page only): `throttle: { latencyMs, bytesPerSecond }` delays each answer by the round trip and sends
// all bodies through one shared link of that speed.
function slowLink({ latencyMs = 40, bytesPerSecond = 10e6 / 8 } = {}) {
  let freeAt = 0;
  return (res, body) => {
    const start = Date.now() + latencyMs;
    const CHUNK = 16 * 1024;
    let at = Math.max(start, freeAt);
    const parts = [];
    for (let i = 0; i < body.length; i += CHUNK) {
      const part = body.subarray(i, i + CHUNK);
      at += (part.length / bytesPerSecond) * 1000;
      parts.push([part, at]);
    }
    freeAt = at;
    const next = () => {
      const p = parts.shift();
      if (!p) return void res.end();
      setTimeout(
        () => {
          res.write(p[0]);
          next();
        },
        Math.max(0, p[1] - Date.now()),
      );
    };
    if (parts.length === 0) setTimeout(() => res.end(), latencyMs);
    else next();
  };
}

/** The response headers of a file: its type, its length, ranges accepted, never cached (tests measure every byte). */
function head(ext, length, extra = {}) {
  return {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': length,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    ...extra,
  };
}

export function serve(rootDir, { port = 0, gzip = true, csp = true, throttle = null } = {}) {
  const root = path.resolve(rootDir);
  const send = throttle ? slowLink(throttle) : (res, body) => res.end(body);
  const cache = new Map();
  const stats = { bytes: 0, requests: 0, sent: [] };
  const count = (pathname, bytes) => {
    stats.bytes += bytes;
    stats.requests++;
    stats.sent.push({ path: pathname, bytes });
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    const size = fs.statSync(file).size;
    // every file but the page itself carries the workers' policy (the page writes its own, see index.html)
    if (csp && ext !== '.html') res.setHeader('content-security-policy', WORKER_POLICY);
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
    if (range && (range[1] || range[2])) {
      // partial content (Parquet readers fetch the footer and single column chunks)
      let start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      let end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
      if (start > end || start >= size) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      const body = Buffer.alloc(end - start + 1);
      const fd = fs.openSync(file, 'r');
      fs.readSync(fd, body, 0, body.length, start);
      fs.closeSync(fd);
      count(url.pathname, body.length);
      res.writeHead(206, head(ext, body.length, { 'content-range': `bytes ${start}-${end}/${size}` }));
      if (req.method === 'HEAD') res.end();
      else send(res, body);
      return;
    }
    const wantsGzip = gzip && COMPRESSIBLE.has(ext) && /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
    if (req.method === 'HEAD') {
      res.writeHead(200, head(ext, size));
      res.end();
      return;
    }
    let body;
    if (wantsGzip) {
      body = cache.get(file);
      if (!body) cache.set(file, (body = zlib.gzipSync(fs.readFileSync(file), { level: 6 })));
    } else body = fs.readFileSync(file);
    count(url.pathname, body.length);
    res.writeHead(200, head(ext, body.length, wantsGzip ? { 'content-encoding': 'gzip' } : {}));
    send(res, body);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ url: `http://127.0.0.1:${p}/`, stats, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4173);
  serve(root, { port }).then((s) => console.log(`Coefficienti is at ${s.url} (serving ${root}; Ctrl+C to stop)`));
}
