// Local labour systems (SLL 2021) as a map level, in the BUILT app: colours on the canvas, search, the panel's own
// census values (not inherited), drill-down to the comuni, the coefficient ranking the 515 SLL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, countPixels, type Harness } from './harness';
import { schemeColors } from '../../src/analytics/palettes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('local labour systems in Chromium', () => {
  it('?level=sll colours the map, finds the Crotone SLL by search, shows its own census value and its comuni', async () => {
    const page = await h.open('?level=sll&ind=foreign_per_100_census');
    expect(await page.getByRole('radio', { name: 'Sistemi locali del lavoro (SLL 2021)' }).isChecked()).toBe(true);
    const px = await countPixels(page, schemeColors('YlGnBu', 5));
    expect(px.perColour.filter((n) => n > 500).length).toBeGreaterThanOrEqual(3);
    expect(px.matched / px.total).toBeGreaterThan(0.05);

    await page.getByRole('combobox', { name: 'Cerca un territorio' }).fill('crotone');
    await page.getByRole('option', { name: /Crotone.*Sistema locale del lavoro · 1830/ }).click();
    const panel = page.getByTestId('territory-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Crotone');
    // 6,744 census foreign residents of 114,704 (its 16 comuni, tests/data/sll_outputs.test.ts): 5.9 per 100, its own
    await expect.poll(() => page.getByTestId('panel-value').textContent(), { timeout: 60000 }).toMatch(/^\s*5,9/);
    expect(await page.getByTestId('panel-value').textContent()).not.toMatch(/⚑/);
    await expect.poll(() => page.getByTestId('panel-population').textContent()).toBe('114.951');
    // the panel lists its 16 comuni; the drill-down opens the comune map
    await expect.poll(() => panel.getByTestId('sll-members').locator('li').count(), { timeout: 60000 }).toBe(16);
    await panel
      .getByRole('button', { name: /Comuni/ })
      .first()
      .click();
    await page.waitForFunction(() => document.body.dataset.level === 'comune', null, { timeout: 60000 });
    expect(page.url()).toContain('level=comune');
    await page.close();
  });

  it('the coefficient ranks the 515 SLL', async () => {
    const page = await h.open('?mode=coefficient&level=sll&table=1');
    const rows = page.locator('[data-testid=ranking-table] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 90000 }).toBe(200);
    await page.getByRole('button', { name: '+500' }).click();
    await expect.poll(() => rows.count()).toBe(515);
    // a rank and a score on every SLL: the names are the SLL's (Crotone among them)
    expect(await rows.filter({ hasText: 'Crotone' }).count()).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
