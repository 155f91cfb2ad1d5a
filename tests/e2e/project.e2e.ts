// Over 300 lines: one end-to-end story in five steps (save in one profile, open in a fresh one, again, by link, bad files) sharing the saved file.
/**
 * The project file (issue 14, item 2) in Chromium, as a person would use it: in one browser profile, import
 * data and tune the coefficient, save the project; open it in a FRESH profile and find every item there and
 * working; open it again (clashes: kept beside, never overwritten); open it from a link beside the atlas; and
 * the plain messages for a corrupt file, a newer format and codes the bundled data no longer has. Fixtures are
 * SYNTHETIC (real comune codes of the Crotone province, invented values; tests/fixtures/import/README.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, type Harness, VIEWPORT } from './harness';
import { readProject, writeProject } from '../../src/project/format';
import { indicatorsParquet, readIndicators } from '../../src/project/tables';

const FIX = path.resolve(__dirname, '../fixtures/import');
const DIST = path.resolve(__dirname, '../../dist');
const LINKED = 'e2e-project.coefficienti.zip';
const IND = 'user_crotone_counts_iscritti';
const GRP = 'user_ats_crotone_sintetico';
const viewport = VIEWPORT;
/** the slide's title in either language (the default story, in English, may have switched the atlas to English) */
const SLIDE_TITLE = /^(Iscritti a Crotone \(dati sintetici\)|Registered in Crotone \(synthetic data\))$/;
const STORY = {
  format: 'coefficienti-story',
  version: 1,
  title: { it: 'Prova del progetto (sintetica)', en: 'Project test (synthetic)' },
  slides: [
    {
      view: `?level=comune&ind=${IND}`,
      title: { it: 'Iscritti a Crotone (dati sintetici)', en: 'Registered in Crotone (synthetic data)' },
      caption: { it: 'Dati di prova.', en: 'Test data.' },
    },
  ],
};
let h: Harness;
let dir: string;
let saved = '';
let cfg = '';
let pct = '';
const contexts: BrowserContext[] = [];
const fresh = async () => {
  const c = await h.browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(c);
  return c;
};

beforeAll(async () => {
  h = await startHarness();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'project-'));
});
afterAll(async () => {
  fs.rmSync(path.join(DIST, LINKED), { force: true });
  for (const c of contexts) await c.close().catch(() => {});
  await h?.close();
});

async function importFile(page: Page, file: string, use: 'indicators' | 'grouping' | 'services', name?: string) {
  const tool = page.getByTestId('import-tool');
  await tool.getByTestId('import-file').setInputFiles(path.join(FIX, file));
  await tool.getByTestId('import-preview').waitFor({ timeout: 30000 });
  await tool.getByTestId(`import-use-${use}`).check();
  if (name) await tool.getByTestId(use === 'grouping' ? 'import-grouping-name' : 'import-layer-name').fill(name);
  await tool.getByTestId('import-add').click();
  await expect.poll(() => tool.getByTestId('import-done').textContent(), { timeout: 30000 }).toMatch(/Aggiunt/);
}

async function openProjectFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const tool = page.getByTestId('project-tool');
  await tool.getByTestId('project-file').setInputFiles(file);
  return tool;
}

describe('the project file: save in one profile, open in a fresh one (Chromium)', () => {
  it('in one profile: imports three synthetic datasets, tunes the coefficient, saves the project', async () => {
    const a = await fresh();
    const page = await h.open('?tool=import', { context: a });
    await importFile(page, 'crotone_counts.csv', 'indicators');
    await importFile(page, 'ats_grouping.csv', 'grouping', 'ATS Crotone (sintetico)');
    await importFile(page, 'job_centres_crotone.csv', 'services', 'CPI Crotone (sintetico)');
    await page.close();

    // a presentation loaded from a file (SYNTHETIC, one slide on the imported indicator)
    const ps = await h.open('?tool=story', { context: a, waitFor: 'base' });
    // the story menu (Storia / Story), then its file input
    await ps.locator('[aria-controls=story-menu]').click();
    await ps.getByTestId('story-load').setInputFiles({
      name: 'storia.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(STORY)),
    });
    await expect.poll(() => ps.getByTestId('story-title').textContent(), { timeout: 30000 }).toMatch(SLIDE_TITLE);
    // the same tab (the story is this session's): the coefficient, with two regions picked for comparison
    const p = ps;
    await p.goto(`${h.url}?mode=coefficient&level=region&cmp=18,03`);
    const income = p.getByTestId('pct-avg_taxable_income');
    await expect.poll(() => income.textContent(), { timeout: 60000 }).toMatch(/%/);
    const before = await income.textContent();
    // the stability pillar to 0 by keyboard: the income indicator weighs more
    await p.getByTestId('pillar-weight-stability').focus();
    await p.keyboard.press('Home');
    await expect.poll(() => income.textContent(), { timeout: 30000 }).not.toBe(before);
    const cfgNow = () => p.evaluate(() => new URLSearchParams(location.search).get('cfg') ?? '');
    await expect.poll(cfgNow, { timeout: 30000 }).not.toBe('');
    await p.waitForTimeout(1000);
    cfg = await cfgNow();
    pct = (await income.textContent()) as string;

    await p.getByTestId('tool-project').click();
    const tool = p.getByTestId('project-tool');
    const [dl] = await Promise.all([p.waitForEvent('download'), tool.getByTestId('project-save').click()]);
    expect(dl.suggestedFilename()).toMatch(/^progetto-\d{4}-\d\d-\d\d\.coefficienti\.zip$/);
    saved = path.join(dir, dl.suggestedFilename());
    await dl.saveAs(saved);
    await expect.poll(() => tool.getByTestId('project-saved').textContent(), { timeout: 30000 }).toMatch(/7 elementi/);

    // the file: a zip with its manifest (format, atlas version, data release) and each dataset as Parquet
    const { manifest, files } = readProject(new Uint8Array(fs.readFileSync(saved)));
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.atlasVersion).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    expect(manifest.dataRelease).toMatch(/^build-report sha256:[0-9a-f]{16}$/);
    const kinds = manifest.items.map((i) => [i.kind, i.rows, i.levels]);
    expect(kinds.sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ['coefficient', null, []],
      ['compare', null, ['region']],
      ['grouping', 27, ['comune']],
      ['indicators', 28, ['comune', 'province']],
      ['services', 5, ['comune']],
      ['story', null, []],
      ['view', null, ['region']],
    ]);
    const rows = await readIndicators(files['datasets/user_crotone_counts.parquet']);
    expect(rows.find((r) => r.code === '101010')?.value).toBe(77);
    await p.close();
  });

  it('in a fresh profile: shows what the file holds, opens it, and every item is there and works', async () => {
    const b = await fresh();
    const page = await h.open('?tool=project', { context: b });
    const tool = await openProjectFile(page, saved);
    const preview = tool.getByTestId('project-preview');
    await preview.waitFor({ timeout: 60000 });
    expect(await tool.getByTestId('project-item-user_crotone_counts').textContent()).toMatch(
      /crotone_counts — Indicatori importati · 28 righe/,
    );
    expect(await tool.getByTestId(`project-item-${GRP}`).textContent()).toMatch(/ATS Crotone \(sintetico\).*27 righe/);
    expect(await preview.textContent()).toMatch(/CPI Crotone \(sintetico\) — Punti di servizio importati · 5 righe/);
    expect(await preview.textContent()).toMatch(/Configurazione del coefficiente/);
    expect(await tool.getByTestId('project-detail-compare').textContent()).toBe('Calabria, Lombardia');
    expect(await tool.getByTestId('project-detail-coefficient').textContent()).toMatch(/^\d+ indicatori$/);
    expect(await tool.getByTestId('project-detail-story').textContent()).toBe(
      '«Prova del progetto (sintetica)», 1 diapositiva',
    );
    // nothing here yet: no clash, nothing replaced; same data release
    expect(await tool.locator('[data-testid^=project-clash-]').count()).toBe(0);
    expect(await tool.getByTestId('project-other-data').count()).toBe(0);
    expect(await tool.getByTestId('project-apply-coefficient').isChecked()).toBe(true);
    await Promise.all([page.waitForURL(/cfg=/, { timeout: 60000 }), tool.getByTestId('project-go').click()]);
    // the project's view: the coefficient with the configuration tuned in the other profile
    await page.waitForFunction(() => /coefficient/.test(document.body.dataset.layer ?? ''), null, { timeout: 60000 });
    const url = new URL(page.url());
    expect(url.searchParams.get('cfg')).toBe(cfg);
    expect(url.searchParams.get('mode')).toBe('coefficient');
    expect(url.searchParams.get('cmp')).toBe('18,03');
    await expect.poll(() => page.getByTestId('pct-avg_taxable_income').textContent(), { timeout: 60000 }).toBe(pct);
    // the presentation is this session's story: its slide on the imported indicator
    await page.getByTestId('tool-story').click();
    await expect.poll(() => page.getByTestId('story-title').textContent(), { timeout: 30000 }).toMatch(SLIDE_TITLE);
    await page.close();

    // the imported indicator: in the menu, colouring the map, with its value in the panel
    const p2 = await h.open(`?level=comune&ind=${IND}&sel=101010`, { context: b, waitFor: 'base' });
    await p2.waitForFunction(() => !!document.body.dataset.layer, null, { timeout: 60000 });
    expect(await p2.evaluate(() => document.body.dataset.layer)).toMatch(/^choropleth-comune:/);
    await expect
      .poll(() => p2.locator('#indicator-select option:checked').textContent(), { timeout: 30000 })
      .toBe('iscritti');
    await expect.poll(() => p2.getByTestId('legend-year').textContent(), { timeout: 30000 }).toMatch(/2024/);
    expect(await p2.getByTestId('legend-classes').locator('li').count()).toBeGreaterThan(1);
    await expect
      .poll(() => p2.getByTestId('territory-panel').getByTestId('panel-value').textContent(), { timeout: 60000 })
      .toMatch(/77/);
    // the grouping is a map level
    expect(await p2.getByTestId(`level-group-${GRP}`).count()).toBe(1);
    await p2.close();

    // the three datasets are in this profile's list of imported data (IndexedDB)
    const p3 = await h.open('?tool=import', { context: b, waitFor: 'base' });
    const list = p3.getByTestId('import-datasets');
    await expect.poll(() => list.textContent(), { timeout: 30000 }).toMatch(/crotone_counts/);
    expect(await list.textContent()).toMatch(/ATS Crotone \(sintetico\)/);
    expect(await list.textContent()).toMatch(/CPI Crotone \(sintetico\)/);
    await p3.close();
  });

  it('opened again where its datasets already are: says so, keeps both, overwrites nothing', async () => {
    const b = contexts[1];
    const page = await h.open('?tool=project', { context: b, waitFor: 'base' });
    const tool = await openProjectFile(page, saved);
    await tool.getByTestId('project-preview').waitFor({ timeout: 60000 });
    expect(await tool.getByTestId('project-clash-user_crotone_counts').textContent()).toMatch(
      /C’è già in questo browser con lo stesso identificativo: «crotone_counts»/,
    );
    const action = tool.getByTestId('project-action-user_crotone_counts');
    expect(await action.inputValue()).toBe('rename');
    // the settings of the view: applying would replace the current ones
    expect(await tool.getByTestId('project-item-view').textContent()).toMatch(/sostituisce quella di ora/);
    await tool.getByTestId(`project-action-${GRP}`).selectOption('skip');
    for (const k of ['view', 'coefficient', 'compare', 'story']) await tool.getByTestId(`project-apply-${k}`).uncheck();
    // the services dataset: skipped too
    const services = (await tool.locator('select[data-testid^=project-action-user_cpi]').getAttribute('data-testid'))!;
    await tool.getByTestId(services).selectOption('skip');
    await tool.getByTestId('project-go').click();
    await expect
      .poll(() => tool.getByTestId('project-done').textContent(), { timeout: 30000 })
      .toMatch(/Aperto 1 insieme di dati/);
    // Escape closes the tool (a modal dialog), the import tool lists the datasets
    await page.keyboard.press('Escape');
    await expect.poll(() => tool.count(), { timeout: 15000 }).toBe(0);
    await page.getByTestId('tool-import').click();
    const list = page.getByTestId('import-datasets');
    await expect.poll(() => list.textContent(), { timeout: 30000 }).toMatch(/crotone_counts \(2\)/);
    expect(await page.getByTestId('dataset-user_crotone_counts').count()).toBe(1);
    expect(await page.getByTestId('dataset-user_crotone_counts_2').count()).toBe(1);
    expect(await page.getByTestId(`dataset-${GRP}_2`).count()).toBe(0);
    await page.close();
  });

  it('opens from a link to a file beside the atlas; a link to another site is refused in words', async () => {
    fs.copyFileSync(saved, path.join(DIST, LINKED));
    const page = await h.open(`?tool=project&project=${LINKED}`, { context: await fresh() });
    const tool = page.getByTestId('project-tool');
    await tool.getByTestId('project-preview').waitFor({ timeout: 60000 });
    expect(await tool.getByTestId('project-item-user_crotone_counts').textContent()).toMatch(/28 righe/);
    await page.close();
    const other = await h.open('?tool=project&project=https://example.org/p.coefficienti.zip&lang=en', {
      context: await fresh(),
    });
    await expect
      .poll(() => other.getByTestId('project-error').textContent(), { timeout: 30000 })
      .toMatch(/The linked project is on another site \(https:\/\/example\.org\): only projects published beside/);
    await other.close();
  });

  it('plain messages: a corrupt file, a newer format, a zip without manifest, codes no longer in the data', async () => {
    const page = await h.open('?tool=project', { context: await fresh() });
    const tool = page.getByTestId('project-tool');
    const error = tool.getByTestId('project-error');
    const zip = fs.readFileSync(saved);
    await openProjectFile(page, {
      name: 'rotto.coefficienti.zip',
      mimeType: 'application/zip',
      buffer: zip.subarray(0, 200),
    });
    await expect
      .poll(() => error.textContent(), { timeout: 30000 })
      .toMatch(/non è un progetto di Coefficienti leggibile: non è un archivio zip, oppure è danneggiato o incompleto/);
    const { manifest, files } = readProject(new Uint8Array(zip));
    const newer = writeProject({ ...manifest, formatVersion: 2 }, files);
    await openProjectFile(page, {
      name: 'nuovo.coefficienti.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(newer),
    });
    await expect
      .poll(() => error.textContent(), { timeout: 30000 })
      .toMatch(
        /salvato da una versione più recente dell’atlante \(formato 2; questa versione legge fino al formato 1\)/,
      );
    const bare = zipSync({ 'dati.csv': strToU8('comune_code,valore\n101010,1\n') });
    await openProjectFile(page, { name: 'dati.zip', mimeType: 'application/zip', buffer: Buffer.from(bare) });
    await expect.poll(() => error.textContent(), { timeout: 30000 }).toMatch(/manca il file manifest\.json/);

    // SYNTHETIC: three rows whose comune codes do not exist (999999 twice, 888888) added to the saved rows
    const key = 'datasets/user_crotone_counts.parquet';
    const rows = await readIndicators(files[key]);
    const gone = ['999999', '888888', '999999'].map((code) => ({ ...rows[0], code }));
    const edited = writeProject(manifest, { ...files, [key]: indicatorsParquet([...rows, ...gone]) });
    await openProjectFile(page, {
      name: 'codici.coefficienti.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(edited),
    });
    await tool.getByTestId('project-preview').waitFor({ timeout: 60000 });
    expect(await error.count()).toBe(0);
    expect(await tool.getByTestId('project-dropped-user_crotone_counts').textContent()).toMatch(
      /3 righe non saranno aperte: i codici 888888, 999999 non esistono più nei dati dell’atlante\. Le altre righe sono tenute\./,
    );
    await tool.getByTestId('project-go').click();
    await page.waitForURL(/cfg=/, { timeout: 60000 });
    const p2 = await h.open('?tool=import', { context: contexts.at(-1), waitFor: 'base' });
    await expect
      .poll(() => p2.getByTestId('import-datasets').textContent(), { timeout: 30000 })
      .toMatch(/crotone_counts/);
    await p2.close();
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
