/**
 * Compare, territory profile, presentation and export in Chromium (the built app in dist/).
 * Figures are checked against the data files themselves (DuckDB in Node over public/data).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { openNodeDb } from '../../src/db/node';
import { PILOTS } from '../../src/ui/pilots';

let h: Harness;
const population = new Map<string, number>();
const names = new Map<string, string>();
beforeAll(async () => {
  h = await startHarness();
  const db = await openNodeDb();
  await db.loadParquet('t', 'public/data/territories.parquet');
  for (const r of await db.all(`SELECT code, name, population FROM t WHERE level = 'comune' AND code IN (${PILOTS.map((p) => `'${p.comune}'`).join(',')})`)) {
    population.set(String(r.code), Number(r.population));
    names.set(String(r.code), String(r.name));
  }
  db.close();
});
afterAll(async () => {
  await h?.close();
});

/** "862.786" (it) → 862786 */
const itInt = (s: string) => Number(s.replace(/\./g, '').replace(/\s/g, ''));

async function axeCheck(page: Page, label: string) {
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
  const res = (await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
  })) as { id: string; impact: string; nodes: string[] }[];
  const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${label}: ${JSON.stringify(bad)}`).toEqual([]);
}

describe('compare territories', () => {
  it('compares the five pilot comuni: population of each equals the data file', async () => {
    const page = await h.open('?level=comune&tool=compare');
    await page.getByTestId('compare-pilot-comuni').click();
    await expect.poll(() => page.url()).toContain('cmp=001272,032006,058091,101010,089017');
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 60000 });
    expect(population.size).toBe(5);
    for (const p of PILOTS) {
      const cell = table.locator(`tr[data-indicator=population] td[data-code="${p.comune}"] .value`);
      await expect.poll(() => cell.textContent()).not.toBeNull();
      expect(itInt((await cell.textContent()) ?? '')).toBe(population.get(p.comune));
      // a header per territory with its name from the data
      expect(await table.locator(`thead th[data-code="${p.comune}"]`).textContent()).toContain(names.get(p.comune));
    }
    // small multiples and the trend lines are drawn
    await expect.poll(() => page.locator('[data-testid^=multiple-] svg').count(), { timeout: 60000 }).toBe(5);
    expect(await page.locator('[data-testid=trend-reception_per_1000] svg path').count()).toBeGreaterThan(0);
    // similar territories list their indicators
    await expect.poll(() => page.getByTestId('similar').locator('tbody tr').count()).toBe(5);
    await axeCheck(page, 'compare');
    await page.close();
  });
});

describe('territory profile', () => {
  it('prints the profile of Crotone to one A4 page with the key figures of the data', async () => {
    const page = await h.open('?level=comune&sel=101010&tool=profile');
    const figures = page.getByTestId('profile-figures');
    await figures.waitFor({ timeout: 60000 });
    await page.getByTestId('profile-inset').locator('svg').waitFor({ timeout: 60000 });
    await page.emulateMedia({ media: 'print' });
    // in print only the sheet is shown: the atlas is hidden
    expect(await page.locator('.app').isVisible()).toBe(false);
    expect(await page.getByTestId('profile-print').isVisible()).toBe(false);
    expect(await page.locator('#profile-title').textContent()).toBe('Crotone');
    const pop = await figures.locator('tr[data-indicator=population] td.own .v').textContent();
    expect(itInt(pop ?? '')).toBe(population.get('101010'));
    // region and Italy columns
    const head = await figures.locator('thead').textContent();
    expect(head).toContain('Calabria');
    expect(head).toContain('Italia');
    const text = (await page.getByTestId('profile-tool').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('ANPR');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20000);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    fs.writeFileSync(path.join(os.tmpdir(), 'coefficienti-profile-101010.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    await axeCheck(page, 'profile');
    await page.close();
  });
});

describe('presentation', () => {
  it('steps through the default story with the keyboard: the slide in the URL and the title change', async () => {
    const page = await h.open('?tool=story');
    const title = page.getByTestId('story-title');
    await expect.poll(() => page.getByTestId('story-caption').textContent(), { timeout: 60000 }).toMatch(/per 100 inhabitants/);
    const first = await title.textContent();
    expect(page.url()).toContain('slide=0');
    // the Brussels story is in English: the atlas switched with it
    expect(page.url()).toContain('lang=en');
    await page.locator('body').click({ position: { x: 5, y: 880 } }).catch(() => {});
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('slide=1');
    await expect.poll(() => title.textContent()).not.toBe(first);
    expect(page.url()).toContain('level=province');
    expect(page.url()).toContain('cmp=001,032,058,101,089');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.url()).toContain('slide=2');
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toContain('slide=3');
    await page.keyboard.press('PageUp');
    await expect.poll(() => page.url()).toContain('slide=2');
    expect(page.url()).toContain('ind=fb_employment_rate_20_64');
    // every number of the caption came from the data: no unfilled placeholder, sources listed
    const caption = (await page.getByTestId('story-caption').textContent()) ?? '';
    expect(caption).not.toMatch(/[{}]|\[\?\]/);
    expect(caption).toMatch(/\d+\.\d%/);
    expect(await page.locator('[data-testid=story-tool] .sources').textContent()).toMatch(/Eurostat/);
    await page.keyboard.press('End');
    await expect.poll(() => page.url()).toMatch(/slide=9/);
    await page.keyboard.press('Home');
    await expect.poll(() => page.url()).toMatch(/slide=0/);
    await axeCheck(page, 'story');
    // a story travels in a link
    const link = await page.locator('#story-link').inputValue().catch(() => '');
    if (!link) {
      await page.getByRole('button', { name: /Story/ }).click();
    }
    const href = await page.locator('#story-link').inputValue();
    expect(href).toMatch(/\?tool=story&slide=0&story=[A-Za-z0-9_-]+$/);
    const other = await h.open(href.slice(href.indexOf('?')).replace('slide=0', 'slide=4'));
    await expect.poll(() => other.getByTestId('story-counter').textContent(), { timeout: 60000 }).toMatch(/^5 of 10$/);
    await other.close();
    await page.close();
  });
});
