import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { PNG } from 'pngjs';
import { startHarness, countPixels, type Harness, VIEWPORT } from './harness';
import { schemeColors } from '../../src/analytics/palettes';
import { openNodeDb } from '../../src/db/node';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function populationOf(code: string): Promise<number> {
  const db = await openNodeDb();
  try {
    const [row] = await db.all(
      `SELECT population FROM read_parquet('public/data/territories.parquet') WHERE level = 'comune' AND code = '${code}'`,
    );
    return Number(row.population);
  } finally {
    db.close();
  }
}

describe('the atlas in Chromium', () => {
  it('paints a choropleth of the regions: the map canvas holds the legend colours', async () => {
    const page = await h.open('');
    const palette = schemeColors('YlGnBu', 5);
    const legend = await page.$$eval('[data-testid=legend-classes] .swatch', (els) =>
      els.map((e) => getComputedStyle(e).backgroundColor),
    );
    expect(legend.length).toBeGreaterThanOrEqual(5);
    const px = await countPixels(page, palette);
    // at least three of the five classes visibly on the map, and a real share of the canvas coloured
    expect(px.perColour.filter((n) => n > 500).length).toBeGreaterThanOrEqual(3);
    expect(px.matched / px.total).toBeGreaterThan(0.05);
    await page.close();
  });

  it('switches to comuni, finds Crotone by search, and shows its population from the data', async () => {
    const page = await h.open('');
    await page.getByRole('radio', { name: 'Comuni' }).check({ force: true });
    await page.waitForFunction(() => document.body.dataset.level === 'comune', null, { timeout: 60000 });
    await page.getByRole('combobox', { name: 'Cerca un territorio' }).fill('crotone');
    await page.getByRole('option', { name: /Crotone.*Comune · 101010/ }).click();
    const panel = page.getByTestId('territory-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Crotone');
    const pop = await populationOf('101010');
    expect(pop).toBeGreaterThan(50000);
    const shown = await page.getByTestId('panel-population').textContent();
    expect(shown).toBe(
      new Intl.NumberFormat('it-IT', { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions).format(pop),
    );
    // DuckDB's profile of all indicators arrives once the engine is up
    await page.waitForSelector('[data-testid=profile-table]', { timeout: 90000 });
    expect(await page.locator('[data-testid=profile-table] tbody tr').count()).toBeGreaterThan(8);
    // the copied link reopens the same view
    const link = page.url();
    expect(link).toContain('level=comune');
    expect(link).toContain('sel=101010');
    const again = await h.open(link.slice(link.indexOf('?')));
    // the name comes with the full territory table, read after the first map (the heading shows the code until then)
    await expect
      .poll(() => again.getByTestId('territory-panel').getByRole('heading', { level: 2 }).textContent(), {
        timeout: 60000,
      })
      .toBe('Crotone');
    expect(await again.getByRole('radio', { name: 'Comuni' }).isChecked()).toBe(true);
    expect(await again.getByTestId('panel-population').textContent()).toBe(shown);
    await page.close();
    await again.close();
  });

  it('keeps the view in the history: back undoes an indicator change', async () => {
    const page = await h.open('?level=province&ind=foreign_per_100');
    await page.selectOption('#indicator-select', 'avg_taxable_income');
    await expect.poll(() => page.url()).toContain('ind=avg_taxable_income');
    await page.goBack();
    await expect.poll(() => page.locator('#indicator-select').inputValue()).toBe('foreign_per_100');
    expect(await page.getByRole('radio', { name: 'Province' }).isChecked()).toBe(true);
    await page.close();
  });

  it('switches to English with one click', async () => {
    const page = await h.open('');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByText('Search a territory').count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Municipalities' }).count()).toBe(1);
    await expect.poll(() => page.url()).toContain('lang=en');
    const legendTitle = await page.locator('#legend-title').textContent();
    expect(legendTitle).toMatch(/Foreign residents per 100 inhabitants/i);
    await page.close();
  });

  it('jumps to a pilot area in one click', async () => {
    const page = await h.open('');
    await page.locator('[data-pilot="province-032"]').click();
    await expect
      .poll(() => page.getByTestId('territory-panel').getByRole('heading', { level: 2 }).textContent())
      .toBe('Trieste');
    await expect.poll(() => page.url()).toContain('level=province');
    await expect.poll(() => page.url()).toContain('sel=032');
    await page.locator('[data-pilot="comune-089017"]').click();
    await expect
      .poll(() => page.getByTestId('territory-panel').getByRole('heading', { level: 2 }).textContent())
      .toBe('Siracusa');
    await expect.poll(() => page.url()).toContain('level=comune');
    await page.close();
  });

  it('hovers a region for its value, rank and source', async () => {
    const page = await h.open('');
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    // the middle of the default view of Italy is on land (central Italy)
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 + 2);
    await expect.poll(() => page.getByTestId('tooltip').count(), { timeout: 15000 }).toBe(1);
    const text = await page.getByTestId('tooltip').textContent();
    expect(text).toMatch(/Stranieri residenti ogni 100 abitanti: \d+,\d/);
    expect(text).toMatch(/Posizione: \d+ª su 20/);
    expect(text).toMatch(/ISTAT/);
    // foreign residents of 1 Jan 2023 over the population of 1 Jan 2023: same date, no warning any more
    expect(text).not.toMatch(/date diverse/);
    await page.close();
  });

  it('Crotone comune: the province count of foreign residents is not shown as the comune’s; the census count is', async () => {
    const page = await h.open('?level=comune&sel=101010');
    const table = page.getByTestId('profile-table');
    await expect.poll(() => table.count(), { timeout: 20000 }).toBe(1);
    const row = (label: string) =>
      table.locator('tbody tr').filter({ has: page.getByRole('button', { name: label, exact: true }) });
    await expect
      .poll(() => row('Stranieri residenti').locator('td').first().textContent())
      .toMatch(/Non disponibile a questo livello/);
    // the value cell says so; the province's 8.924 appears only in the province column, as the province's
    expect(await row('Stranieri residenti').locator('td').first().textContent()).not.toMatch(/8\.924/);
    expect(await row('Stranieri residenti').locator('td').nth(2).textContent()).toBe('8.924');
    await expect
      .poll(() => row('Stranieri residenti (censimento 2021)').locator('td').first().textContent())
      .toMatch(/^2\.979/);
    await expect
      .poll(() => row('Grado di urbanizzazione (DEGURBA)').locator('td').first().textContent())
      .toMatch(/piccola città o sobborgo/);
    await page.close();
  });

  it('changes the classification: natural breaks with 7 classes', async () => {
    const page = await h.open('?level=province');
    await page.getByLabel('Classificazione').selectOption('ckmeans');
    await page.getByLabel('Classi', { exact: true }).selectOption('7');
    await expect.poll(() => page.locator('[data-testid=legend-classes] li').count()).toBeGreaterThanOrEqual(7);
    // the URL is written after the view settles: poll for both parameters
    await expect.poll(() => page.url()).toContain('class=ckmeans');
    await expect.poll(() => page.url()).toContain('k=7');
    await page.close();
  });

  it('drills down from a region to its provinces and back up', async () => {
    const page = await h.open('?level=region&sel=18');
    const panel = page.getByTestId('territory-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Calabria');
    await panel.getByRole('button', { name: /Scendi a: Province/ }).click();
    await expect.poll(() => page.url()).toContain('level=province');
    expect(await page.getByRole('radio', { name: 'Province' }).isChecked()).toBe(true);
    await page.waitForFunction(() => document.body.dataset.level === 'province', null, { timeout: 60000 });
    // select Crotone's province from the table (the map's equivalent), then go back up to its region
    await page.getByRole('button', { name: 'Mostra tabella' }).click();
    await page.getByTestId('data-table').waitFor();
    await page.getByRole('searchbox', { name: 'Filtra' }).fill('crotone');
    await page.getByTestId('data-table').getByRole('button', { name: 'Crotone' }).click();
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Crotone');
    await panel.getByRole('button', { name: /Sali di livello: Calabria/ }).click();
    await expect.poll(() => page.url()).toContain('level=region');
    await expect.poll(() => page.url()).toContain('sel=18');
    await page.close();
  });

  it('has a table equivalent to the map: same values, sortable', async () => {
    const page = await h.open('?level=province&ind=foreign_per_100&table=1');
    const table = page.getByTestId('data-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(107);
    // sorted by rank: the first row is rank 1, the highest share of foreign residents
    const first = await table.locator('tbody tr').first().locator('td').nth(2).textContent();
    expect(first?.trim()).toBe('1');
    await table.getByRole('button', { name: 'Valore' }).click();
    await expect.poll(() => table.locator('thead th[aria-sort=descending]').count()).toBe(1);
    await page.close();
  });

  it('shows a missing data file as a message in the page, not a blank screen', async () => {
    const context = await h.browser.newContext();
    await context.route('**/data/indicators.parquet', (r) => r.fulfill({ status: 404, body: 'not found' }));
    const page = await h.open('', { waitFor: 'base', context });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30000 }).toMatch(/indicators\.parquet/);
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Coefficienti' }).count()).toBe(1);
    await context.close();
    // that page's own 404 is expected; keep it out of the global console check
    h.errors.splice(0, h.errors.length, ...h.errors.filter((e) => !/404|Not Found/i.test(e)));
  });

  it('on the comune view too (data read by a worker at boot), a missing data file is a message, not a blank screen', async () => {
    const context = await h.browser.newContext();
    await context.route('**/data/indicators.parquet', (r) => r.fulfill({ status: 404, body: 'not found' }));
    const page = await h.open('?level=comune', { waitFor: 'base', context });
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30000 }).toMatch(/indicators\.parquet/);
    expect(await page.getByRole('heading', { name: 'Coefficienti' }).count()).toBe(1);
    // the land and borders are on screen (first picture), and the map itself started
    expect(await page.getByTestId('prepaint').count()).toBe(1);
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    await context.close();
    h.errors.splice(0, h.errors.length, ...h.errors.filter((e) => !/404|Not Found/i.test(e)));
  });

  it('shows the coloured comuni before MapLibre has started, then hands over to the same picture', async () => {
    // hold MapLibre's chunk: what is on screen meanwhile is the first picture (SVG, src/map/Prepaint.svelte)
    const context = await h.browser.newContext({ viewport: VIEWPORT });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await context.route('**/assets/MapView-*.js', async (route) => {
      await held;
      await route.continue();
    });
    // place names off: the first picture has none, and what is compared here is the coloured comuni
    const page = await h.open('?level=comune&labels=0', { waitFor: 'none', context });
    await page.waitForFunction(() => performance.getEntriesByName('prepaint-layer-comune').length > 0, null, {
      timeout: 60000,
    });
    expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
    // its colours are the legend's, and the comuni without a value are hatched, not coloured
    const legend = await page.$$eval('[data-testid=legend-classes] .swatch', (els) =>
      els.map((e) => getComputedStyle(e).backgroundColor),
    );
    const fills = await page.$$eval('[data-testid=prepaint] path[fill]', (els) =>
      els.map((e) => getComputedStyle(e).fill),
    );
    const classFills = new Set(fills.filter((f) => legend.includes(f)));
    expect(classFills.size).toBeGreaterThanOrEqual(4);
    const box = (await page.locator('.mapwrap').boundingBox())!;
    const shot = async () => PNG.sync.read(await page.screenshot({ clip: box }));
    const before = await shot();
    // MapLibre starts, draws the same layer, and the first picture goes
    release();
    await page.waitForFunction(() => document.body.dataset.level === 'comune', null, { timeout: 60000 });
    await expect.poll(() => page.getByTestId('prepaint').count(), { timeout: 15000 }).toBe(0);
    await page.waitForTimeout(300);
    const after = await shot();
    // same camera, same colours: most land pixels agree; shifting one picture by 6 px breaks that
    const agree = (dx: number) => {
      let same = 0;
      let land = 0;
      for (let y = 40; y < before.height - 40; y += 3)
        for (let x = 40; x < before.width - 40; x += 3) {
          const i = (y * before.width + x) * 4;
          const j = (y * after.width + x + dx) * 4;
          const sea = (d: Buffer, k: number) =>
            Math.abs(d[k] - 0xdc) < 6 && Math.abs(d[k + 1] - 0xe8) < 6 && Math.abs(d[k + 2] - 0xef) < 6;
          if (sea(before.data, i) && sea(after.data, j)) continue;
          land++;
          if ([0, 1, 2].every((c) => Math.abs(before.data[i + c] - after.data[j + c]) < 40)) same++;
        }
      return same / land;
    };
    const aligned = agree(0);
    expect(aligned).toBeGreaterThan(0.8);
    expect(agree(6)).toBeLessThan(aligned - 0.1);
    await context.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
