import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, countPixels, type Harness } from './harness';
import { CLUSTER_COLOURS } from '../../src/spatial/palette';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spatial-e2e-'));

describe('spatial clusters in Chromium', () => {
  it('provinces: the panel’s Moran’s I and the exported CSV equal the command line’s for the same seed; legend, map, table, scatter', async () => {
    const cliCsv = path.join(tmp, 'cli.csv');
    const out = execFileSync(
      'npx',
      [
        'tsx',
        'src/cli/spatial.ts',
        '--indicator',
        'avg_taxable_income',
        '--level',
        'province',
        '--seed',
        '12345',
        '--out',
        cliCsv,
      ],
      { encoding: 'utf8' },
    );
    const cliI = Number(/Moran's I = (-?\d\.\d+)/.exec(out)![1]);

    const page = await h.open('?mode=spatial&level=province&ind=avg_taxable_income');
    await page.waitForFunction(
      () => /^province\|avg_taxable_income\|/.test(document.body.dataset.spatial ?? ''),
      null,
      { timeout: 90000 },
    );
    const panelI = Number(await page.getByTestId('spatial-moran-i').getAttribute('data-value'));
    expect(panelI).toBeCloseTo(cliI, 6);
    expect(await page.getByTestId('spatial-p').textContent()).toMatch(/0[,.]0010/);
    expect(await page.getByTestId('spatial-isolated').textContent()).toBe('0');

    // the legend: six classes, GeoDa codes
    const legend = page.getByTestId('spatial-legend');
    await expect.poll(() => legend.locator('li').count()).toBe(6);
    expect(await legend.textContent()).toMatch(
      /1 · alto-alto.*2 · basso-basso.*3 · basso-alto.*4 · alto-basso.*0 · non significativo.*6 · isolato/s,
    );

    // the map shows the cluster colours (high-high and low-low both present for income)
    await expect
      .poll(
        async () =>
          (await countPixels(page, [CLUSTER_COLOURS[1], CLUSTER_COLOURS[2]], 4)).perColour.every((n) => n > 500),
        { timeout: 20000 },
      )
      .toBe(true);

    // the scatter: one dot per analysed province; clicking selects the territory
    const dots = page.locator('[data-testid=spatial-scatter] circle');
    expect(await dots.count()).toBe(107);
    const code = await dots.first().getAttribute('data-code');
    await dots.first().click({ force: true });
    await expect.poll(() => page.url()).toContain(`sel=${code}`);

    // the table and its CSV export = the command line's CSV (same seed, same order)
    const tpage = await h.open('?mode=spatial&level=province&ind=avg_taxable_income&table=1');
    await tpage.waitForFunction(
      () => /^province\|avg_taxable_income\|/.test(document.body.dataset.spatial ?? ''),
      null,
      { timeout: 90000 },
    );
    const table = tpage.getByTestId('spatial-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30000 }).toBe(107);
    const [download] = await Promise.all([tpage.waitForEvent('download'), tpage.getByTestId('spatial-export').click()]);
    const file = path.join(tmp, 'app.csv');
    await download.saveAs(file);
    expect(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '')).toBe(fs.readFileSync(cliCsv, 'utf8'));
    // no serious or critical accessibility violation (axe), map view and table view
    for (const [pg, label] of [
      [page, 'spatial map'],
      [tpage, 'spatial table'],
    ] as const) {
      // evaluated, not added as a script tag: the app's Content-Security-Policy refuses inline scripts
      await pg.evaluate(fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
      const bad = (await pg.evaluate(async () => {
        const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });

        return r.violations
          .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: any) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
      })) as unknown[];
      expect(bad, `${label}: ${JSON.stringify(bad)}`).toEqual([]);
    }
    expect(h.errors).toEqual([]);
    await tpage.close();
    await page.close();
  });

  it('comuni: 14 isolated (small islands, Campione d’Italia), attached on request; FDR is stricter; settings in the link; the selected comune’s cluster', async () => {
    const done = (page: import('playwright-core').Page, n: number) =>
      page.waitForFunction(
        (k) =>
          Number(document.querySelector('[data-testid=spatial-isolated]')?.textContent ?? -1) === k &&
          /^comune\|/.test(document.body.dataset.spatial ?? ''),
        n,
        { timeout: 90000 },
      );
    const page = await h.open('?mode=spatial&level=comune&ind=avg_taxable_income&sel=015146&lang=en');
    await done(page, 14);
    const legend = page.getByTestId('spatial-legend');
    expect(await legend.textContent()).toMatch(/1 · high-high.*6 · isolated\s*14/s);
    const hh = async () => Number(await legend.locator('li[data-cluster="1"] .n').textContent());
    const before = await hh();
    expect(before).toBeGreaterThan(100);
    // Milano: its own block in the territory panel
    await expect.poll(() => page.getByTestId('spatial-detail').textContent(), { timeout: 30000 }).toMatch(/high-high/);

    await page.getByTestId('spatial-fdr').check();
    await expect.poll(hh, { timeout: 60000 }).toBeLessThan(before);

    await page.getByRole('radio', { name: /attach them/ }).check();
    await done(page, 0);
    await expect.poll(() => page.url()).toContain('opt=');
    const again = await h.open(page.url().slice(page.url().indexOf('?')));
    await done(again, 0);
    expect(await again.getByTestId('spatial-fdr').isChecked()).toBe(true);
    expect(await again.getByRole('radio', { name: /attach them/ }).isChecked()).toBe(true);
    expect(h.errors).toEqual([]);
    await again.close();
    await page.close();
  });
});
