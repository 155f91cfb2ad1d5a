import { VIEWPORT } from './harness';
/**
 * Issue 12: a second visit with no network. First visit online; the service worker caches the release;
 * then the browser goes offline and the server is closed: the page reloads from the cache, and the map,
 * search, the territory panel and a profile work, with not one request reaching the server.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
// @ts-expect-error plain ESM helpers shared with the benchmark
import { serve } from '../../scripts/serve.mjs';
// @ts-expect-error plain ESM helpers shared with the benchmark
import { launch } from './browser.mjs';

let server: {
  url: string;
  stats: { requests: number; bytes: number; sent: { path: string; bytes: number }[] };
  close(): Promise<void>;
};
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  server = await serve('dist');
  browser = await launch();
  context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close().catch(() => {});
});

const watch = (page: Page) => {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // offline, nothing may fail: any failed request would be a console error
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
};

describe('a second visit with no network (Chromium)', () => {
  it('caches the release after the first map, then opens offline: map, search, panel and profile', async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(server.url + '?level=comune');
    await page.waitForFunction(() => !!document.body.dataset.layer, null, { timeout: 60000 });
    // the status bar says when the atlas is available offline
    await page.waitForFunction(() => document.body.dataset.offline === 'ready', null, { timeout: 120000 });
    await expect.poll(() => page.getByTestId('offline-ready').textContent()).toMatch(/Disponibile offline/);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const c = await caches.open(keys.find((k) => k.startsWith('coefficienti-'))!);
      return (await c.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(cached.some((p) => p.endsWith('/data/indicators.parquet'))).toBe(true);
    expect(cached.some((p) => p.endsWith('.wasm'))).toBe(true);

    // no network at all
    await context.setOffline(true);
    const before = server.stats.sent.length;
    await page.reload();
    await page.waitForFunction(() => !!document.body.dataset.layer, null, { timeout: 60000 });
    expect(await page.evaluate(() => document.body.dataset.level)).toBe('comune');
    await page.getByRole('combobox', { name: 'Cerca un territorio' }).fill('trieste');
    await page.getByRole('option', { name: /Trieste.*Comune · 032006/ }).click();
    const panel = page.getByTestId('territory-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent(), { timeout: 30000 }).toBe('Trieste');
    // every indicator of the territory (the analysis engine, from the cache too)
    await page.waitForSelector('[data-testid=profile-table]', { timeout: 90000 });
    expect(await page.locator('[data-testid=profile-table] tbody tr').count()).toBeGreaterThan(8);

    // a profile, opened from its link, offline
    const profile = await context.newPage();
    watch(profile);
    await profile.goto(server.url + '?level=comune&sel=101010&tool=profile');
    await profile.getByTestId('profile-figures').waitFor({ timeout: 60000 });
    expect(await profile.locator('#profile-title').textContent()).toBe('Crotone');
    // nothing reached the server; the browser's own check for a new service worker (sw.js), which with no
    // network simply fails, is not the page's request
    expect(server.stats.sent.slice(before).filter((r) => !r.path.endsWith('/sw.js'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.setOffline(false);
    await profile.close();
    await page.close();
  });
});
