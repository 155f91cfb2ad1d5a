/** Issue 12: Europe's NUTS2 regions as a map level (`?level=nuts2`), end to end in the built app. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { countPixels, exportedDarkPixels, mapPixels, startHarness, type Harness } from './harness';
import { EU_MEASURES } from '../../data/build/eu.ts';
import { toTerritory } from '../../src/contract';
import { labelsAt, placeLabels, type PlaceLabel } from '../../src/map/labelPlan';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** the legend's class colours as #rrggbb */
async function legendColours(page: Page): Promise<string[]> {
  const rgb = await page.$$eval('[data-testid=legend-classes] .swatch', (els) =>
    els.map((e) => getComputedStyle(e).backgroundColor),
  );
  return rgb
    .map((s) => s.match(/\d+/g)?.slice(0, 3).map(Number) ?? [])
    .filter((c) => c.length === 3)
    .map((c) => '#' + c.map((x) => x.toString(16).padStart(2, '0')).join(''));
}

/** the EU view's labels as the app plans them, from the built territory table */
async function euLabels(): Promise<PlaceLabel[]> {
  const b = fs.readFileSync(path.join('dist', 'data', 'territories.parquet'));
  const rows = await parquetReadObjects({
    file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
  });
  return placeLabels(
    rows.map(toTerritory).filter((x) => x.level === 'nuts2'),
    'en',
    [],
  );
}

/** pixels as dark as label text (#141414–#282828; borders are #4a4a4a and lighter) in a w × h box at the canvas centre (clipped) */
async function darkAtCentre(page: Page, w = 180, h = 40): Promise<number> {
  const { width, height, data } = await mapPixels(page);
  let n = 0;
  for (let y = Math.max(0, Math.round((height - h) / 2)); y < Math.min(height, (height + h) / 2); y++)
    for (let x = Math.max(0, Math.round((width - w) / 2)); x < Math.min(width, (width + w) / 2); x++) {
      const i = (y * width + x) * 4;
      if (data[i] < 45 && data[i + 1] < 45 && data[i + 2] < 45) n++;
    }
  return n;
}

describe("Europe's NUTS2 regions (Chromium)", () => {
  it('names the countries when Europe is in view and the regions once zoomed in; off is off; the PNG has them', async () => {
    const labels = await euLabels();
    // where the app draws them at the zooms below (a name may move to another of its places to avoid a collision)
    const spain = labelsAt(labels, 4.2).find((l) => l.kind === 'country' && l.code === 'ES')!;
    const calabria = labelsAt(labels, 6).find((l) => l.code === 'ITF6')!;
    expect(spain.text).toBe('Spain');
    /** the name at the centre of the map with names on, and nothing there once they are switched off */
    const namedAtCentre = async (query: string) => {
      const page = await h.open(query);
      await page.waitForFunction(() => document.body.dataset.layer?.startsWith('choropleth-nuts2'), null, {
        timeout: 60000,
      });
      await expect.poll(() => darkAtCentre(page), { timeout: 30000 }).toBeGreaterThan(60);
      await page.getByTestId('labels-toggle').uncheck();
      await expect.poll(() => darkAtCentre(page), { timeout: 30000 }).toBeLessThan(5);
      await page.close();
    };
    // Spain’s name at the centre of the map (zoom 4.2: countries only; the camera is not held by the bounds there)
    await namedAtCentre(`?level=nuts2&lang=en&at=${spain.position.join(',')},4.2`);
    // zoom 6 over Calabria: the region's own name (its NUTS2 label point at the centre)
    await namedAtCentre(`?level=nuts2&lang=en&at=${calabria.position.join(',')},6`);
    // the exported PNG of the whole view carries the country names exactly when they are on
    const exp = await h.open('?level=nuts2&lang=en&tool=export');
    await exp.getByTestId('export-png').waitFor({ timeout: 60000 });
    await exp.waitForFunction(() => document.body.dataset.layer?.startsWith('choropleth-nuts2'), null, {
      timeout: 60000,
    });
    await expect.poll(() => darkAtCentre(exp, 2000, 2000), { timeout: 30000 }).toBeGreaterThan(1000);
    const withNames = await exportedDarkPixels(exp);
    await exp.getByTestId('labels-toggle').uncheck();
    await expect.poll(() => darkAtCentre(exp, 2000, 2000), { timeout: 30000 }).toBeLessThan(100);
    const without = await exportedDarkPixels(exp);
    expect(withNames - without).toBeGreaterThan(1000);
    await exp.close();
  });

  it('?level=nuts2 colours Europe’s regions with the legend’s colours and lists the nine Eurostat figures', async () => {
    const page = await h.open('?level=nuts2&lang=en');
    await page.waitForFunction(() => document.body.dataset.layer?.startsWith('choropleth-nuts2'), null, {
      timeout: 60000,
    });
    await page.waitForFunction(() => document.body.dataset.level === 'nuts2', null, { timeout: 60000 });
    const colours = await legendColours(page);
    expect(colours.length).toBeGreaterThanOrEqual(5);
    // pixels, not only the DOM: several classes on the canvas and a real share of it coloured
    await expect
      .poll(async () => (await countPixels(page, colours.slice(0, 5))).perColour.filter((n) => n > 500).length, {
        timeout: 30000,
      })
      .toBeGreaterThanOrEqual(4);
    const px = await countPixels(page, colours.slice(0, 5));
    expect(px.matched / px.total).toBeGreaterThan(0.15);
    const options = await page.$$eval('#indicator-select option', (els) =>
      els.map((e) => (e as HTMLOptionElement).value),
    );
    expect(options.sort()).toEqual(EU_MEASURES.map((m) => m.id).sort());
    // the source, its year and the sample-estimate caveat under the legend
    await expect.poll(() => page.locator('.legend, [data-testid=legend-classes]').first().isVisible()).toBe(true);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join('docs', 'img', 'eu-view.png') });
    await page.close();
  });

  it('search "Calabria" selects ITF6 (2025 values, source, LFS caveat); "de21" finds Oberbayern; ITF6 on Italy’s view is Calabria', async () => {
    const page = await h.open('?level=nuts2&lang=en');
    await page.waitForFunction(() => document.body.dataset.level === 'nuts2', null, { timeout: 60000 });
    const input = page.locator('#search-input');
    await expect.poll(() => input.isEnabled(), { timeout: 60000 }).toBe(true);
    await input.fill('Calabria');
    await input.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('ITF6');
    const panel = page.getByTestId('territory-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Calabria');
    await expect.poll(() => panel.getByTestId('profile-table').locator('tbody tr').count(), { timeout: 30000 }).toBe(9);
    const table = (await panel.getByTestId('profile-table').textContent()) ?? '';
    expect(table).toContain('2025');
    expect(table).toContain('estimate');
    // the published figure: employment gap native − foreign-born in Calabria, from the data file
    const sources = (await panel.getByTestId('panel-sources').textContent()) ?? '';
    expect(sources).toContain('sample estimates');
    expect(sources).toContain('Eurostat');
    expect(await panel.getByTestId('panel-value').textContent()).toMatch(/\d/);
    // by NUTS code, as the placeholder says: DE21 is Oberbayern
    expect(await input.getAttribute('placeholder')).toContain('NUTS');
    await input.fill('de21');
    await expect
      .poll(() => page.locator('#search-results [role=option]').first().textContent())
      .toContain('Oberbayern');
    await input.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('DE21');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Oberbayern');
    await page.close();
    // on Italy's view the region answers to its NUTS2 code, and ISTAT codes keep working
    const italy = await h.open('?lang=en', { waitFor: 'base' });
    const box = italy.locator('#search-input');
    await expect.poll(() => box.isEnabled(), { timeout: 60000 }).toBe(true);
    await box.fill('ITF6');
    await box.press('Enter');
    await expect.poll(() => new URL(italy.url()).searchParams.get('sel')).toBe('18');
    await expect.poll(() => italy.getByTestId('territory-panel').locator('h2').textContent()).toBe('Calabria');
    await box.fill('101010');
    await box.press('Enter');
    await expect.poll(() => new URL(italy.url()).searchParams.get('sel')).toBe('101010');
    await italy.close();
  });

  it('compare lists the European regions most similar to Calabria; the coefficient says it needs Italy', async () => {
    const page = await h.open('?level=nuts2&lang=en&sel=ITF6&cmp=ITF6&tool=compare');
    const similar = page.getByTestId('similar');
    await expect.poll(() => similar.locator('tbody tr').count(), { timeout: 60000 }).toBe(5);
    expect(await similar.locator('caption').textContent()).toContain('European regions most similar to Calabria');
    const names = await similar.locator('tbody th').allTextContents();
    expect(names.every((n) => n.trim().length > 0 && n !== 'Calabria')).toBe(true);
    await page.close();
    const coef = await h.open('?level=nuts2&lang=en&mode=coefficient');
    await expect.poll(() => coef.getByTestId('mode-not-at-level').isVisible(), { timeout: 60000 }).toBe(true);
    await coef.close();
  });

  it('the Brussels story has slides on this view: the map switches to Europe’s regions, coloured, with filled numbers', async () => {
    const page = await h.open('?tool=story&slide=4');
    await page.waitForFunction(() => document.body.dataset.level === 'nuts2', null, { timeout: 60000 });
    const caption = page.getByTestId('story-caption');
    await expect.poll(() => caption.textContent(), { timeout: 60000 }).toMatch(/Calabria -?\d+\.\d percentage points/);
    expect(await caption.textContent()).not.toMatch(/[{}]|\[\?\]/);
    const colours = await legendColours(page);
    await expect
      .poll(async () => (await countPixels(page, colours.slice(0, 5))).matched, { timeout: 30000 })
      .toBeGreaterThan(20000);
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
