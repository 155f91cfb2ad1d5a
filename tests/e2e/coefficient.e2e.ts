import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { startHarness, canvasHash, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const firstRows = (page: Page, n = 5) =>
  page.$$eval(
    '[data-testid=ranking-table] tbody tr',
    (trs, n) => trs.slice(0, n).map((tr) => tr.querySelector('th')?.textContent?.trim()),
    n,
  );
const mcDone = (page: Page) => page.waitForFunction(() => !!document.body.dataset.mc, null, { timeout: 90000 });

describe('the employability coefficient in Chromium', () => {
  it('recolours the map and re-ranks when a weight slider moves; the CSV export equals the command line', async () => {
    const page = await h.open('?mode=coefficient&level=region&table=1');
    await page.waitForFunction(() => /coefficient/.test(document.body.dataset.layer ?? ''), null, { timeout: 60000 });
    await expect.poll(() => page.locator('[data-testid=ranking-table] tbody tr').count(), { timeout: 60000 }).toBe(20);
    await mcDone(page);
    const before = { rows: await firstRows(page), hash: await canvasHash(page) };

    // labour market only, by keyboard on the sliders: stability pillar to 0, income weight to the maximum
    await page.evaluate(() => delete document.body.dataset.mc);
    await page.getByTestId('pillar-weight-stability').focus();
    await page.keyboard.press('Home');
    await page.getByTestId('weight-avg_taxable_income').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('pct-avg_taxable_income').textContent()).not.toBe('9%');
    await expect.poll(() => firstRows(page)).not.toEqual(before.rows);
    await page.waitForTimeout(500);
    await expect.poll(() => canvasHash(page), { timeout: 15000 }).not.toBe(before.hash);
    await expect.poll(() => page.url()).toContain('cfg=');
    await mcDone(page);
    // rank intervals are drawn once the Monte Carlo is in
    expect(await page.locator('[data-testid=ranking-table] td.interval svg').count()).toBe(20);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coef-'));
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csvFile = path.join(dir, 'browser.csv');
    await csvDl.saveAs(csvFile);
    const [cfgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-config').click()]);
    const cfgFile = path.join(dir, 'config.json');
    await cfgDl.saveAs(cfgFile);
    const cliFile = path.join(dir, 'cli.csv');
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/coefficient.ts',
        '--level',
        'region',
        '--config',
        cfgFile,
        '--out',
        cliFile,
        '--data',
        'public/data',
      ],
      { stdio: 'pipe' },
    );
    const browserCsv = fs.readFileSync(csvFile, 'utf8');
    expect(browserCsv.split('\n')[0]).toMatch(
      /^code,name,score,rank,rank_p05,rank_p50,rank_p95,observed_weight,own_level_weight,status/,
    );
    expect(browserCsv.split('\n').filter(Boolean)).toHaveLength(21);
    expect(browserCsv).toBe(fs.readFileSync(cliFile, 'utf8'));
    await page.close();
  });

  it('says how local the coefficient is, and how many territories are faded and why (province level)', async () => {
    const page = await h.open('?mode=coefficient&level=province&table=1');
    await expect.poll(() => page.locator('[data-testid=ranking-table] tbody tr').count(), { timeout: 60000 }).toBe(107);
    const note = page.getByTestId('own-level-note');
    await expect
      .poll(() => note.textContent())
      .toMatch(/^A livello provinciale in media il \d+ % del peso viene da dati provinciali/);
    // the same note in the legend, and one own-level cell per row
    await expect
      .poll(() => page.locator('.legend').first().textContent())
      .toMatch(/in media il \d+ % del peso viene da dati provinciali/);
    expect(await page.getByTestId('own-level-cell').count()).toBe(107);
    await mcDone(page);
    await page.getByTestId('fade').check();
    const fadeNote = page.getByTestId('fade-note');
    await expect
      .poll(() => fadeNote.textContent())
      .toMatch(/^Sfumati \d+ territori su 107: .* più del 40% della classifica/);
    const faded = Number((await fadeNote.textContent())!.match(/Sfumati (\d+)/)![1]);
    expect(faded).toBeGreaterThan(0);
    expect(faded).toBeLessThan(107 / 2); // the default fades a minority
    await expect
      .poll(() => page.locator('.legend').first().textContent())
      .toMatch(new RegExp(`Sfumati ${faded} territori su 107`));
    // a stricter threshold fades more
    await page.evaluate(() => delete document.body.dataset.mc);
    await page.getByTestId('uncertain-share').selectOption('0.2');
    await mcDone(page);
    await expect
      .poll(async () => Number((await fadeNote.textContent())!.match(/Sfumati (\d+)/)![1]))
      .toBeGreaterThan(faded);
    await page.close();
  });

  it('the untouched default follows the level: at comune level the comune data get more weight', async () => {
    const page = await h.open('?mode=coefficient&level=province');
    const income = page.getByTestId('pct-avg_taxable_income');
    // province: 14 indicators with equal weights, 8 labour → ½·⅛ = 6.25 % (shown 6 or 7 by largest-remainder rounding)
    await expect.poll(() => income.textContent(), { timeout: 60000 }).toMatch(/^[67]%$/);
    await page.locator('input[name=level][value=comune]').check();
    // comune: 3 labour indicators measured there (income, its change, census unemployment) against 5 inherited →
    // each own one weighs 5/3 → 1.75 (0.25 steps): ½·1.75/(3·1.75 + 5) = 8.5 % (shown 8 or 9)
    await expect.poll(() => income.textContent(), { timeout: 60000 }).toMatch(/^[89]%$/);
    // and the census share of foreign residents, the only stability indicator measured per comune against 5
    // inherited, weighs 4 (the cap): ½·4/(4 + 5) = 22 %
    expect(await page.getByTestId('pct-foreign_per_100_census').textContent()).toBe('22%');
    await expect
      .poll(() => page.getByTestId('own-level-note').textContent(), { timeout: 90000 })
      .toMatch(/^A livello comunale in media il \d+ % del peso viene da dati comunali/);
    await page.close();
  });

  it('a configuration with errors is refused with every problem listed, and the map keeps working', async () => {
    const page = await h.open('?mode=coefficient&level=region');
    await page.waitForSelector('[data-testid=load-config]', { timeout: 60000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coef-'));
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ version: 2, level: 'planet', indicators: [{ id: 'no_such_indicator' }] }));
    await page.getByTestId('load-config').setInputFiles(bad);
    const alert = page.getByTestId('coefficient-panel').getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/version/);
    expect(await alert.textContent()).toMatch(/planet/);
    expect(await alert.textContent()).toMatch(/no_such_indicator/);
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    await page.close();
  });

  /** The province coefficient's method page, opened with its button (`lang`: the page's language). */
  async function methodPage(lang: 'it' | 'en') {
    const page = await h.open(`?mode=coefficient&level=province${lang === 'en' ? '&lang=en' : ''}`);
    await page.getByRole('button', { name: lang === 'en' ? 'How it is computed' : 'Come è calcolato' }).click();
    const dlg = page.getByTestId('method-page');
    await expect.poll(() => dlg.isVisible()).toBe(true);
    const text = (await dlg.textContent()) ?? '';
    return { page, dlg, text };
  }

  it('opens the method page in English with the formulas', async () => {
    const { page, dlg, text } = await methodPage('en');
    expect(text).toMatch(/AMPI− = M − S·cv/);
    // the rules in force and where each reference comes from
    expect(text).toMatch(/In use now: re-spread within the pillar/);
    expect(text).toMatch(/fewer than half of the level’s territories/);
    expect(text).toMatch(/Foreign residents per 100 inhabitants: the source’s national value/i);
    expect(text).toMatch(/no national value: plain mean of the territories/);
    // the words come from the dictionary with their marks: formulas as code, headings in bold, subscripts
    expect(await dlg.locator('code', { hasText: 'AMPI− = M − S·cv' }).count()).toBe(1);
    expect(await dlg.locator('li > b').first().textContent()).toBe('Indicators and levels.');
    expect(await dlg.locator('sub').allTextContents()).toEqual(['inherited', 'own']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dlg.count()).toBe(0);
    await page.close();
  });

  it('opens the method page in Italian, same steps and marks', async () => {
    const { page, dlg, text } = await methodPage('it');
    expect(await dlg.getByRole('heading').first().textContent()).toMatch(/Come è calcolato il coefficiente/);
    expect(await dlg.locator('ol > li').count()).toBe(10);
    expect(text).toMatch(/In uso ora: ridistribuzione nel pilastro/);
    expect(await dlg.locator('code', { hasText: 'own_level_weight' }).count()).toBe(1);
    expect(await dlg.locator('sub').allTextContents()).toEqual(['ereditati', 'propri']);
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
