/**
 * Shared harness for the end-to-end tests: one static server over dist/ and one Chromium for the whole run (the
 * e2e files run one after another in one process, vitest.e2e.config.ts: isolate false), a browser context and a
 * page per test. Each file's harness has its own lists of foreign requests and errors and closes its own contexts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error plain ESM helpers shared with the benchmark
import { serve } from '../../scripts/serve.mjs';
// @ts-expect-error plain ESM helpers shared with the benchmark
import { launch } from './browser.mjs';

/**
 * The browser window of every e2e test: an ordinary laptop screen. Chromium draws without a GPU here
 * (SwiftShader), so every pixel costs CPU: the window is no larger than the tests need.
 */
export const VIEWPORT = { width: 1100, height: 720 };

export interface Harness {
  url: string;
  browser: Browser;
  /** requests that left the page's origin (must stay empty) */
  foreign: string[];
  /** console errors and page errors (must stay empty) */
  errors: string[];
  open(query?: string, opts?: { waitFor?: 'layer' | 'db' | 'base' | 'none'; context?: BrowserContext }): Promise<Page>;
  close(): Promise<void>;
}

interface Served {
  url: string;
  close(): Promise<void>;
}
/**
 * The server and the browser, started by the first file and kept for the next ones: starting them for every file
 * cost ~3 s each time (Chromium's start, and the server gzipping the 34 MB DuckDB module again for its own
 * cache). Chromium ends with the test process (playwright-core kills what it launched when the process exits).
 */
let shared: Promise<{ server: Served; browser: Browser }> | undefined;
async function sharedRun(): Promise<{ server: Served; browser: Browser }> {
  const s = await (shared ??= Promise.all([serve('dist') as Promise<Served>, launch() as Promise<Browser>]).then(
    ([server, browser]) => ({ server, browser }),
  ));
  if (s.browser.isConnected()) return s;
  // a browser that crashed or was closed: a new one for the files still to run
  shared = Promise.resolve({ server: s.server, browser: (await launch()) as Browser });
  return shared;
}

export async function startHarness(): Promise<Harness> {
  const { server, browser: run } = await sharedRun();
  const origin = new URL(server.url).origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  // the file's view of the shared browser: the contexts it opens are its own (closed with the harness), and
  // closing it leaves the browser to the next file
  const browser = new Proxy(run, {
    get(target, prop) {
      if (prop === 'newContext')
        return async (...args: Parameters<Browser['newContext']>) => {
          const c = await target.newContext(...args);
          contexts.push(c);
          return c;
        };
      if (prop === 'close') return async () => {};
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return {
    url: server.url,
    browser,
    foreign,
    errors,
    async open(query = '', opts = {}) {
      const context = opts.context ?? (await browser.newContext({ viewport: VIEWPORT }));
      if (!contexts.includes(context)) contexts.push(context);
      const page = await context.newPage();
      page.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) foreign.push(u);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.goto(server.url + query);
      const w = opts.waitFor ?? 'layer';
      if (w === 'base' || w === 'layer' || w === 'db')
        await page.waitForFunction(() => document.body.dataset.mapBase === '1', null, { timeout: 60000 });
      if (w === 'layer' || w === 'db')
        await page.waitForFunction(() => !!document.body.dataset.layer, null, { timeout: 60000 });
      if (w === 'db') await page.waitForFunction(() => document.body.dataset.db === 'ready', null, { timeout: 90000 });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
    },
  };
}

/** The map canvas's pixels (RGBA), copied in the page and read here through a PNG. */
export async function mapPixels(page: Page): Promise<{ width: number; height: number; data: Uint8Array }> {
  const url = await page.evaluate(() => {
    const src = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    (c.getContext('2d') as CanvasRenderingContext2D).drawImage(src, 0, 0);
    return c.toDataURL('image/png');
  });
  const png = PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
  return { width: png.width, height: png.height, data: png.data };
}

/** Click the export tool's PNG button and count the pixels of the downloaded map as dark as label text (all
 * three channels < 45), between the PNG's 58-px header and 40-px footer. */
export async function exportedDarkPixels(page: Page): Promise<number> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const png = PNG.sync.read(fs.readFileSync((await dl.path())!));
  let n = 0;
  for (let y = 58; y < png.height - 40; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 45 && png.data[i + 1] < 45 && png.data[i + 2] < 45) n++;
    }
  return n;
}

/** Count the map canvas pixels whose colour is within `tol` of one of `colours` (hex). Reads the WebGL canvas. */
export async function countPixels(
  page: Page,
  colours: string[],
  tol = 6,
): Promise<{ matched: number; total: number; perColour: number[] }> {
  const d = (await mapPixels(page)).data;
  const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  const per = rgb.map(() => 0);
  let matched = 0;
  for (let i = 0; i < d.length; i += 4) {
    for (let k = 0; k < rgb.length; k++) {
      const [r, g, b] = rgb[k];
      if (Math.abs(d[i] - r) <= tol && Math.abs(d[i + 1] - g) <= tol && Math.abs(d[i + 2] - b) <= tol) {
        per[k]++;
        matched++;
        break;
      }
    }
  }
  return { matched, total: d.length / 4, perColour: per };
}

/** A fingerprint of what the map canvas shows. */
export async function canvasHash(page: Page): Promise<number> {
  const d = (await mapPixels(page)).data;
  let h = 0;
  for (let i = 0; i < d.length; i += 4 * 7) h = (h * 31 + d[i] * 3 + d[i + 1] * 5 + d[i + 2] * 7) % 1000000007;
  return h;
}

/**
 * One harness and ONE browser context for a whole test file (its IndexedDB — the imported datasets — survives
 * the reloads), started before the file's tests and closed after them; `set` receives both.
 */
export function sharedContext(set: (s: { h: Harness; context: BrowserContext }) => void, viewport = VIEWPORT): void {
  let s: { h: Harness; context: BrowserContext } | undefined;
  beforeAll(async () => {
    const h = await startHarness();
    s = { h, context: await h.browser.newContext({ viewport }) };
    set(s);
  });
  afterAll(async () => {
    await s?.context.close();
    await s?.h.close();
  });
}
