/**
 * Imported data that stays whole (issue 15), in Chromium: the user-visible reported bugs, one test each.
 * Every file is a synthetic fixture (tests/fixtures/import/README.md) or written here, labelled SINTETICO.
 */
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { sharedContext, type Harness } from './harness';
import { addFile, FIX, preview } from './importSteps';

let h: Harness;
let context: BrowserContext;
// one context for the whole file: its IndexedDB survives the reloads
sharedContext((s) => ({ h, context } = s));

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

async function openTool(): Promise<{ page: Page; tool: Locator }> {
  const page = await h.open('?tool=import', { context });
  const tool = page.getByTestId('import-tool');
  await tool.getByTestId('import-privacy').waitFor();
  return { page, tool };
}

describe('imported data that stays whole (Chromium)', () => {
  it('bug 1: a file with mixed line endings is read as 5 rows', async () => {
    const { page, tool } = await openTool();
    await preview(tool, 'mixed_line_endings.csv');
    expect(await tool.getByTestId('import-key').textContent()).toMatch(/5 di 5 righe/);
    const cells = await tool.locator('[data-testid=import-preview] tbody tr').allTextContents();
    expect(cells).toHaveLength(5);
    expect(cells[0]).toMatch(/Torino.*10$/);
    expect(cells.join(' ')).not.toContain('1058091');
    await page.close();
  });

  it('bug 2: columns differing only in punctuation become two indicators; a reload shows no duplicate-key error', async () => {
    const { page, tool } = await openTool();
    await addFile(tool, 'similar_headers.csv', 'indicators', { refDate: '2024' });
    await expect.poll(() => tool.getByTestId('import-done').textContent()).toMatch(/4 indicatori/);
    await page.reload();
    await page.getByTestId('import-tool').waitFor();
    await expect
      .poll(() => page.getByTestId('import-datasets').textContent(), { timeout: 20000 })
      .toMatch(/similar_headers/);
    // all four in the indicator menu, each once
    const ids = ['occupati', 'occupati_2', 'popolazione_residente_al', 'popolazione_residente_al_2'].map(
      (x) => `user_similar_headers_${x}`,
    );
    await expect
      .poll(
        () =>
          page
            .locator('#indicator-select option')
            .evaluateAll((os) =>
              os.map((o) => (o as HTMLOptionElement).value).filter((v) => v.startsWith('user_similar_headers_')),
            ),
        { timeout: 20000 },
      )
      .toEqual(ids);
    await page.close();
    expect(h.errors).toEqual([]);
  });

  it('bug 3: a second file whose ids would collide gets new ids, and the preview says so', async () => {
    const { page, tool } = await openTool();
    await tool.getByTestId('import-file').setInputFiles(csv('ab.csv', 'comune_code,cd_x\n101010,1\n101008,2\n'));
    await tool.getByTestId('import-preview').waitFor();
    await tool.getByTestId('import-use-indicators').check();
    // small integers: a count or a rounded share? the user must choose before adding
    await expect.poll(() => tool.getByTestId('import-agg-missing').textContent()).toMatch(/cd_x/);
    expect(await tool.getByTestId('import-add').isDisabled()).toBe(true);
    await tool.getByTestId('import-agg-0').selectOption('sum');
    await tool.getByTestId('import-ref-date').fill('2024');
    await tool.getByTestId('import-add').click();
    await expect.poll(() => tool.getByTestId('import-done').textContent()).toMatch(/1 indicatori/);
    await tool.getByTestId('import-file').setInputFiles(csv('ab_cd.csv', 'comune_code,x\n101010,100\n101008,200\n'));
    await expect.poll(() => tool.getByTestId('import-preview').textContent()).toMatch(/ab_cd\.csv/);
    await tool.getByTestId('import-use-indicators').check();
    await expect
      .poll(() => tool.getByTestId('import-renamed').textContent())
      .toMatch(/user_ab_cd_x è già usato: “x” di questo file avrà user_ab_cd_x_2/);
    await tool.getByTestId('import-agg-0').selectOption('sum');
    await tool.getByTestId('import-ref-date').fill('2024');
    await tool.getByTestId('import-add').click();
    await expect.poll(() => tool.getByTestId('import-done').textContent()).toMatch(/Aggiunto: ab_cd/);
    expect(await tool.getByTestId('dataset-user_ab').count()).toBe(1);
    expect(await tool.getByTestId('dataset-user_ab_cd').count()).toBe(1);
    await page.close();
  });

  it('bug 4: a layer named like a grouping’s table gets its own id', async () => {
    const { page, tool } = await openTool();
    await addFile(tool, 'ats_grouping.csv', 'grouping', { name: 'ats' });
    await expect.poll(() => tool.getByTestId('import-done').textContent()).toMatch(/3 gruppi, 27 comuni/);
    await tool.getByTestId('import-file').setInputFiles(path.join(FIX, 'job_centres_crotone.csv'));
    await expect.poll(() => tool.getByTestId('import-preview').textContent()).toMatch(/job_centres_crotone/);
    await tool.getByTestId('import-use-services').check();
    await tool.getByTestId('import-layer-name').fill('ats members');
    await expect
      .poll(() => tool.getByTestId('import-renamed').textContent())
      .toMatch(/user_ats_members è già usato: “ats members” di questo file avrà user_ats_members_2/);
    await tool.getByTestId('import-add').click();
    await expect.poll(() => tool.getByTestId('import-done').textContent()).toMatch(/5 punti/);
    await expect.poll(() => tool.getByTestId('import-datasets').textContent()).toMatch(/ats members/);
    expect(await tool.getByTestId('dataset-user_ats_members_2').count()).toBe(1);
    expect(await tool.getByTestId('dataset-user_ats').count()).toBe(1);
    await page.close();
  });

  it('bug 5: GeoJSON features the preview leaves out are not added', async () => {
    const { page, tool } = await openTool();
    await preview(tool, 'left_out_features.geojson');
    expect(await tool.getByTestId('import-problems').textContent()).toMatch(
      /3 elementi con geometria non valida \(indici 1, 2, 3\)/,
    );
    expect(await tool.getByTestId('import-points').textContent()).toMatch(
      /1 con coordinate, 1 posti nel loro comune, 3 senza posizione/,
    );
    expect(await tool.locator('[data-excluded=true]').count()).toBe(3);
    await tool.getByTestId('import-use-services').check();
    await tool.getByTestId('import-layer-name').fill('left out (sintetico)');
    await tool.getByTestId('import-add').click();
    await expect.poll(() => tool.getByTestId('import-done').textContent()).toMatch(/2 punti/);
    await page.close();
  });

  it('bug 6: a __proto__ column shows its values', async () => {
    const { page, tool } = await openTool();
    await preview(tool, 'reserved_names.csv');
    const text = await tool.getByTestId('import-preview').textContent();
    expect(text).not.toContain('[object Object]');
    expect(text).not.toContain('native code');
    const first = await tool.locator('[data-testid=import-preview] tbody tr').first().locator('td').allTextContents();
    expect(first.slice(1, 4)).toEqual(['12', 'ufficio A', '3']);
    await page.close();
  });

  it('bug 7: an average defaults to the population-weighted mean; a count to the sum; the user can change it', async () => {
    const { page, tool } = await openTool();
    await tool
      .getByTestId('import-file')
      .setInputFiles(csv('redditi.csv', 'codice_istat,reddito_medio,occupati\n101010,20000,400\n101008,24000,1300\n'));
    await tool.getByTestId('import-preview').waitFor();
    await tool.getByTestId('import-use-indicators').check();
    expect(await tool.getByTestId('import-agg-0').inputValue()).toBe('weighted_mean');
    expect(await tool.getByTestId('import-agg-1').inputValue()).toBe('sum');
    expect(await tool.locator('.why').first().textContent()).toMatch(/“medio”/);
    await tool.getByTestId('import-agg-1').selectOption('none');
    expect(await tool.getByTestId('import-agg-1').inputValue()).toBe('none');
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
