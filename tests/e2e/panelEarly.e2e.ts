import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import { parquetMetadata } from 'hyparquet';
import type { Page, Route } from 'playwright-core';
import { startHarness, type Harness, VIEWPORT } from './harness';

// Issue 12 (office line): a comune chosen in the search box before the full tables are in shows its table of every
// indicator from the values read first; the rest of the territory table (read after the values; the full tables,
// and so DuckDB, wait for it) is held back by the test until the table is on screen, and the table equals the one
// shown once everything is in. And the table written ahead by the pipeline (data/profiles/…): shown while the whole
// indicators file is still held back, the same table; a broken file of it costs only time (the full tables give it).
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const fileMeta = (f: string) => {
  const b = fs.readFileSync(`dist/data/${f}`);
  return parquetMetadata(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
};
/** where the chunk of `column` starts in the file's first row group */
const chunkStart = (f: string, column: string) => {
  const c = fileMeta(f).row_groups[0].columns.find((x) => x.meta_data?.path_in_schema.join('.') === column)!;
  return Number(c.meta_data!.dictionary_page_offset ?? c.meta_data!.data_page_offset);
};
// the full territory read is the only one that spans the coordinates (phase 1 and the names read do not)
const lonStart = chunkStart('territories.parquet', 'lon');

const rangeOf = (route: Route): [number, number] | null => {
  const m = /bytes=(\d+)-(\d+)/.exec(route.request().headers()['range'] ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
};

async function tableText(page: Page): Promise<string[]> {
  return page.getByTestId('profile-table').locator('tbody tr').allInnerTexts();
}

async function chooseCrotone(page: Page): Promise<void> {
  const input = page.locator('#search-input');
  await expect.poll(() => input.isEnabled(), { timeout: 60000 }).toBe(true);
  await input.fill('Crotone');
  await page.getByRole('option', { name: /Crotone.*Comune · 101010/ }).click();
}

describe('the panel table before the full tables are in', () => {
  it('Crotone chosen by search while the full tables are held: the same table as after the full load', async () => {
    const context = await h.browser.newContext({ viewport: VIEWPORT });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const held: string[] = [];
    await context.route('**/data/territories.parquet', async (route) => {
      const r = rangeOf(route);
      if (r && r[0] <= lonStart && lonStart <= r[1]) {
        held.push(`territories ${r[0]}`);
        await gate;
      }
      await route.continue();
    });
    const page = await h.open('?level=comune', { waitFor: 'layer', context });
    await chooseCrotone(page);
    const panel = page.getByTestId('territory-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Crotone');
    await page.getByTestId('profile-table').waitFor({ timeout: 60000 });
    // on screen while the rest of the territory table is still held back (so before the full tables and DuckDB)
    expect(held.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.body.dataset.db)).toBeUndefined();
    const before = await tableText(page);
    const populationBefore = await page.getByTestId('panel-population').textContent();
    expect(before.length).toBeGreaterThan(10);
    // what a person reads: Crotone's census count of foreign residents, the province's count not passed off as its own
    expect(before.find((t) => t.startsWith('Stranieri residenti (censimento 2021)'))).toMatch(/2\.979/);
    expect(before.find((t) => /^Stranieri residenti\n/.test(t))).toMatch(/Non disponibile a questo livello/);

    release();
    // DuckDB starts only once the full tables are in: its hook says they are
    await page.waitForFunction(() => document.body.dataset.db === 'ready', null, { timeout: 90000 });
    expect(await tableText(page)).toEqual(before);

    // and a fresh page, Crotone chosen after everything is in, shows the same table and population
    const after = await h.open('?level=comune', { waitFor: 'db' });
    await chooseCrotone(after);
    await after.getByTestId('profile-table').waitFor({ timeout: 60000 });
    expect(await tableText(after)).toEqual(before);
    expect(await after.getByTestId('panel-population').textContent()).toBe(populationBefore);
    expect(h.errors).toEqual([]);
    expect(h.foreign).toEqual([]);
    await page.close();
    await after.close();
    await context.close();
  });

  const indicatorsBytes = fs.statSync('dist/data/indicators.parquet').size;
  /** hold every read of more than an eighth of the indicators file (the values of every row) until released */
  async function holdWholeIndicators(context: import('playwright-core').BrowserContext) {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const held: string[] = [];
    await context.route('**/data/indicators.parquet', async (route) => {
      const range = route.request().headers()['range'];
      const r = rangeOf(route);
      // the footer (a suffix range) and one indicator's row groups pass; a whole-file read waits
      if (range === undefined || (r && r[1] - r[0] > indicatorsBytes / 8)) {
        held.push(`indicators ${range ?? 'whole'}`);
        await gate;
      }
      await route.continue();
    });
    return { held, release: () => release() };
  }

  it('Crotone’s table written ahead (its province’s file) is on screen while the indicators file is held back', async () => {
    const context = await h.browser.newContext({ viewport: VIEWPORT });
    const hold = await holdWholeIndicators(context);
    const asked: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('/data/profiles/')) asked.push(new URL(r.url()).pathname.replace(/^.*\/data\//, 'data/'));
    });
    const page = await h.open('?level=comune', { waitFor: 'layer', context });
    await chooseCrotone(page);
    await page.getByTestId('profile-table').waitFor({ timeout: 60000 });
    expect(hold.held.length).toBeGreaterThan(0);
    expect(asked).toEqual(['data/profiles/comune/101.json']);
    const ahead = await tableText(page);
    expect(ahead.find((t) => t.startsWith('Stranieri residenti (censimento 2021)'))).toMatch(/2\.979/);
    expect(ahead.find((t) => /^Stranieri residenti\n/.test(t))).toMatch(/Non disponibile a questo livello/);
    hold.release();
    await page.waitForFunction(() => document.body.dataset.db === 'ready', null, { timeout: 90000 });
    // computed in the page from the full tables now: not one character differs
    expect(await tableText(page)).toEqual(ahead);
    expect(h.errors).toEqual([]);
    expect(h.foreign).toEqual([]);
    await page.close();
    await context.close();
  });

  it('a broken file of tables written ahead: the table comes from the full tables, no error shown', async () => {
    const context = await h.browser.newContext({ viewport: VIEWPORT });
    await context.route('**/data/profiles/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"format":"coefficienti-profiles/1"}' }),
    );
    const page = await h.open('?level=comune', { waitFor: 'layer', context });
    await chooseCrotone(page);
    await page.getByTestId('profile-table').waitFor({ timeout: 60000 });
    const rows = await tableText(page);
    expect(rows.find((t) => t.startsWith('Stranieri residenti (censimento 2021)'))).toMatch(/2\.979/);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.close();
    await context.close();
  });
});
