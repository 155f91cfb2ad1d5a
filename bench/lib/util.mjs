// Small shared helpers for the benchmark figures.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const KB = 1000; // kilobytes are 1000 bytes, like Vite's build report

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// same types as scripts/serve.mjs gzips (it does not export its list)
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.geojson']);
const sizeCache = new Map();

/** Bytes scripts/serve.mjs sends for a URL served from `root` (gzip level 6 for compressible types). */
export function servedSize(root, url) {
  let rel = decodeURIComponent(new URL(url).pathname);
  let file = path.join(root, rel);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (sizeCache.has(file)) return sizeCache.get(file);
  if (!fs.existsSync(file)) return null;
  const buf = fs.readFileSync(file);
  const n = COMPRESSIBLE.has(path.extname(file)) ? zlib.gzipSync(buf, { level: 6 }).length : buf.length;
  sizeCache.set(file, n);
  return n;
}

/** Body bytes of a request as sent on the wire; Playwright reports 0 for worker scripts, so fall back to the served size. */
export function wireBytes(root, req) {
  if (req.encoded && req.encoded > 0) return req.encoded;
  return servedSize(root, req.url) ?? 0;
}

export const isJs = (url) => /\.(m?js)(\?|#|$)/.test(new URL(url).pathname);

/**
 * A figure as printed and stored. `budget` is a maximum ratio (value / baseline).
 * Returns the object written to results.json.
 */
export function makeFigure({
  name,
  samples,
  unit,
  baselineSamples,
  baseline,
  baselineUnit = unit,
  budget,
  notes = [],
  details,
}) {
  const med = median(samples);
  const base = baseline ?? median(baselineSamples ?? []);
  if (med == null) throw new Error(`${name}: no valid samples`);
  if (base == null || base === 0) throw new Error(`${name}: no valid baseline`);
  const ratio = med / base;
  return {
    name,
    median: round(med, unit),
    unit,
    baseline: round(base, baselineUnit),
    baselineUnit,
    ratio: Number(ratio.toFixed(3)),
    budget: `≤ ${budget}`,
    verdict: ratio <= budget ? 'ok' : 'over',
    samples: samples.map((x) => round(x, unit)),
    baselineSamples: (baselineSamples ?? [base]).map((x) => round(x, baselineUnit)),
    notes,
    ...(details ? { details } : {}),
  };
}

function round(x, unit) {
  if (typeof x !== 'number') return x;
  return unit === 'ms' ? Math.round(x) : Number(x.toFixed(1));
}

export function formatFigure(f) {
  const n = (x) => (Math.abs(x) >= 100 ? String(Math.round(x)) : String(x));
  return `bench ${f.name}: ${n(f.median)} ${f.unit} | baseline ${n(f.baseline)} ${f.baselineUnit} | ratio ${f.ratio.toFixed(3)} | budget ${f.budget} | ${f.verdict}`;
}
