/** Issue 12: place names on the map, drawn with no glyph or font from anywhere, switchable, in the PNG export. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { exportedDarkPixels, mapPixels, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** pixels of the map canvas as dark as label text (borders are lighter: #4a4a4a and above) */
async function darkPixels(page: Page): Promise<number> {
  const d = (await mapPixels(page)).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] < 45 && d[i + 1] < 45 && d[i + 2] < 45) n++;
  return n;
}

describe('place names on the map (Chromium)', () => {
  it('draws region and pilot names, can be switched off (and the link says so), and nothing is fetched for them', async () => {
    const page = await h.open('', { waitFor: 'db' });
    await expect.poll(() => darkPixels(page), { timeout: 30000 }).toBeGreaterThan(800);
    await page.getByTestId('labels-toggle').uncheck();
    await expect.poll(() => darkPixels(page), { timeout: 30000 }).toBeLessThan(100);
    await expect.poll(() => new URL(page.url()).searchParams.get('labels')).toBe('0');
    await page.getByTestId('labels-toggle').check();
    await expect.poll(() => darkPixels(page), { timeout: 30000 }).toBeGreaterThan(800);
    // nothing but the page's own files: no glyph server, font or sprite
    expect(h.foreign).toEqual([]);
    const fonts = await page.evaluate(
      () =>
        performance.getEntriesByType('resource').filter((e) => /\.(pbf|woff2?|ttf|otf)(\?|$)|glyph|sprite/.test(e.name))
          .length,
    );
    expect(fonts).toBe(0);
    await page.close();
  });

  it('a link with labels=0 opens without names; the exported PNG has the names exactly when they are on', async () => {
    const exported = exportedDarkPixels;
    const off = await h.open('?labels=0&tool=export', { waitFor: 'db' });
    await off.getByTestId('export-png').waitFor({ timeout: 60000 });
    await off.waitForTimeout(1500);
    expect(await darkPixels(off)).toBeLessThan(100);
    expect(await off.getByTestId('labels-toggle').isChecked()).toBe(false);
    const without = await exported(off);
    await off.getByTestId('labels-toggle').check();
    await expect.poll(() => darkPixels(off), { timeout: 30000 }).toBeGreaterThan(800);
    const withNames = await exported(off);
    expect(withNames - without).toBeGreaterThan(800);
    await off.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
