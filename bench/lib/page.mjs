// One measured page load in a fresh browser context (empty cache): waits for a readiness condition
// on document.body.dataset, then reads performance marks and every network request the page and its
// workers made (URL, resource type, encoded = on-the-wire body bytes, start/end in page ms since
// navigation start).
//   ready:   page function; the load fails if it is not true within `timeout` ms
//   then:    optional page function waited for afterwards for at most `thenTimeout` ms (never fails)
//   settleMs: idle time after closing the context, before the next load (default 1000)
//   setup:   optional async (page, context) => void, run before the navigation (e.g. CDP throttling)
export async function loadPage(
  browser,
  url,
  {
    ready,
    then = null,
    thenTimeout = 15_000,
    marks = [],
    timeout = 120_000,
    viewport = { width: 1280, height: 800 },
    settleMs = Number(process.env.BENCH_SETTLE_MS ?? 1000),
    setup = null,
  } = {},
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const pending = new Set();
  context.on('requestfinished', (req) => {
    const p = (async () => {
      const sizes = await req.sizes().catch(() => null);
      const t = req.timing();
      requests.push({
        url: req.url(),
        type: req.resourceType(),
        encoded: sizes ? sizes.responseBodySize : null,
        // wall-clock ms (epoch); converted to page time below
        startWall: t.startTime,
        endWall: t.responseEnd >= 0 ? t.startTime + t.responseEnd : null,
      });
    })();
    pending.add(p);
    p.finally(() => pending.delete(p));
  });
  // ERR_ABORTED is what a streaming fetch cut short by closing the page looks like: not an error.
  // It is also how DevTools reports a response whose body stream was handed to a worker (the comune
  // boundaries, src/boot/geometry.ts): the body still arrives in full, so such a request is counted,
  // with its served size (wireBytes falls back to it) and the time of the report as its end.
  context.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') {
      errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
      return;
    }
    const endWall = Date.now();
    const p = (async () => {
      const res = await req.response().catch(() => null);
      if (!res || !res.ok()) return;
      requests.push({
        url: req.url(),
        type: req.resourceType(),
        encoded: null,
        startWall: req.timing().startTime,
        endWall,
        handedToWorker: true,
      });
    })();
    pending.add(p);
    p.finally(() => pending.delete(p));
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  const t0 = Date.now();
  try {
    if (setup) await setup(page, context);
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    const fail = async (why) => {
      const state = await page.evaluate(() => ({ ...document.body?.dataset })).catch(() => ({}));
      const err = new Error(
        `${url}: ${why} after ${Math.round((Date.now() - t0) / 1000)} s (body.dataset ${JSON.stringify(state)}${errors.length ? '; ' + errors.slice(0, 3).join('; ') : ''})`,
      );
      err.notReady = true;
      throw err;
    };
    // `ready` may return the string 'stuck' to give up early (e.g. everything else done, mark missing)
    const got = await page.waitForFunction(ready, null, { timeout, polling: 100 }).then(
      (h) => h.jsonValue(),
      (e) => fail(`not ready (${e.message.split('\n')[0]})`),
    );
    if (got === 'stuck') await fail('stuck: everything else finished but the readiness mark never came');
    let thenMet = null;
    if (then)
      thenMet = await page.waitForFunction(then, null, { timeout: thenTimeout, polling: 100 }).then(
        () => true,
        () => false,
      );
    const perf = await page.evaluate((names) => {
      const m = {};
      for (const n of names) m[n] = performance.getEntriesByName(n)[0]?.startTime ?? null;
      return { timeOrigin: performance.timeOrigin, marks: m, dataset: { ...document.body.dataset } };
    }, marks);
    await Promise.all([...pending]);
    for (const r of requests) {
      r.start = r.startWall - perf.timeOrigin;
      r.end = r.endWall == null ? null : r.endWall - perf.timeOrigin;
      delete r.startWall;
      delete r.endWall;
    }
    requests.sort((a, b) => a.start - b.start);
    return { url, marks: perf.marks, dataset: perf.dataset, requests, errors, thenMet, wallMs: Date.now() - t0 };
  } finally {
    await context.close().catch(() => {});
    // let the browser settle (the GPU process tears the closed page's WebGL down) before the next
    // load: otherwise the next page's first frame can wait ~0.5 s for it, whichever page it is
    await new Promise((r) => setTimeout(r, settleMs));
  }
}

/**
 * Page function: the app's interactive comune map (`layer-comune` on /?level=comune). DuckDB starts after the map
 * and takes seconds: if it is ready and 10 s later the layer has still not been marked, the mark is not coming
 * ('stuck', see loadPage).
 */
export const comuneInteractive = () => {
  const d = document.body?.dataset;
  if (d?.level === 'comune' && performance.getEntriesByName('layer-comune').length > 0) return true;
  if (d?.db === 'ready' && d.data === 'ready') {
    window.__benchStuck ??= performance.now();
    if (performance.now() - window.__benchStuck > 10_000) return 'stuck';
  }
  return false;
};

/** `load()` again while it fails because its readiness mark never came (`notReady`), at most `attempts` times in all;
 * `onRetry(error)` is told of each retry. Any other error is thrown at once. */
export async function withRetries(load, attempts, onRetry) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (e) {
      if (!e.notReady || attempt >= attempts) throw e;
      onRetry(e);
    }
  }
}
