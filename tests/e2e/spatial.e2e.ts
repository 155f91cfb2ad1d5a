import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, countPixels, type Harness, VIEWPORT } from './harness';
import { CLUSTER_COLOURS } from '../../src/spatial/palette';
import { openNodeDb } from '../../src/db/node';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spatial-e2e-'));

/** The map shows both the high-high and the low-low colour, each on more than `min` pixels. */
const highAndLow = (page: import('playwright-core').Page, min: number) =>
  expect
    .poll(
      async () =>
        (await countPixels(page, [CLUSTER_COLOURS[1], CLUSTER_COLOURS[2]], 4)).perColour.every((n) => n > min),
      { timeout: 20000 },
    )
    .toBe(true);

describe('spatial clusters in Chromium', () => {
  it('provinces: the panel’s Moran’s I and the exported CSV equal the command line’s for the same seed; legend, map, table, scatter', async () => {
    const cliCsv = path.join(tmp, 'cli.csv');
    const out = execFileSync(
      process.execPath,
      [
        '--import',
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
    await highAndLow(page, 500);

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

  /** npm run spatial's Moran's I for the same data and seed (its summary goes to stderr with --out -) */
  const cliI = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/spatial.ts', ...args, '--seed', '12345', '--out', '-'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    return Number(/Moran's I = (-?\d\.\d+)/.exec(r.stderr)![1]);
  };
  const hooked = (page: import('playwright-core').Page, prefix: string, timeout = 120000) =>
    page.waitForFunction((p) => (document.body.dataset.spatial ?? '').startsWith(p), prefix, { timeout });

  it('the coefficient and a coverage measure as variables: picked in the panel, Moran’s I on screen = the command line’s, the source line says what it is, the link keeps the choice (and the coverage settings)', async () => {
    const page = await h.open('?mode=spatial&level=province&ind=avg_taxable_income');
    await hooked(page, 'province|avg_taxable_income|');
    const picker = page.getByTestId('spatial-indicator');
    expect(await picker.locator('optgroup').evaluateAll((g) => g.map((x) => x.getAttribute('label')))).toEqual([
      'Indicatori',
      'Coefficiente',
      'Copertura',
    ]);
    await picker.selectOption({ label: 'Coefficiente di occupabilità (configurazione corrente)' });
    await hooked(page, 'province|coefficient|');
    const coefI = Number(await page.getByTestId('spatial-moran-i').getAttribute('data-value'));
    expect(coefI).toBeCloseTo(cliI('--variable', 'coefficient', '--level', 'province'), 6);
    expect(await page.getByTestId('spatial-moran-i').textContent()).toMatch(/^0,\d{4}$/);
    expect(await page.getByTestId('spatial-source').textContent()).toMatch(
      /Coefficiente di occupabilità — fonte: .*coefficiente, configurazione predefinita del livello: \d+ indicatori, Min–max 0–100, Media aritmetica/,
    );
    // the map shows LISA colours for the coefficient (north high-high, south low-low)
    await highAndLow(page, 500);
    // the link reopens the coefficient
    await expect.poll(() => page.url()).toContain('opt=');
    const again = await h.open(page.url().slice(page.url().indexOf('?')));
    await hooked(again, 'province|coefficient|');
    expect(await again.getByTestId('spatial-indicator').inputValue()).toBe('coefficient');
    expect(Number(await again.getByTestId('spatial-moran-i').getAttribute('data-value'))).toBeCloseTo(coefI, 9);
    await again.close();

    // a coverage measure: the coverage engine with its settings (hospitals, d0 = 50 km, the app's defaults)
    await picker.selectOption('coverage:access_e2sfca');
    await hooked(page, 'province|coverage:access_e2sfca|', 180000);
    const covI = Number(await page.getByTestId('spatial-moran-i').getAttribute('data-value'));
    expect(covI).toBeCloseTo(cliI('--variable', 'coverage:access_e2sfca', '--level', 'province'), 3);
    expect(await page.getByTestId('spatial-source').textContent()).toMatch(
      /Accessibilità E2SFCA.*d0 = 50 km.*Ospedali/,
    );
    // the coverage view's settings are the measure's: d0 = 40 km there, then back to the clusters
    await page.getByTestId('mode-coverage').click();
    await page.getByTestId('coverage-d0').fill('40');
    await page.getByTestId('coverage-d0').press('Enter');
    await page.getByTestId('mode-spatial').click();
    await expect.poll(() => page.getByTestId('spatial-source').textContent(), { timeout: 30000 }).toMatch(/d0 = 40 km/);
    await page.waitForFunction(
      (old) => {
        const m = /^province\|coverage:access_e2sfca\|(.+)$/.exec(document.body.dataset.spatial ?? '');
        return !!m && Number(m[1]) !== old;
      },
      covI,
      { timeout: 180000 },
    );
    const cov40 = Number(await page.getByTestId('spatial-moran-i').getAttribute('data-value'));
    expect(cov40).toBeCloseTo(cliI('--variable', 'coverage:access_e2sfca', '--level', 'province', '--d0', '40'), 3);
    // … and the link keeps them
    const link = await h.open(page.url().slice(page.url().indexOf('?')));
    await hooked(link, 'province|coverage:access_e2sfca|', 180000);
    expect(await link.getByTestId('spatial-source').textContent()).toMatch(/d0 = 40 km/);
    expect(Number(await link.getByTestId('spatial-moran-i').getAttribute('data-value'))).toBeCloseTo(cov40, 9);
    await link.close();
    expect(h.errors).toEqual([]);
    await page.close();
  });

  it('local labour systems (?level=sll): a LISA map, 2 isolated (Capri, Lipari); NUTS2: 22 isolated, and the coefficient is not offered there, said on screen', async () => {
    const page = await h.open('?mode=spatial&level=sll&ind=avg_taxable_income');
    await hooked(page, 'sll|avg_taxable_income|');
    expect(await page.getByTestId('spatial-isolated').textContent()).toBe('2');
    expect(Number(await page.getByTestId('spatial-moran-i').getAttribute('data-value'))).toBeCloseTo(
      cliI('--indicator', 'avg_taxable_income', '--level', 'sll'),
      6,
    );
    await highAndLow(page, 2000);
    expect(await page.getByTestId('spatial-legend').textContent()).toMatch(/6 · isolato\s*2/);
    await page.close();

    const eu = await h.open('?mode=spatial&level=nuts2&ind=net_migration_per_1000');
    await hooked(eu, 'nuts2|net_migration_per_1000|');
    expect(await eu.getByTestId('spatial-isolated').textContent()).toBe('22');
    await eu.getByTestId('spatial-indicator').selectOption('coefficient');
    await expect
      .poll(() => eu.getByTestId('spatial-not-offered').textContent())
      .toMatch(/Il coefficiente non è calcolato per le regioni europee \(NUTS2\), perché/);
    expect(h.errors).toEqual([]);
    await eu.close();
  });

  it('an imported grouping (the provinces as groups of their comuni, synthetic file): neighbours from the member comuni, Moran’s I = the provinces’ own, for an indicator and a coverage measure', async () => {
    const db = await openNodeDb();
    const rows = await db.all(
      `SELECT code, province_code FROM read_parquet('public/data/territories.parquet') WHERE level = 'comune' ORDER BY code`,
    );
    db.close();
    // FIXTURE (synthetic grouping file made from the real comune → province codes)
    const csv = path.join(tmp, 'province_grouping.csv');
    fs.writeFileSync(
      csv,
      'comune_code,group_code,group_name\n' +
        rows.map((r) => `${r.code},P${r.province_code},Provincia ${r.province_code} (sintetico)`).join('\n') +
        '\n',
    );
    const context = await h.browser.newContext({ viewport: VIEWPORT });
    const page = await h.open('?tool=import', { context });
    const tool = page.getByTestId('import-tool');
    await tool.getByTestId('import-file').setInputFiles(csv);
    await tool.getByTestId('import-preview').waitFor();
    await tool.getByTestId('import-use-grouping').check();
    await tool.getByTestId('import-grouping-name').fill('Province (sintetico)');
    await tool.getByTestId('import-add').click();
    await expect.poll(() => tool.getByTestId('import-done').textContent(), { timeout: 60000 }).toMatch(/107 gruppi/);
    await page.close();
    const map = await h.open('?mode=spatial&level=province&ind=population', { context });
    await map.getByTestId('level-group-user_province_sintetico').check({ force: true });
    await hooked(map, 'user_province_sintetico|population|');
    // population adds up from the comuni, and contiguity from the comuni is the provinces': the same I
    expect(Number(await map.getByTestId('spatial-moran-i').getAttribute('data-value'))).toBeCloseTo(
      cliI('--indicator', 'population', '--level', 'province'),
      4,
    );
    expect(await map.getByTestId('spatial-isolated').textContent()).toBe('0');
    expect(await map.getByTestId('spatial-group-rule').textContent()).toMatch(/un comune dell’uno confina/);
    expect(map.url()).toContain('grp=user_province_sintetico');
    // a coverage measure on the groups: the comune measures aggregated as for provinces, so the provinces' I again
    const popI = Number(await map.getByTestId('spatial-moran-i').getAttribute('data-value'));
    await map.getByTestId('spatial-indicator').selectOption('coverage:access_e2sfca');
    await hooked(map, 'user_province_sintetico|coverage:access_e2sfca|', 180000);
    const groupCov = Number(await map.getByTestId('spatial-moran-i').getAttribute('data-value'));
    expect(groupCov).not.toBeCloseTo(popI, 3);
    expect(groupCov).toBeCloseTo(cliI('--variable', 'coverage:access_e2sfca', '--level', 'province'), 3);
    // the coefficient on the groups (the coefficient model ranks them: src/grouping/matrix.ts), analysed like any variable
    await map.getByTestId('spatial-indicator').selectOption('coefficient');
    await hooked(map, 'user_province_sintetico|coefficient|', 180000);
    const coefI = Number(await map.getByTestId('spatial-moran-i').getAttribute('data-value'));
    expect(Math.abs(coefI)).toBeLessThan(1);
    expect(coefI).not.toBeCloseTo(groupCov, 3);
    expect(await map.getByTestId('spatial-not-offered').count()).toBe(0);
    expect(h.errors).toEqual([]);
    await map.close();
    await context.close();
  });
});
