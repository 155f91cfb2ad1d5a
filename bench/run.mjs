#!/usr/bin/env node
// Coefficienti benchmark (`npm run bench` = `npm run build && node bench/run.mjs`).
//
// Serves the built app (dist/) and a generated BASELINE page (plain MapLibre + unsimplified comune
// GeoJSON, see lib/baseline.mjs) with scripts/serve.mjs (gzip on for both; the office figures' baseline also
// without compression, as issue 12 measured it), drives headless Chromium
// (tests/e2e/browser.mjs) and runs every figure module in bench/figures/*.mjs (in file-name order).
// A figure module's default export is `async (ctx) => figure[]` (see README.md for ctx and the shape).
// Prints one `bench <name>: …` line per figure and writes bench/results.json.
//
// Environment: BENCH_RUNS (default 5), BENCH_BASELINE_RUNS (default = BENCH_RUNS; lowered to 3 if
// a baseline load takes > 30 s), BENCH_TIMEOUT (s, per app load, default 60), BENCH_BASELINE_TIMEOUT
// (s, default 150), BENCH_DIST (default dist), BENCH_ONLY (comma-separated figure module names).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { buildBaseline } from './lib/baseline.mjs';
import { formatFigure } from './lib/util.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..');
const WORK = path.join(BENCH, '.work');
const RESULTS = path.join(BENCH, 'results.json');
const TOTAL_LIMIT_MS = 15 * 60_000; // hard stop: the bench should take ~2–5 minutes

const int = (name, dflt) => {
  const v = process.env[name];
  if (v == null || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer (got ${JSON.stringify(v)})`);
  return n;
};

async function main() {
  const started = Date.now();
  const runs = int('BENCH_RUNS', 5);
  const baselineRunsEnv = process.env.BENCH_BASELINE_RUNS;
  const baselineRuns = int('BENCH_BASELINE_RUNS', runs);
  const dist = path.resolve(REPO, process.env.BENCH_DIST ?? 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html')))
    throw new Error(
      `${path.relative(REPO, dist) || dist}/index.html not found: build the app first (\`npm run build\`, or \`npx vite build\`)`,
    );

  const log = (m) => console.error(m); // progress on stderr, figures on stdout
  const notes = [];
  log(`bench: preparing the baseline page (${path.relative(REPO, WORK)}/baseline) …`);
  const base = buildBaseline(REPO, WORK);
  log(
    `bench: baseline GeoJSON ${(base.bytes / 1e6).toFixed(1)} MB from ${base.files} province files${base.features != null ? ` (${base.features} comuni, merged now)` : ''}`,
  );

  const appServer = await serve(dist, { gzip: true });
  const baseServer = await serve(base.dir, { gzip: true, csp: false });
  // the same page as issue 12 measured it on the office line (42.5 s): the GeoJSON as it is, no compression
  const rawServer = await serve(base.dir, { gzip: false, csp: false });
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
  let browser;
  let baselineRunsDone = null;
  const figures = [];
  let failed = false;
  try {
    browser = await launch();
    const ctx = {
      browser,
      repo: REPO,
      app: { url: appServer.url, root: dist, stats: appServer.stats },
      baseline: { url: baseServer.url, root: base.dir, stats: baseServer.stats },
      baselineUncompressed: { url: rawServer.url, root: base.dir, stats: rawServer.stats },
      runs,
      baselineRuns,
      baselineRunsFixed: baselineRunsEnv != null && baselineRunsEnv !== '',
      timeout: int('BENCH_TIMEOUT', 60) * 1000,
      baselineTimeout: int('BENCH_BASELINE_TIMEOUT', 150) * 1000,
      log,
      note: (m) => {
        notes.push(m);
        log(`bench: ${m}`);
      },
    };
    const modules = fs
      .readdirSync(path.join(BENCH, 'figures'))
      .filter((f) => f.endsWith('.mjs'))
      .sort()
      .filter((f) => !only || only.has(f.replace(/\.mjs$/, '')));
    if (modules.length === 0) throw new Error('no figure modules selected in bench/figures/');
    log(
      `bench: ${runs} runs (baseline ${baselineRuns}), Chromium headless (SwiftShader), app ${appServer.url}, baseline ${baseServer.url}`,
    );
    for (const file of modules) {
      const name = file.replace(/\.mjs$/, '');
      log(`bench: figures/${file}`);
      const t = Date.now();
      try {
        const mod = await import(pathToFileURL(path.join(BENCH, 'figures', file)).href);
        if (typeof mod.default !== 'function') throw new Error(`figures/${file} has no default export function`);
        const out = await withTimeout(mod.default(ctx), TOTAL_LIMIT_MS - (Date.now() - started), `figures/${file}`);
        for (const f of [].concat(out ?? [])) figures.push({ module: name, ...f });
      } catch (e) {
        figures.push({ module: name, name, error: e.message });
      }
      log(`bench: figures/${file} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    baselineRunsDone = ctx.baselineRunsDone ?? null;
    if (ctx.baselineRunsDone != null && ctx.baselineRunsDone !== runs)
      notes.push(`baseline medians over ${ctx.baselineRunsDone} runs, app over ${runs}`);
  } finally {
    await browser?.close().catch(() => {});
    await appServer.close();
    await baseServer.close();
    await rawServer.close();
  }

  // report
  for (const f of figures) {
    if (f.error) {
      failed = true;
      console.log(`bench ${f.name}: FAILED | ${f.error}`);
      continue;
    }
    console.log(formatFigure(f));
    for (const line of f.info ?? []) console.log(`  info ${f.name}: ${line}`);
  }
  for (const n of notes) console.log(`  note: ${n}`);
  const elapsed = (Date.now() - started) / 1000;
  console.log(
    `bench: ${figures.filter((f) => !f.error).length} figures, ${figures.filter((f) => f.verdict === 'over').length} over budget, ${figures.filter((f) => f.error).length} failed, ${runs} runs, ${elapsed.toFixed(0)} s`,
  );

  // BENCH_ONLY: the figures of the modules not run are kept from the previous results, with their own date
  const ran = new Set(figures.map((f) => f.module));
  const kept = only && fs.existsSync(RESULTS) ? previousFigures(RESULTS, ran) : [];
  const results = {
    date: new Date().toISOString(),
    ...(only ? { only: [...ran], keptFromEarlierRuns: kept.length } : {}),
    runs,
    baselineRuns: baselineRunsDone ?? baselineRuns,
    environment: {
      node: process.version,
      dist: path.relative(REPO, dist),
      renderer: 'headless Chromium, SwiftShader (software WebGL)',
      elapsedSeconds: Math.round(elapsed),
    },
    notes,
    figures: [...figures.map(({ module, ...f }) => ({ ...f, module })), ...kept],
  };
  fs.writeFileSync(RESULTS + '.tmp', JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(RESULTS + '.tmp', RESULTS);
  return failed ? 1 : 0;
}

/** the figures of an earlier results file whose module was not run now, each with the date it was measured */
function previousFigures(file, ran) {
  const prev = JSON.parse(fs.readFileSync(file, 'utf8'));
  return (prev.figures ?? [])
    .filter((f) => !ran.has(f.module))
    .map((f) => ({ ...f, measuredAt: f.measuredAt ?? prev.date }));
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise(
      (_, reject) =>
        (timer = setTimeout(
          () => reject(new Error(`${what}: timed out after ${Math.round(ms / 1000)} s`)),
          Math.max(ms, 1000),
        )),
    ),
  ]).finally(() => clearTimeout(timer));
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench: FAILED: ${e.stack ?? e.message}`);
    process.exit(2);
  },
);
