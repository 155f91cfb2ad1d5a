// Offline figure (issue 12): the coloured comune map on a second visit with the network off, against the
// first visit (empty cache) of the same browser context in the same run, both on the emulated office line
// of issue 12: 10 Mbit/s down with a 40 ms round trip for every request of the page and its workers (a
// throttled server, scripts/serve.mjs `throttle`), CPU at half speed (Chromium's emulation, for the page). Each run: a fresh context, the first visit, the service worker's caching of the release, then the
// network switched off and the page reloaded. The server must send 0 bytes during the offline visit (the
// browser's own update check of sw.js, which offline simply fails, is not the page's request).
import { makeFigure } from '../lib/util.mjs';
import { serve } from '../../scripts/serve.mjs';

const COLOURED = () => {
  const a = performance.getEntriesByName('prepaint-layer-comune')[0]?.startTime;
  const b = performance.getEntriesByName('layer-comune')[0]?.startTime;
  const v = [a, b].filter((x) => typeof x === 'number');
  return v.length ? Math.min(...v) : null;
};

export default async function offlineFigures(ctx) {
  const { browser, app, log } = ctx;
  const first = [];
  const second = [];
  const bytes = [];
  const line = await serve(app.root, { gzip: true, throttle: { latencyMs: 40, bytesPerSecond: 10e6 / 8 } });
  const url = new URL('?level=comune', line.url).href;
  try {
    for (let k = 0; k < ctx.runs; k++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 });
        await page.goto(url, { waitUntil: 'commit' });
        await page.waitForFunction(COLOURED, null, { timeout: ctx.timeout, polling: 50 });
        first.push(await page.evaluate(COLOURED));
        await page.waitForFunction(() => document.body.dataset.offline === 'ready', null, {
          timeout: 180_000,
          polling: 200,
        });
        await page.waitForTimeout(500);
        await context.setOffline(true);
        await cdp.send('Network.emulateNetworkConditions', {
          offline: true,
          latency: 0,
          downloadThroughput: 0,
          uploadThroughput: 0,
        });
        const from = line.stats.sent.length;
        await page.reload({ waitUntil: 'commit' });
        await page.waitForFunction(COLOURED, null, { timeout: ctx.timeout, polling: 50 });
        second.push(await page.evaluate(COLOURED));
        bytes.push(
          line.stats.sent
            .slice(from)
            .filter((r) => !r.path.endsWith('/sw.js'))
            .reduce((n, r) => n + r.bytes, 0),
        );
      } finally {
        await context.close();
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await line.close();
  }
  const netBytes = Math.max(...bytes);
  log(
    `  offline: first visit ${first.map(Math.round).join(', ')} ms; offline second visit ${second.map(Math.round).join(', ')} ms; bytes from the network offline ${bytes.join(', ')}`,
  );
  if (netBytes > 0) throw new Error(`offline second visit: the server sent ${netBytes} bytes with the network off`);
  return [
    makeFigure({
      name: 'offline-second-visit',
      unit: 'ms',
      samples: second,
      baselineSamples: first,
      budget: 0.5,
      notes: [
        'time to the coloured comune map (first picture or the map layer in MapLibre, whichever first) with the network off, after one visit that let the service worker cache the release; baseline = that first visit (empty cache, office line: 10/2 Mbit/s, 40 ms, CPU ×2 slower), same context',
        `bytes sent by the server during the offline visits: ${bytes.join(', ')} (must be 0)`,
      ],
      details: { networkBytes: bytes },
    }),
  ];
}
