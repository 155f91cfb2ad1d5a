import fs from 'node:fs';
import os from 'node:os';
import { parquetReadObjects } from 'hyparquet';
import { describe, it, expect } from 'vitest';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { sharedContext, type Harness } from './harness';
import { addFile, expectAtsTable, FIX, preview } from './importSteps';

let h: Harness;
let context: BrowserContext;
// one context for the whole file: its IndexedDB survives the reloads
sharedContext((s) => ({ h, context } = s));

describe('bring your own data (Chromium)', () => {
  it('imports the synthetic Crotone job centres as a service layer; a reload keeps it', async () => {
    const page = await h.open('?tool=import', { context });
    const tool = page.getByTestId('import-tool');
    await expect.poll(() => tool.getByTestId('import-privacy').textContent()).toMatch(/nulla viene inviato/);
    await preview(tool, 'job_centres_crotone.csv');
    expect(await tool.getByTestId('import-points').textContent()).toMatch(/3 con coordinate, 2 posti nel loro comune/);
    expect(await tool.getByTestId('import-key').textContent()).toMatch(/comune_code.*5 di 5/);
    // imported text is shown as text, never as HTML
    expect(await tool.getByTestId('import-preview').textContent()).toContain(
      '=HYPERLINK("http://example.invalid") (SINTETICO)',
    );
    expect(await page.locator('[data-testid=import-preview] a').count()).toBe(0);
    await tool.getByTestId('import-use-services').check();
    await tool.getByTestId('import-layer-name').fill('CPI Crotone (sintetico)');
    await tool.getByTestId('import-add').click();
    await expect
      .poll(() => tool.getByTestId('import-done').textContent())
      .toMatch(/Aggiunto: CPI Crotone \(sintetico\).*5 punti/);
    await expect
      .poll(() => tool.getByTestId('import-datasets').textContent())
      .toMatch(/CPI Crotone \(sintetico\) — servizi, 5 punti/);

    await page.reload();
    await page.getByTestId('import-tool').waitFor();
    await expect
      .poll(() => page.getByTestId('import-datasets').textContent(), { timeout: 20000 })
      .toMatch(/CPI Crotone \(sintetico\) — servizi, 5 punti/);
    await page.close();

    // the coverage view uses the imported layer like a built-in one: its nearest job centres for Crotone
    const cov = await h.open('?mode=coverage&level=comune&sel=101010', { context });
    const select = cov.getByTestId('coverage-layer');
    await expect
      .poll(() => select.locator('option').allTextContents(), { timeout: 30000 })
      .toContainEqual(expect.stringMatching(/CPI Crotone \(sintetico\)/));
    const value = await select.locator('option', { hasText: 'CPI Crotone (sintetico)' }).getAttribute('value');
    await select.selectOption(value as string);
    await cov.waitForFunction((id) => (document.body.dataset.coverage ?? '').startsWith(`${id}|`), value, {
      timeout: 90000,
    });
    await expect.poll(() => cov.getByTestId('nearest-list').textContent(), { timeout: 30000 }).toMatch(/km/);
    await cov.close();
  });

  it('imports the synthetic ATS grouping and builds its boundaries (comuni merged)', async () => {
    const page = await h.open('?tool=import', { context });
    const tool = page.getByTestId('import-tool');
    await addFile(tool, 'ats_grouping.csv', 'grouping', { name: 'ATS Crotone (sintetico)' });
    await expect.poll(() => tool.getByTestId('import-done').textContent()).toMatch(/3 gruppi, 27 comuni/);
    const item = tool.getByTestId('dataset-user_ats_crotone_sintetico');
    await item.getByRole('button', { name: 'Costruisci i confini' }).click();
    await expect.poll(() => item.textContent(), { timeout: 30000 }).toMatch(/Confini pronti: 3 gruppi/);
    await item.getByRole('button', { name: 'Indicatori per gruppo' }).click();
    await expect.poll(() => item.locator('table').count(), { timeout: 90000 }).toBe(1);
    expect(await item.locator('tbody tr').count()).toBe(3);
    await page.close();

    // the grouping as a map level: merged boundaries coloured by the indicator aggregated per group
    const map = await h.open('?level=comune&ind=population', { context });
    await map.getByTestId('level-group-user_ats_crotone_sintetico').check({ force: true });
    await map.waitForFunction(() => document.body.dataset.level === 'group', null, { timeout: 90000 });
    expect(map.url()).toContain('grp=user_ats_crotone_sintetico');
    // population is a sum: every group has a value (its comuni's ANPR populations added up)
    await expectAtsTable(map);
    await map.close();
  });

  it('a file dropped anywhere on the map opens the import tool with its preview', async () => {
    const page = await h.open('', { context });
    const csv = fs.readFileSync(path.join(FIX, 'job_centres_crotone.csv'), 'utf8');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'job_centres_crotone.csv', { type: 'text/csv' }));
      document
        .querySelector('.maplibregl-canvas')
        ?.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document
        .querySelector('.maplibregl-canvas')
        ?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, csv);
    await expect.poll(() => page.url()).toContain('tool=import');
    await page.getByTestId('import-tool').getByTestId('import-preview').waitFor({ timeout: 30000 });
    await page.close();
  });

  it('bad input gives a clear message and the tool stays usable', async () => {
    const page = await h.open('?tool=import', { context });
    const tool = page.getByTestId('import-tool');
    await tool.getByTestId('import-file').setInputFiles(path.join(FIX, 'empty.csv'));
    await expect.poll(() => tool.getByTestId('import-error').textContent()).toMatch(/Il file è vuoto/);
    await tool.getByTestId('import-file').setInputFiles(path.join(FIX, 'invalid_geometry.geojson'));
    await expect
      .poll(() => tool.getByTestId('import-problems').textContent())
      .toMatch(/3 elementi con geometria non valida \(indici 1, 2, 3\)/);
    await tool.getByTestId('import-file').setInputFiles(path.join(FIX, 'unknown_codes.csv'));
    await expect
      .poll(() => tool.getByTestId('import-problems').textContent())
      .toMatch(/2 codici non corrispondono.*righe 3, 4/);
    await page.close();
  });

  it('the SQL console runs a SELECT (also on the imported layer) and refuses a DROP', async () => {
    const page = await h.open('?tool=sql', { context, waitFor: 'db' });
    const tool = page.getByTestId('sql-tool');
    await tool.getByTestId('sql-run').click();
    await expect.poll(() => tool.getByTestId('sql-count').textContent(), { timeout: 30000 }).toMatch(/^10 righe/);
    await tool.getByTestId('sql-input').fill('SELECT count(*) AS n FROM user_cpi_crotone_sintetico');
    await expect
      .poll(
        async () => {
          await tool.getByTestId('sql-run').click();
          return tool.getByTestId('sql-result').locator('tbody td').first().textContent();
        },
        { timeout: 30000 },
      )
      .toBe('5');
    await tool.getByTestId('sql-input').fill('DROP TABLE territories');
    await tool.getByTestId('sql-run').click();
    await expect.poll(() => tool.getByTestId('sql-refused').textContent()).toMatch(/Sono permesse solo letture/);
    await tool.getByTestId('sql-input').fill('SELECT count(*) AS n FROM territories');
    await tool.getByTestId('sql-run').click();
    // 8,024 Italian territories + 515 SLL + 290 NUTS2 regions
    await expect.poll(() => tool.getByTestId('sql-result').locator('tbody td').first().textContent()).toBe('8829');
    // results export as Parquet too (written in JavaScript), readable back
    await tool
      .getByTestId('sql-input')
      .fill("SELECT code, name, population FROM territories WHERE level = 'region' ORDER BY code");
    await tool.getByTestId('sql-run').click();
    await expect.poll(() => tool.getByTestId('sql-result').locator('tbody tr').count()).toBe(20);
    const [dl] = await Promise.all([page.waitForEvent('download'), tool.getByTestId('sql-export-parquet').click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sql-')), 'q.parquet');
    await dl.saveAs(file);
    const buf = fs.readFileSync(file);
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ code: '01', name: 'Piemonte' });
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
