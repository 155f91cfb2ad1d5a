/** The coverage view's deck.gl points in MapLibre's order (above the choropleth, below the place names), in pixels. */
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

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
