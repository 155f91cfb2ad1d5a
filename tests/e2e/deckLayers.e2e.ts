/**
 * The coverage view's deck.gl points in MapLibre's order (above the choropleth, below the place names), and the
 * map after a lost WebGL context (WEBGL_lose_context): the base layers and the points come back, read in pixels.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasHash, mapPixels, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** comuni at zoom 9: the hospitals one by one (POINTS_ZOOM is 8) */
const ROMA = '?mode=coverage&level=comune&at=12.4964,41.9028,9';
/** a dozen of them under the name "Milano" */
const MILANO = '?mode=coverage&level=comune&at=9.19,45.4642,9';
const dark = (d: Uint8Array, i: number) => d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60;
const white = (d: Uint8Array, i: number) => d[i] > 200 && d[i + 1] > 200 && d[i + 2] > 200;

async function openCoverage(query: string): Promise<Page> {
  const page = await h.open(query);
  await page.waitForFunction(() => /^hospitals\|/.test(document.body.dataset.coverage ?? ''), null, {
    timeout: 90000,
  });
  await page.waitForFunction(() => /coverage/.test(document.body.dataset.layer ?? ''), null, { timeout: 60000 });
  return page;
}

/** the canvas once two reads a second apart agree (deck.gl and the labels have drawn) */
async function settled(page: Page): Promise<Awaited<ReturnType<typeof mapPixels>>> {
  let last = -1;
  for (let i = 0; i < 30; i++) {
    const now = await canvasHash(page);
    if (now === last) return mapPixels(page);
    last = now;
    await page.waitForTimeout(1000);
  }
  throw new Error('the map never stopped changing');
}

/** pixels as dark as a service point's fill (the choropleth and borders are lighter; labels off) */
async function darkCount(page: Page): Promise<number> {
  const d = (await mapPixels(page)).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (dark(d, i)) n++;
  return n;
}

/** Lose MapLibre's WebGL context, then give it back (as a driver reset or a GPU-hungry tab would). */
async function loseAndRestore(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
    const ext = canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context');
    if (!ext) throw new Error('no WEBGL_lose_context');
    const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
    ext.loseContext();
    await lost;
    await new Promise((r) => setTimeout(r, 300));
    const back = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
    ext.restoreContext();
    await back;
  });
}

describe('deck.gl extra layers in the map (Chromium, pixels)', () => {
  it('the coverage points lie below the place names: a name over a point keeps its white halo', async () => {
    const page = await openCoverage(MILANO);
    const withNames = (await settled(page)).data;
    await page.getByTestId('labels-toggle').uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('labels')).toBe('0');
    const withoutNames = (await settled(page)).data;
    let points = 0;
    let haloOverPoint = 0;
    let pointOverName = 0;
    for (let i = 0; i < withNames.length; i += 4) {
      if (!dark(withoutNames, i)) continue;
      points++;
      // a pixel of a point: with the names on, the halo of a name covers it (white) where they overlap
      if (white(withNames, i)) haloOverPoint++;
      else if (dark(withNames, i) && withNames[i] === withoutNames[i]) pointOverName++;
    }
    // the points are drawn (over the choropleth), and under "Milano" those are covered by its halo (about 200
    // pixels; none when deck.gl drew them after the whole map, over the names)
    expect(points).toBeGreaterThan(1500);
    expect(haloOverPoint).toBeGreaterThan(100);
    // and the names do not move the points elsewhere: most point pixels are the same with or without names
    expect(pointOverName).toBeGreaterThan(points * 0.8);
    await page.close();
  });

  it('after a lost WebGL context the base map and the coverage points come back, and hovering a point still works', async () => {
    const page = await openCoverage(`${ROMA}&labels=0`);
    const before = await settled(page);
    const points = await darkCount(page);
    expect(points).toBeGreaterThan(1500);
    const hash = await canvasHash(page);
    // a pixel in the middle of a point (its 5×5 neighbourhood all dark), in page coordinates
    const at = await page.evaluate(() => {
      const r = (document.querySelector('.maplibregl-canvas') as HTMLCanvasElement).getBoundingClientRect();
      return { x: r.left, y: r.top, ratio: devicePixelRatio };
    });
    const { width, height, data } = before;
    let spot: { x: number; y: number } | null = null;
    for (let y = 40; y < height - 40 && !spot; y++)
      for (let x = 40; x < width - 40 && !spot; x++) {
        let all = true;
        for (let dy = -2; dy <= 2 && all; dy++)
          for (let dx = -2; dx <= 2 && all; dx++) all = dark(data, ((y + dy) * width + x + dx) * 4);
        if (all) spot = { x: at.x + x / at.ratio, y: at.y + y / at.ratio };
      }
    expect(spot).not.toBeNull();

    await loseAndRestore(page);
    // the same picture as before the loss: choropleth, borders and every point
    await expect.poll(() => canvasHash(page), { timeout: 30000 }).toBe(hash);
    expect(await darkCount(page)).toBe(points);
    // deck.gl's picking works on its fresh device: a service's tooltip
    await page.mouse.move(spot!.x, spot!.y);
    await expect.poll(() => page.getByTestId('extra-tooltip').isVisible(), { timeout: 15000 }).toBe(true);
    // and the points follow the camera again (drawn by the new overlay, not a stale frame)
    await page.mouse.move(5, 5);
    await page.getByRole('button', { name: 'Ingrandisci' }).click();
    await expect.poll(() => darkCount(page), { timeout: 30000 }).not.toBe(points);
    expect(await darkCount(page)).toBeGreaterThan(500);
    await page.close();
  });

  it('the indicator map after a lost WebGL context: choropleth and place names come back as they were', async () => {
    const page = await h.open('?level=province&at=12.4964,41.9028,7');
    const before = await settled(page);
    let names = 0;
    for (let i = 0; i < before.data.length; i += 4) if (dark(before.data, i)) names++;
    expect(names).toBeGreaterThan(300);
    const hash = await canvasHash(page);
    await loseAndRestore(page);
    await expect.poll(() => canvasHash(page), { timeout: 30000 }).toBe(hash);
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
