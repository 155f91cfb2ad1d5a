// Over 300 lines: the load figures share one page session: first paint, comune layer, bytes, initial JS.
// Load figures: first map paint, comune layer, bytes of the comune view, initial JavaScript.
// App and baseline loads are interleaved run by run (each in a fresh browser context) so that
// background load on the machine hits both alike.
import { comuneInteractive, loadPage, withRetries } from '../lib/page.mjs';
import { KB, isJs, makeFigure, median, servedSize, wireBytes } from '../lib/util.mjs';

const WORKER = /worker/i;
const DUCKDB = /duckdb/;
const JS_BUDGET_KB = 500;

export default async function loadFigures(ctx) {
  const { browser, app, baseline, log } = ctx;
  ctx.retries ??= {};
  // prepaint-*: the first picture, drawn as SVG while MapLibre starts (src/map/Prepaint.svelte);
  // map-base-painted / layer-*: MapLibre has drawn it (the map is interactive)
  const marks = [
    'prepaint-base',
    'prepaint-layer-comune',
    'map-base-painted',
    'layer-region',
    'layer-province',
    'layer-comune',
  ];
  const kinds = {
    // '/': first paint of the boundaries; keep the page open until DuckDB has started (its first
    // request) so that "JS before DuckDB" is complete
    root: {
      runs: ctx.runs,
      load: () =>
        loadPage(browser, app.url, {
          ready: () => document.body?.dataset.mapBase === '1',
          then: () =>
            document.body.dataset.db === 'ready' ||
            performance.getEntriesByType('resource').some((e) => /duckdb/.test(e.name)),
          thenTimeout: 20_000,
          marks,
          timeout: ctx.timeout,
        }),
    },
    comune: {
      runs: ctx.runs,
      load: () =>
        loadPage(browser, new URL('?level=comune', app.url).href, {
          ready: comuneInteractive,
          marks,
          timeout: ctx.timeout,
        }),
    },
    floor: {
      runs: Math.min(3, ctx.runs),
      load: () =>
        loadPage(browser, new URL('floor.html', baseline.url).href, {
          ready: () => document.body?.dataset.layer === 'comune' || !!document.body?.dataset.error,
          marks,
          timeout: ctx.baselineTimeout,
        }),
    },
    baseline: {
      runs: ctx.baselineRuns,
      load: () =>
        loadPage(browser, baseline.url, {
          ready: () => document.body?.dataset.layer === 'comune' || !!document.body?.dataset.error,
          marks,
          timeout: ctx.baselineTimeout,
        }),
    },
  };
  const results = { root: [], comune: [], floor: [], baseline: [] };
  const failed = {};
  const maxRuns = Math.max(...Object.values(kinds).map((k) => k.runs));
  for (let i = 0; i < maxRuns; i++) {
    for (const [kind, k] of Object.entries(kinds)) {
      if (i >= k.runs || failed[kind]) continue;
      try {
        // a load whose readiness mark never comes is retried (twice), and counted
        const r = await withRetries(k.load, 3, (e) => {
          (ctx.retries[kind] ??= []).push(e.message);
          log(`  run ${i + 1} ${kind.padEnd(8)} retry: ${e.message}`);
        });
        if (r.dataset.error) throw new Error(`${kind}: page reported an error: ${r.dataset.error}`);
        results[kind].push(r);
        log(`  run ${i + 1} ${kind.padEnd(8)} ${summary(kind, r)} (wall ${(r.wallMs / 1000).toFixed(1)} s)`);
        // the baseline is slow in software rendering: fewer runs if one takes > 30 s
        if (kind === 'baseline' && i === 0 && r.wallMs > 30_000 && k.runs > 3 && !ctx.baselineRunsFixed) {
          k.runs = 3;
          ctx.note(`baseline reduced to 3 runs (first run took ${(r.wallMs / 1000).toFixed(0)} s)`);
        }
      } catch (e) {
        failed[kind] = e;
        log(`  run ${i + 1} ${kind.padEnd(8)} FAILED: ${e.message}`);
      }
    }
  }
  ctx.baselineRunsDone = results.baseline.length;
  for (const [kind, msgs] of Object.entries(ctx.retries)) {
    const n = results[kind].length + msgs.length;
    ctx.note(`${kind} loads: ${msgs.length} of ${n} never reached readiness and were retried (first: ${msgs[0]})`);
  }

  const need = (...ks) => {
    for (const k of ks)
      if (failed[k] && results[k].length === 0) throw new Error(`${k} loads failed: ${failed[k].message}`);
  };
  const figures = [];
  const guard = (name, fn) => {
    try {
      figures.push(fn());
    } catch (e) {
      figures.push({ name, error: e.message });
    }
  };
  const mark = (r, name) => r.marks[name];
  /** the first of several marks (a picture is on screen when either painter has drawn it) */
  const firstOf = (r, ...names) => {
    const v = names.map((n) => r.marks[n]).filter((x) => x != null);
    return v.length ? Math.min(...v) : null;
  };
  /** the interactive map (MapLibre's own marks), as information beside a figure */
  const interactive = (samples, baseSamples, what) => {
    const s = samples.filter((x) => x != null);
    const b = baseSamples.filter((x) => x != null);
    if (!s.length || !b.length) return `interactive map (${what}): no samples`;
    return `interactive map (${what}, MapLibre and its own WebGL layers): median ${Math.round(median(s))} ms (ratio ${(median(s) / median(b)).toFixed(3)} of the baseline)`;
  };

  // the floor: a bare MapLibre page painting only 20 region polygons (same server, same browser)
  const floorInfo = () => {
    const f = results.floor.map((r) => mark(r, 'map-base-painted')).filter((x) => x != null);
    const b = results.baseline.map((r) => mark(r, 'map-base-painted')).filter((x) => x != null);
    if (!f.length || !b.length) return [];
    const fm = median(f);
    return [
      `floor: a bare MapLibre page painting only the 20 region polygons takes ${Math.round(fm)} ms here (ratio ${(fm / median(b)).toFixed(3)} of the baseline): MapLibre's own start-up in SwiftShader`,
    ];
  };

  /** A paint figure: the first of the app's SVG first picture and its map (mark `app`) on the `run` loads,
   * against the baseline's same mark; the info line gives the interactive map's own time and the floor. */
  const paintFigure = (name, run, prepaint, app, note) =>
    guard(name, () => {
      need(run, 'baseline');
      const base = results.baseline.map((r) => mark(r, app));
      const fig = makeFigure({
        name,
        unit: 'ms',
        samples: results[run].map((r) => firstOf(r, prepaint, app)),
        baselineSamples: base,
        budget: 0.2,
        notes: [note],
      });
      fig.info = [
        interactive(
          results[run].map((r) => mark(r, app)),
          base,
          `'${app}'`,
        ),
        ...floorInfo(),
      ];
      return fig;
    });
  paintFigure(
    'first-map-paint',
    'root',
    'prepaint-base',
    'map-base-painted',
    "app: first of 'prepaint-base' (the SVG first picture: land and region borders, marked two animation frames after it is in the page) and 'map-base-painted' (MapLibre) on /; baseline: first frame after its comune GeoJSON source loaded",
  );
  paintFigure(
    'comune-layer',
    'comune',
    'prepaint-layer-comune',
    'layer-comune',
    "app: first of 'prepaint-layer-comune' (the SVG first picture of the coloured comuni, marked two animation frames after it is in the page) and 'layer-comune' (the WebGL layer in MapLibre) on /?level=comune; baseline: 'idle' after its comune source loaded",
  );

  guard('comune-view-bytes', () => {
    need('comune', 'baseline');
    const split = (r, root) => {
      const t = mark(r, 'layer-comune');
      const done = r.requests.filter((q) => q.end != null && q.end <= t);
      const sum = (qs) => qs.reduce((s, q) => s + wireBytes(root, q), 0);
      const duck = done.filter((q) => DUCKDB.test(q.url));
      const counted = done.filter((q) => !DUCKDB.test(q.url));
      const top = counted
        .map((q) => ({ path: new URL(q.url).pathname, KB: Number((wireBytes(root, q) / KB).toFixed(1)) }))
        .sort((x, y) => y.KB - x.KB);
      return { bytes: sum(counted), duck: sum(duck), duckN: duck.length, n: counted.length, top };
    };
    const a = results.comune.map((r) => split(r, app.root));
    const b = results.baseline.map((r) => split(r, baseline.root));
    const fig = makeFigure({
      name: 'comune-view-bytes',
      unit: 'KB',
      samples: a.map((x) => x.bytes / KB),
      baselineSamples: b.map((x) => x.bytes / KB),
      budget: 0.125,
      notes: ['bytes on the wire (gzip) of requests finished by the comune layer mark, DuckDB requests excluded'],
    });
    fig.info = [
      `DuckDB requests finished by then (excluded): median ${Math.round(median(a.map((x) => x.duck)) / KB)} KB in ${median(a.map((x) => x.duckN))} requests; app requests counted: ${median(a.map((x) => x.n))}`,
    ];
    const med = median(a.map((x) => x.bytes));
    const rep = a.reduce((best, x) => (Math.abs(x.bytes - med) < Math.abs(best.bytes - med) ? x : best));
    fig.info.push(
      `largest app requests (KB on the wire): ${rep.top
        .slice(0, 8)
        .map((t) => `${t.path.replace(/^.*\//, '') || '/'} ${t.KB}`)
        .join(', ')}`,
    );
    fig.details = {
      duckdbKB: a.map((x) => Math.round(x.duck / KB)),
      requests: a.map((x) => x.n),
      appRequests: rep.top,
    };
    return fig;
  });

  guard('initial-js-gzip', () => {
    need('root');
    const perRun = results.root.map((r) => {
      // worker script requests can come without timing (NaN start): ignore those when finding DuckDB's start
      const duckStart = Math.min(
        ...r.requests
          .filter((q) => DUCKDB.test(q.url))
          .map((q) => q.start)
          .filter(Number.isFinite),
        Infinity,
      );
      const js = r.requests.filter((q) => isJs(q.url) && !DUCKDB.test(q.url) && q.start < duckStart);
      const all = js.map((q) => ({
        url: new URL(q.url).pathname,
        gzip: servedSize(app.root, q.url) ?? 0,
        wire: q.encoded,
      }));
      // the page's own JavaScript; worker scripts run off the main thread and are reported apart
      const chunks = all.filter((c) => !WORKER.test(c.url));
      const workers = all.filter((c) => WORKER.test(c.url));
      return { total: chunks.reduce((s, c) => s + c.gzip, 0), chunks, workers, duckSeen: duckStart !== Infinity };
    });
    const fig = makeFigure({
      name: 'initial-js-gzip',
      unit: 'KB',
      samples: perRun.map((x) => x.total / KB),
      baseline: JS_BUDGET_KB,
      budget: 1,
      notes: [
        'gzip -6 size of every .js/.mjs of the page (worker scripts apart) requested before the first DuckDB request; baseline = the 500 KB budget',
      ],
    });
    // chunk list of the run closest to the median
    const med = median(perRun.map((x) => x.total));
    const rep = perRun.reduce((best, x) => (Math.abs(x.total - med) < Math.abs(best.total - med) ? x : best));
    const chunks = [...rep.chunks].sort((x, y) => y.gzip - x.gzip);
    fig.details = { chunks: chunks.map((c) => ({ path: c.url, gzipKB: Number((c.gzip / KB).toFixed(1)) })) };
    fig.info = [
      `JS chunks before DuckDB (gzip): ${chunks.map((c) => `${c.url.replace(/^.*\//, '')} ${(c.gzip / KB).toFixed(1)}`).join(', ')} KB`,
    ];
    fig.info.push(
      `worker scripts before DuckDB (gzip, not counted above): ${rep.workers.map((c) => `${c.url.replace(/^.*\//, '')} ${(c.gzip / KB).toFixed(1)}`).join(', ') || 'none'} KB`,
    );
    if (perRun.some((x) => !x.duckSeen))
      fig.info.push(
        'note: in some runs DuckDB did not start within 20 s of the first paint; all JS requested by then was counted',
      );
    return fig;
  });

  return figures;
}

function summary(kind, r) {
  const f = (x) => (x == null ? '—' : `${Math.round(x)} ms`);
  if (kind === 'root')
    return `prepaint-base ${f(r.marks['prepaint-base'])}, map-base-painted ${f(r.marks['map-base-painted'])}`;
  if (kind === 'comune')
    return `prepaint-layer-comune ${f(r.marks['prepaint-layer-comune'])}, layer-comune ${f(r.marks['layer-comune'])}`;
  return `first paint ${f(r.marks['map-base-painted'])}, comune idle ${f(r.marks['layer-comune'])}`;
}
