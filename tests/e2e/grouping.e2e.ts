// Groupings of comuni beyond the indicator view, in the BUILT app: the coefficient ranks the groups of an imported
// grouping and coverage measures them (population = the sum of the members'); the built-in Aree Interne 2020
// classes and SNAI project areas are offered with their source and date, in the URL, and aggregated like an import.
import fs from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, it, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sharedContext, type Harness } from './harness';

const FIXTURE = path.resolve(__dirname, '../fixtures/grouping/distretti_fixture.csv');
const NAME = 'Distretti (fixture)';
const ID = 'user_distretti_fixture';
let h: Harness;
let context: BrowserContext;
// one context for the whole file: the imported grouping (IndexedDB) is there for every page
sharedContext((s) => ({ h, context } = s));

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));
const column = (page: Page, testid: string, cell: string) =>
  page.$$eval(
    `[data-testid=${testid}] tbody tr`,
    (trs, cell) => trs.map((tr) => tr.querySelector(cell)?.textContent?.trim() ?? ''),
    cell,
  );

/** The comuni populations of the released territories table (what the app reads). */
async function comunePopulations(): Promise<Map<string, number>> {
  const buf = fs.readFileSync(path.resolve(__dirname, '../../dist/data/territories.parquet'));
  const rows = await parquetReadObjects({
    file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
    columns: ['level', 'code', 'population'],
  });
  return new Map(rows.filter((r) => r.level === 'comune').map((r) => [r.code as string, Number(r.population)]));
}

describe('groupings in the coefficient and coverage views (Chromium)', () => {
  it('ranks the groups of an imported grouping and measures their coverage', async () => {
    // the labelled fixture (tests/fixtures/grouping/README.md): 17 real comuni in 3 invented districts
    const imp = await h.open('?tool=import', { context, waitFor: 'base' });
    await imp.getByTestId('import-file').setInputFiles({
      name: 'distretti_fixture.csv',
      mimeType: 'text/csv',
      buffer: fs.readFileSync(FIXTURE),
    });
    await imp.getByRole('radio', { name: /Raggruppamento territoriale/ }).check();
    await imp.getByRole('textbox', { name: 'Nome del raggruppamento' }).fill(NAME);
    await imp.getByRole('button', { name: 'Aggiungi all’atlante' }).click();
    await expect.poll(() => imp.getByTestId('import-tool').textContent()).toMatch(/3 gruppi, 17 comuni/);
    await imp.close();

    // the coefficient view on the grouping: a rank table of its 3 groups, the comune level's configuration
    const page = await h.open('?mode=coefficient&level=comune&table=1', { context });
    await page.getByRole('radio', { name: NAME }).check({ force: true });
    await page.waitForFunction(() => document.body.dataset.level === 'group', null, { timeout: 90000 });
    expect(new URL(page.url()).searchParams.get('grp')).toBe(ID);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('coefficient');
    const table = page.getByTestId('ranking-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 90000 }).toBe(3);
    expect(await page.locator('#ranking-table-title').textContent()).toContain(NAME);
    expect((await column(page, 'ranking-table', 'th')).sort()).toEqual([
      'Distretto Misto (fixture)',
      'Distretto Nord (fixture)',
      'Distretto Sud (fixture)',
    ]);
    expect(await column(page, 'ranking-table', 'td.num')).toEqual(['1', '2', '3']);
    // how local: the weight of values aggregated from the comuni's own counts as the groups' own
    await expect
      .poll(() => page.getByTestId('own-level-note').textContent())
      .toMatch(/Raggruppamento «Distretti \(fixture\)».*in media il \d+ % del peso viene da dati comunali aggregati/);
    for (const o of await column(page, 'ranking-table', '[data-testid=own-level-cell]'))
      expect(Number(o.replace('%', ''))).toBeGreaterThan(0);
    // a group's breakdown: a rate measured only per province comes from the province holding the whole group (⚑);
    // one measured only per region from the region, for the district spread over two provinces too
    await table.getByRole('button', { name: 'Distretto Nord (fixture)' }).click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Distretto Nord (fixture)');
    const bd = page.getByTestId('breakdown');
    await expect.poll(() => bd.textContent(), { timeout: 30000 }).toMatch(/⚑ valore provinciale/);
    await table.getByRole('button', { name: 'Distretto Misto (fixture)' }).click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Distretto Misto (fixture)');
    await expect.poll(() => bd.textContent(), { timeout: 30000 }).toMatch(/⚑ valore regionale/);
    await page.close();

    // coverage on the same groups (a link with the grouping in it): population = the sum of the members'
    const cov = await h.open(`?mode=coverage&level=comune&grp=${ID}&table=1`, { context });
    await cov.waitForFunction(() => !!document.body.dataset.coverage, null, { timeout: 90000 });
    const covTable = cov.getByTestId('coverage-table');
    await expect.poll(() => covTable.locator('tbody tr').count(), { timeout: 60000 }).toBe(3);
    const pop = await comunePopulations();
    const mixed = ['101010', '079008', '079009'].reduce((s, c) => s + (pop.get(c) ?? NaN), 0);
    expect(mixed).toBeGreaterThan(60000);
    const row = covTable.locator('tbody tr', { hasText: 'Distretto Misto (fixture)' });
    expect(digits(await row.locator('td.num').first().textContent())).toBe(mixed);
    await cov.close();
  });

  it('offers the Aree Interne classes and the SNAI areas as built-in groupings, with source and date, in the URL', async () => {
    const built = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../dist/data/groupings.json'), 'utf8')) as {
      id: string;
      groups: { code: string; name: string; comuni: string[] }[];
    }[];
    const pop = await comunePopulations();
    const classA = built[0].groups[0].comuni.reduce((s, c) => s + (pop.get(c) ?? NaN), 0);

    // no import: the built-in grouping is a level of the comune map; population (a count) is summed over the class
    const page = await h.open('?level=comune&ind=population&table=1', { context });
    await page.getByRole('radio', { name: 'Aree Interne 2020 (classi A–F)' }).check({ force: true });
    await page.waitForFunction(() => document.body.dataset.level === 'group', null, { timeout: 90000 });
    expect(new URL(page.url()).searchParams.get('grp')).toBe('aree_interne_2020');
    const table = page.getByTestId('data-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 90000 }).toBe(6);
    const a = table.locator('tbody tr', { hasText: 'A – Polo' }).first();
    await expect
      .poll(async () => digits(await a.locator('td.num').first().textContent()), { timeout: 60000 })
      .toBe(classA);
    // its source and date, in the legend's note
    expect(await page.locator('.legend').textContent()).toMatch(
      /Raggruppamento: Dipartimento per le Politiche di Coesione \(NUVAP\), Mappa delle Aree Interne 2020.*, 2020\./,
    );
    // in English the classes are named in English, with the same values
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const pole = table.locator('tbody tr', { hasText: 'A – Pole' }).first();
    await expect.poll(async () => digits(await pole.locator('td.num').first().textContent())).toBe(classA);
    expect(await table.textContent()).not.toContain('Polo');
    await page.close();

    // a link to the coefficient on the SNAI areas: 123 ranked areas, the heading says the source and the date
    const coef = await h.open('?mode=coefficient&level=comune&grp=snai_2021_2027&table=1', { context });
    const ranking = coef.getByTestId('ranking-table');
    await expect.poll(() => ranking.locator('tbody tr').count(), { timeout: 90000 }).toBe(123);
    expect(await coef.locator('#ranking-table-title').textContent()).toMatch(
      /Aree progetto SNAI 2021–2027 — Dipartimento per le Politiche di Coesione.*, 2021–2027/,
    );
    expect(await ranking.textContent()).toContain('Alpago Zoldo (2021-2027 finanziata)');
    const ranks = (await column(coef, 'ranking-table', 'td.num')).filter((r) => r !== '—');
    expect(ranks.length).toBeGreaterThan(100);
    await coef.close();
    // nothing left this machine
    expect(h.foreign).toEqual([]);
  });
});
