/**
 * Imported data reopened from a link after a reload (issue 15): the view of an imported indicator, its
 * selection and panel, and an imported grouping shown as the map level. Fixtures are SYNTHETIC (real
 * comune codes of the Crotone province, invented counts; see tests/fixtures/import/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, type Harness, VIEWPORT } from './harness';
import { addFile, expectAtsTable, FIX, preview } from './importSteps';

const IND = 'user_crotone_counts_iscritti';
const GRP = 'user_ats_crotone_sintetico';
let h: Harness;
let context: BrowserContext;
beforeAll(async () => {
  h = await startHarness();
  // one context for the whole file: its IndexedDB survives the reloads
  context = await h.browser.newContext({ viewport: VIEWPORT });
  // remember whether the page ever said it was restoring the imports
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=imports-restoring]'))
        (window as unknown as { __sawRestoring?: boolean }).__sawRestoring = true;
    }).observe(document, { childList: true, subtree: true });
  });
});
afterAll(async () => {
  await context?.close();
  await h?.close();
});

async function importFile(page: Page, file: string, use: 'indicators' | 'grouping', name?: string) {
  const tool = page.getByTestId('import-tool');
  await addFile(tool, file, use, { name });
  await expect.poll(() => tool.getByTestId('import-done').textContent(), { timeout: 30000 }).toMatch(/Aggiunt/);
}

describe('imported data reopens from its link after a reload (Chromium)', () => {
  it('adds a synthetic indicator and a synthetic grouping through the file input', async () => {
    const page = await h.open('?tool=import', { context });
    await importFile(page, 'crotone_counts.csv', 'indicators');
    await expect.poll(() => page.getByTestId('import-datasets').textContent()).toMatch(/crotone_counts/);
    await importFile(page, 'ats_grouping.csv', 'grouping', 'ATS Crotone (sintetico)');
    await page.close();
  });

  it('the view of an imported indicator, with a selection, reopens: map, menu, legend and panel', async () => {
    // while the imports are being restored the page says so (instead of an empty map and "No data (0)")
    const page = await h.open(`?level=comune&ind=${IND}&sel=101010`, { context, waitFor: 'base' });
    await page.waitForFunction(() => !!document.body.dataset.layer, null, { timeout: 60000 });
    expect(await page.evaluate(() => document.body.dataset.layer)).toMatch(/^choropleth-comune:/);
    // the map waited for the restore, and said so
    expect(await page.evaluate(() => (window as unknown as { __sawRestoring?: boolean }).__sawRestoring)).toBe(true);
    // the indicator menu has the imported indicator, chosen
    const select = page.locator('#indicator-select');
    await expect.poll(() => select.locator('option:checked').textContent(), { timeout: 30000 }).toBe('iscritti');
    // the legend shows its classes and its year, not "no data"
    await expect.poll(() => page.getByTestId('legend-year').textContent(), { timeout: 30000 }).toMatch(/2024/);
    expect(await page.getByTestId('legend-classes').locator('li').count()).toBeGreaterThan(1);
    // the panel of Crotone (101010) shows the imported value (77, synthetic) and does not wait forever
    const panel = page.getByTestId('territory-panel');
    await expect.poll(() => panel.getByTestId('panel-value').textContent(), { timeout: 60000 }).toMatch(/77/);
    await expect
      .poll(() => panel.textContent(), { timeout: 90000 })
      .not.toMatch(/Avvio del motore|Starting the analysis engine/);
    await page.close();
  });

  it('after a reload the profile and the comparison show the imported indicator (read one year at a time)', async () => {
    const page = await h.open(`?level=comune&sel=101010&tool=profile`, { context, waitFor: 'base' });
    const figure = page.getByTestId('profile-figures').locator(`tr[data-indicator=${IND}]`);
    await expect.poll(() => figure.textContent(), { timeout: 90000 }).toMatch(/iscritti.*2024.*77/s);
    await page.goto(new URL(`?level=comune&cmp=101010,101001&tool=compare`, page.url()).href);
    const row = page.getByTestId('compare-table').locator(`tr[data-indicator=${IND}]`);
    await expect.poll(() => row.textContent(), { timeout: 90000 }).toMatch(/77.*47/s);
    await page.close();
  });

  it('reopening the imported indicator at province level shows the province sum where it is complete', async () => {
    const page = await h.open(`?level=province&ind=${IND}&sel=101`, { context, waitFor: 'base' });
    // 27 of 27 comuni of the province have a value: the province gets their sum (synthetic fixture)
    const panel = page.getByTestId('territory-panel');
    const sum = (await import('node:fs'))
      .readFileSync(path.join(FIX, 'crotone_counts.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .reduce((s, l) => s + Number(l.split(',')[2]), 0);
    await expect
      .poll(async () => (await panel.getByTestId('panel-value').textContent())?.replace(/\D/g, ''), { timeout: 60000 })
      .toBe(String(sum));
    await page.close();
  });

  it('an imported grouping reopens as the map level from its link', async () => {
    const page = await h.open(`?level=comune&grp=${GRP}&ind=${IND}`, { context, waitFor: 'base' });
    await page.waitForFunction(() => document.body.dataset.level === 'group', null, { timeout: 90000 });
    expect(await page.evaluate(() => document.body.dataset.layer)).toMatch(new RegExp(`^choropleth-group-${GRP}:`));
    expect(await page.getByTestId(`level-group-${GRP}`).isChecked()).toBe(true);
    // a sum per group: every group has a value
    await expectAtsTable(page);
    await page.close();
  });

  it('the restored indicator is in DuckDB too (SQL console): its 28 rows, values as imported', async () => {
    const page = await h.open('?tool=sql', { context, waitFor: 'db' });
    const tool = page.getByTestId('sql-tool');
    await tool
      .getByTestId('sql-input')
      .fill(
        `SELECT count(*) AS n, sum(value) AS s, count(*) FILTER (WHERE numerator IS NULL) AS no_num FROM indicators WHERE indicator = '${IND}'`,
      );
    // 27 comuni (sum 1631, synthetic) + the province (1631): 28 rows, 3262 in all
    await expect
      .poll(
        async () => {
          await tool.getByTestId('sql-run').click();
          return tool.getByTestId('sql-result').locator('tbody tr').first().textContent();
        },
        { timeout: 60000 },
      )
      .toMatch(/^\s*28\s*3[.,]?262\s*28\s*$/);
    await page.close();
  });

  it('keeps the imported indicator in IndexedDB as typed columns, not as one object per row', async () => {
    const page = await h.open('?tool=import', { context, waitFor: 'base' });
    const stored = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const open = indexedDB.open('coefficienti-imports');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('datasets').objectStore('datasets').get('user_crotone_counts');
            get.onsuccess = () => {
              const ind = get.result.indicators;
              resolve({
                rows: 'rows' in ind,
                bytesInline: 'bytes' in get.result,
                length: ind.packed.length,
                codes: ind.packed.codes.length,
                levels: ind.packed.levels,
                valueBytes: ind.packed.blobs.value.size,
                codeBytes: ind.packed.blobs.code.size,
                ratio: ind.packed.blobs.numerator,
              });
            };
          };
        }),
    );
    // 27 comuni + their province (the sum: every comune has a value) = 28 rows of one indicator
    expect(stored).toEqual({
      rows: false,
      bytesInline: false,
      length: 28,
      codes: 28,
      levels: ['comune', 'province'],
      valueBytes: 28 * 8,
      codeBytes: 28 * 4,
      ratio: null,
    });
    await page.close();
  });

  it('a large file shows a progress bar with words, and Cancel really stops it; the tool stays usable', async () => {
    // SYNTHETIC: every comune code (territories.parquet) × 64 years, invented counts (~500,000 rows)
    const buf = fs.readFileSync(path.resolve(__dirname, '../../dist/data/territories.parquet'));
    const terr = await parquetReadObjects({
      file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
      columns: ['level', 'code'],
    });
    const codes = terr.filter((r) => r.level === 'comune').map((r) => r.code as string);
    const lines = ['comune_code,anno,conteggio'];
    for (let y = 1950; y < 2014; y++)
      for (let i = 0; i < codes.length; i++) lines.push(`${codes[i]},${y},${(i * 7919 + y) % 10007}`);
    const page = await h.open('?tool=import', { context, waitFor: 'base' });
    const tool = page.getByTestId('import-tool');
    await tool.getByTestId('import-file').setInputFiles({
      name: 'synthetic_large.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n') + '\n'),
    });
    const progress = tool.getByTestId('import-progress');
    // at the first frame that shows the bar: read what it says and press Cancel in the same task (the worker
    // may be done in well under a second on an idle machine)
    const seen = (await (
      await page.waitForFunction(
        () => {
          const p = document.querySelector('[data-testid=import-progress]') as HTMLElement | null;
          const c = document.querySelector('[data-testid=import-cancel]') as HTMLButtonElement | null;
          if (!p || !c) return false;
          const r = { text: p.textContent ?? '', bars: p.querySelectorAll('progress').length };
          c.click();
          return r;
        },
        null,
        { timeout: 30000, polling: 'raf' },
      )
    ).jsonValue()) as { text: string; bars: number };
    expect(seen.text).toMatch(/synthetic_large\.csv — Lettura e verifica del file/);
    expect(seen.bars).toBe(1);
    await expect
      .poll(() => tool.getByTestId('import-done').textContent())
      .toMatch(/Importazione annullata: non è stato aggiunto nulla/);
    expect(await progress.count()).toBe(0);
    // the stopped worker never answers: no preview comes afterwards
    await page.waitForTimeout(3000);
    expect(await tool.getByTestId('import-preview').count()).toBe(0);
    // a new worker takes the next file
    await preview(tool, 'crotone_counts.csv');
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
