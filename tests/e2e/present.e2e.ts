// Over 300 lines: the presentation, export and print scenarios, each as a person would click them.
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
import { startHarness, countPixels, type Harness, VIEWPORT } from './harness';
import { openNodeDb } from '../../src/db/node';
import { PILOTS } from '../../src/ui/pilots';

let h: Harness;
const population = new Map<string, number>();
const names = new Map<string, string>();
beforeAll(async () => {
  h = await startHarness();
  const db = await openNodeDb();
  await db.loadParquet('t', 'public/data/territories.parquet');
  for (const r of await db.all(
    `SELECT code, name, population FROM t WHERE level = 'comune' AND code IN (${PILOTS.map((p) => `'${p.comune}'`).join(',')})`,
  )) {
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
  // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
  await page.evaluate(fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const res = (await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });

    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')),
    }));
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
  it('prints the profile of Crotone: the key figures of the data on one A4 page, then the network of services', async () => {
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
    // the network of services (issue 14) is printed with the profile, from a page of its own
    await page.getByTestId('profile-network').locator('section.layer').first().waitFor({ timeout: 60000 });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20000);
    const pageCount = (b: Buffer) => (b.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    fs.writeFileSync(path.join(os.tmpdir(), 'coefficienti-profile-101010.pdf'), pdf);
    // without it, the key figures still fill exactly one A4 page
    await page.addStyleTag({ content: '[data-testid=profile-network] { display: none !important; }' });
    expect(pageCount(await page.pdf({ format: 'A4', printBackground: true }))).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await axeCheck(page, 'profile');
    await page.close();
  });
});

describe('presentation', () => {
  it('steps through the default story with the keyboard: the slide in the URL and the title change', async () => {
    const page = await h.open('?tool=story');
    const title = page.getByTestId('story-title');
    await expect
      .poll(() => page.getByTestId('story-caption').textContent(), { timeout: 60000 })
      .toMatch(/per 100 inhabitants/);
    const first = await title.textContent();
    await expect.poll(() => page.url()).toContain('slide=0');
    // the Brussels story is in English: the atlas switched with it
    await expect.poll(() => page.url()).toContain('lang=en');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('slide=1');
    await expect.poll(() => title.textContent()).not.toBe(first);
    await expect.poll(() => page.url()).toContain('level=province');
    await expect.poll(() => page.url()).toContain('cmp=001,032,058,101,089');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.url()).toContain('slide=2');
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toContain('slide=3');
    await page.keyboard.press('PageUp');
    await expect.poll(() => page.url()).toContain('slide=2');
    await expect.poll(() => page.url()).toContain('ind=fb_employment_rate_20_64');
    // every number of the caption came from the data: no unfilled placeholder, sources listed
    const caption = (await page.getByTestId('story-caption').textContent()) ?? '';
    expect(caption).not.toMatch(/[{}]|\[\?\]/);
    expect(caption).toMatch(/\d+\.\d%/);
    expect(await page.locator('[data-testid=story-tool] .sources').textContent()).toMatch(/Eurostat/);
    await page.keyboard.press('Home');
    await expect.poll(() => page.url()).toMatch(/slide=0/);
    await axeCheck(page, 'story');
    // a story travels in a link
    await page.getByRole('button', { name: /^Story/ }).click();
    const href = await page.locator('#story-link').inputValue();
    expect(href).toMatch(/\?tool=story&slide=0&story=[A-Za-z0-9_-]+$/);
    const other = await h.open(href.slice(href.indexOf('?')).replace('slide=0', 'slide=4'));
    await expect.poll(() => other.getByTestId('story-counter').textContent(), { timeout: 60000 }).toMatch(/^5 of 12$/);
    await other.close();
    await page.close();
  });
});

describe('export and share', () => {
  it('flies smoothly from slide to slide (and jumps for a user who prefers reduced motion)', async () => {
    // slide 9 (index 8: Italy) → slide 10 (index 9: Crotone, zoom 7.2)
    const flight = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await h.browser.newContext({ viewport: VIEWPORT, reducedMotion });
      const page = await h.open('?tool=story&slide=8', { context });
      await expect.poll(() => page.getByTestId('story-counter').textContent(), { timeout: 60000 }).toMatch(/^9 of 12$/);
      await page.waitForTimeout(1500);
      // how long the camera moves after the key, from the map's own movestart/moveend
      await page.evaluate(() => {
        const w = window as unknown as { __moves: number[] };
        w.__moves = [];
        // one entry per change: + when the camera starts moving, − when it stops (a jump does both at once)
        new MutationObserver((records) => {
          const now = performance.now();
          for (const r of records) w.__moves.push(r.oldValue === null ? now : -now);
        }).observe(document.body, { attributes: true, attributeOldValue: true, attributeFilter: ['data-moving'] });
      });
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('story-counter').textContent()).toMatch(/^10 of 12$/);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __moves: number[] }).__moves.some((t) => t < 0)), {
          timeout: 10000,
        })
        .toBe(true);
      const moves = await page.evaluate(() => (window as unknown as { __moves: number[] }).__moves);
      await context.close();
      const start = moves.find((t) => t > 0) ?? 0;
      const end = -(moves.find((t) => t < 0) ?? 0);
      return end - start;
    };
    expect(await flight('no-preference')).toBeGreaterThan(600);
    expect(await flight('reduce')).toBeLessThan(300);
  });

  it('exports the map as PNG with a legend that is not blank, at screen and print resolution, and the table as CSV', async () => {
    const page = await h.open('?level=region&ind=foreign_per_100&tool=export');
    await page.getByTestId('export-png').waitFor({ timeout: 60000 });
    await page.waitForTimeout(500);
    const size = await page.evaluate(() => {
      const c = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      return { w: c.clientWidth, h: c.clientHeight };
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'present-'));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const file = path.join(dir, 'map.png');
    await dl.saveAs(file);
    const png = PNG.sync.read(fs.readFileSync(file));
    // header 58 + map + footer 40 (src/export/png.ts), at scale 1
    expect(png.width).toBe(size.w);
    expect(png.height).toBe(58 + size.h + 40);
    // the legend box (bottom left of the map area): several distinct, non-white colours
    const colours = new Set<string>();
    let dark = 0;
    for (let y = 58 + size.h - 150; y < 58 + size.h - 12; y++)
      for (let x = 12; x < 240; x++) {
        const i = (y * png.width + x) * 4;
        const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
        if (r < 250 || g < 250 || b < 250) colours.add(`${r >> 3},${g >> 3},${b >> 3}`);
        if (r + g + b < 200) dark++;
      }
    expect(colours.size).toBeGreaterThan(5);
    expect(dark).toBeGreaterThan(100); // legend text
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-print').click()]);
    const file2 = path.join(dir, 'map-300.png');
    await dl2.saveAs(file2);
    const big = PNG.sync.read(fs.readFileSync(file2));
    const k = 300 / 96;
    expect(big.width).toBe(Math.round(size.w * k));
    // the print map is the same picture (same camera, deck.gl scaled with MapLibre) …
    const at = (img: PNG, x: number, y: number) => {
      const i = (Math.min(img.height - 1, Math.round(y)) * img.width + Math.min(img.width - 1, Math.round(x))) * 4;
      return [img.data[i], img.data[i + 1], img.data[i + 2]];
    };
    let same = 0;
    let n = 0;
    for (let y = 20; y < size.h - 160; y += 7)
      for (let x = 260; x < size.w - 20; x += 7) {
        const a = at(png, x, 58 + y);
        const b = at(big, (x + 0.5) * k, (58 + y + 0.5) * k);
        n++;
        if (a.every((v, c) => Math.abs(v - b[c]) < 30)) same++;
      }
    expect(same / n).toBeGreaterThan(0.85);
    // … drawn at print resolution, not the screen image enlarged: its edges are as thin as on screen,
    // where an enlarged screen image (bilinear, as a reference) smears every edge over ~3 pixels
    const edgy = (get: (x: number, y: number) => number[], w: number, h: number) => {
      let e = 0;
      let t = 0;
      for (let y = 0; y < h - 1; y += 2)
        for (let x = 0; x < w - 1; x += 2) {
          const p = get(x, y);
          const q = get(x + 1, y);
          const r = get(x, y + 1);
          t++;
          if (p.some((v, c) => v !== q[c] || v !== r[c])) e++;
        }
      return e / t;
    };
    const x0 = 260 * k,
      y0 = (58 + 20) * k,
      mw = (size.w - 280) * k,
      mh = (size.h - 180) * k;
    const native = edgy((x, y) => at(big, x0 + x, y0 + y), mw, mh);
    const lerp = (x: number, y: number) => {
      const sx = (x0 + x) / k - 0.5;
      const sy = (y0 + y) / k - 0.5;
      const fx = Math.floor(sx),
        fy = Math.floor(sy),
        ax = sx - fx,
        ay = sy - fy;
      const c00 = at(png, fx, fy),
        c10 = at(png, fx + 1, fy),
        c01 = at(png, fx, fy + 1),
        c11 = at(png, fx + 1, fy + 1);
      return c00.map((v, c) =>
        Math.round(v * (1 - ax) * (1 - ay) + c10[c] * ax * (1 - ay) + c01[c] * (1 - ax) * ay + c11[c] * ax * ay),
      );
    };
    const enlarged = edgy(lerp, mw, mh);
    expect(native).toBeLessThan(enlarged * 0.7);
    // and the map on screen is back at the screen's resolution, still coloured
    await page.waitForTimeout(300);
    const legendHex = await page.$$eval('[data-testid=legend-classes] .swatch', (els) =>
      els.map(
        (e) =>
          '#' +
          (getComputedStyle(e).backgroundColor.match(/\d+/g) ?? [])
            .slice(0, 3)
            .map((v) => Number(v).toString(16).padStart(2, '0'))
            .join(''),
      ),
    );
    const px = await countPixels(
      page,
      legendHex.filter((c) => c.length === 7),
    );
    expect(px.matched / px.total).toBeGreaterThan(0.05);
    expect(await page.evaluate(() => (document.querySelector('.maplibregl-canvas') as HTMLCanvasElement).width)).toBe(
      size.w,
    );
    // CSV of the table in view: 20 regions
    const [dl3] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-table').click()]);
    const file3 = path.join(dir, 'table.csv');
    await dl3.saveAs(file3);
    const lines = fs.readFileSync(file3, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0].startsWith('code,name,level,indicator')).toBe(true);
    expect(await page.getByTestId('export-link').inputValue()).toContain('tool=export');
    await axeCheck(page, 'export');
    await page.close();
  });
});

describe('access', () => {
  it('has no serious or critical axe violation on the default map and the coefficient view', async () => {
    const page = await h.open('');
    await axeCheck(page, 'default map');
    await page.close();
    const coef = await h.open('?mode=coefficient');
    await coef.waitForFunction(() => /coefficient/.test(document.body.dataset.layer ?? ''), null, { timeout: 60000 });
    await axeCheck(coef, 'coefficient');
    await coef.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
