/**
 * The network of a territory ("Rete dei servizi") in Chromium, the built app in dist/: choose the province of
 * Crotone, see its hospitals, CPIA and schools with distances, export the CSV, print the A4 directory. Counts are
 * checked against services.parquet and territories.parquet themselves (DuckDB in Node). Then imported job
 * centres with contacts (a SYNTHETIC fixture) for the pilot comune of Siracusa: in the network, its CSV, after a
 * reload, and in the printable profile.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from './harness';
import { openNodeDb } from '../../src/db/node';

let h: Harness;
/** services per layer whose comune is in the province of Crotone (101) */
const inside = new Map<string, number>();
beforeAll(async () => {
  h = await startHarness();
  const db = await openNodeDb();
  await db.loadParquet('t', 'public/data/territories.parquet');
  await db.loadParquet('s', 'public/data/services.parquet');
  for (const r of await db.all(
    `SELECT s.layer, count(*)::INTEGER AS n FROM s JOIN t ON t.level = 'comune' AND t.code = s.comune_code WHERE t.province_code = '101' GROUP BY s.layer`,
  ))
    inside.set(String(r.layer), Number(r.n));
  db.close();
});
afterAll(async () => {
  await h?.close();
});

describe('Rete dei servizi', () => {
  it('Crotone: hospitals, CPIA and schools with distances; CSV; print-ready A4 directory; only safe links', async () => {
    const page = await h.open('?tool=network', { waitFor: 'base' });
    const tool = page.getByTestId('network-tool');
    await tool.waitFor({ timeout: 60000 });
    const search = tool.locator('#network-search');
    await expect.poll(() => search.isEnabled(), { timeout: 60000 }).toBe(true);
    await search.fill('Crotone');
    await tool.locator('.hits button', { hasText: 'Provincia' }).first().click();
    await expect.poll(() => tool.locator('#network-title').textContent(), { timeout: 60000 }).toBe('Crotone');

    // every service of the province is listed as "in the territory", per layer, as many as in the data
    for (const layer of ['hospitals', 'cpia', 'schools']) {
      const block = tool.getByTestId(`network-layer-${layer}`);
      await block.waitFor({ timeout: 60000 });
      const rowsIn = await block.locator('tbody tr:not(.near)').count();
      expect(rowsIn, layer).toBe(inside.get(layer));
      expect(rowsIn, layer).toBeGreaterThan(0);
      // distances are numbers in km, ascending within the inside rows
      const kms = await block
        .locator('tbody tr:not(.near) td[data-km]')
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-km'))));
      expect(kms.every((k) => Number.isFinite(k) && k >= 0)).toBe(true);
      expect([...kms].sort((a, b) => a - b)).toEqual(kms);
    }
    // 10 km outside the province: some services of the neighbouring provinces, none beyond 10 km
    const nearKm = await tool
      .locator('tbody tr.near td[data-km]')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-km'))));
    expect(nearKm.length).toBeGreaterThan(0);
    expect(Math.max(...nearKm)).toBeLessThanOrEqual(10);
    // a wider distance lists more, never fewer
    await tool.getByTestId('network-km').fill('25');
    await expect.poll(() => tool.locator('tbody tr.near').count(), { timeout: 20000 }).toBeGreaterThan(nearKm.length);
    await tool.getByTestId('network-km').fill('10');
    await expect.poll(() => tool.locator('tbody tr.near').count(), { timeout: 20000 }).toBe(nearKm.length);

    // contacts are text; the only links are http(s) and mailto
    const hrefs = await tool.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    expect(hrefs.some((x) => x.startsWith('mailto:'))).toBe(true);

    // filter narrows every block
    await tool.getByTestId('network-filter').fill('liceo');
    await expect
      .poll(() => tool.getByTestId('network-layer-hospitals').locator('tbody tr').count(), { timeout: 20000 })
      .toBe(0);
    const liceo = await tool.getByTestId('network-layer-schools').locator('tbody tr').count();
    expect(liceo).toBeGreaterThan(0);
    await tool.getByTestId('network-filter').fill('');

    // CSV: one row per listed service, the header first
    const listed = await tool.locator('tbody tr').count();
    const [dl] = await Promise.all([page.waitForEvent('download'), tool.getByTestId('network-csv').click()]);
    const csv = fs
      .readFileSync((await dl.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(
      csv[0].startsWith(
        'territory,layer,layer_label,id,name,type,address,comune_code,comune,inside,distance_km,precision,phone,email,website',
      ),
    ).toBe(true);
    expect(csv.length - 1).toBe(listed);
    expect(csv.filter((l) => l.startsWith('Crotone,hospitals,')).length).toBeGreaterThanOrEqual(
      inside.get('hospitals')!,
    );
    for (const l of csv.slice(1)) expect(l).not.toMatch(/,[=+@]/);

    // the map shows the listed points
    expect(await tool.getByTestId('network-map').locator('circle').count()).toBe(listed);

    // print: only the sheet, on A4
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app').isVisible()).toBe(false);
    expect(await tool.getByTestId('network-print').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    // English directory
    await page.locator('button.lang').click();
    await expect
      .poll(() => tool.getByTestId('network-sub').textContent(), { timeout: 10000 })
      .toContain('in the territory');

    // "Show on the map": the coverage view with that layer, the province still selected
    await tool.getByTestId('network-onmap-cpia').click();
    await tool.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('coverage-layer').inputValue(), { timeout: 30000 }).toBe('cpia');
    const q = new URL(page.url()).searchParams;
    expect([q.get('mode'), q.get('level'), q.get('sel')]).toEqual(['coverage', 'province', '101']);
    expect(h.errors).toEqual([]);
    expect(h.foreign).toEqual([]);
    await page.close();
  });

  it('imported layers and groupings join the network; the training-needs template imports and shows as a heat table', async () => {
    const page = await h.open('?tool=import', { waitFor: 'base' });
    const imp = page.getByTestId('import-tool');
    const FIX = path.resolve('tests/fixtures/import');
    // the synthetic Crotone job centres (a service layer) and the synthetic ATS grouping
    await imp.getByTestId('import-file').setInputFiles(path.join(FIX, 'job_centres_crotone.csv'));
    await imp.getByTestId('import-preview').waitFor({ timeout: 60000 });
    await imp.getByTestId('import-use-services').check();
    await imp.getByTestId('import-layer-name').fill('CPI Crotone (sintetico)');
    await imp.getByTestId('import-add').click();
    await expect.poll(() => imp.getByTestId('import-done').textContent(), { timeout: 30000 }).toMatch(/5 punti/);
    await imp.getByTestId('import-file').setInputFiles(path.join(FIX, 'ats_grouping.csv'));
    await imp.getByTestId('import-preview').waitFor();
    await imp.getByTestId('import-use-grouping').check();
    await imp.getByTestId('import-grouping-name').fill('ATS Crotone (sintetico)');
    await imp.getByTestId('import-add').click();
    await expect.poll(() => imp.getByTestId('import-done').textContent(), { timeout: 30000 }).toMatch(/3 gruppi/);
    // the survey template (its rows are labelled SYNTHETIC examples), one indicator per topic
    await imp.getByTestId('import-file').setInputFiles(path.resolve('templates/fabbisogni_formativi_template.csv'));
    await imp.getByTestId('import-preview').waitFor();
    await imp.getByTestId('import-use-indicators').check();
    await imp.getByTestId('import-agg-0').selectOption('sum');
    for (let i = 1; i <= 6; i++) await imp.getByTestId(`import-agg-${i}`).selectOption('none');
    await imp.getByTestId('import-add').click();
    await expect.poll(() => imp.getByTestId('import-done').textContent(), { timeout: 30000 }).toMatch(/Aggiunto/);

    // network of the comune of Crotone: the imported layer has its own block, next to the built-in ones
    await imp.getByRole('button', { name: 'Chiudi' }).first().click();
    await imp.waitFor({ state: 'detached' });
    await page.getByTestId('tool-network').click();
    const tool = page.getByTestId('network-tool');
    const search = tool.locator('#network-search');
    await expect.poll(() => search.isEnabled(), { timeout: 60000 }).toBe(true);
    await search.fill('101010');
    await tool.locator('.hits button', { hasText: 'Comune' }).first().click();
    await expect.poll(() => tool.locator('#network-title').textContent(), { timeout: 60000 }).toBe('Crotone');
    const own = tool.locator('section.layer', { hasText: 'CPI Crotone (sintetico)' });
    await expect.poll(() => own.locator('tbody tr').count(), { timeout: 30000 }).toBeGreaterThan(0);
    // a formula-like name is shown as text, never run or parsed as markup
    expect(await tool.locator('script, iframe, object').count()).toBe(0);
    // a group of the imported grouping
    await tool
      .locator('label.field', { hasText: 'raggruppamento' })
      .locator('select')
      .selectOption({ label: 'ATS Crotone (sintetico)' });
    const groupSelect = tool.locator('label.field', { hasText: 'Gruppo' }).locator('select');
    const firstGroup = (await groupSelect.locator('option').nth(1).textContent()) ?? '';
    await groupSelect.selectOption({ index: 1 });
    await expect.poll(() => tool.locator('#network-title').textContent(), { timeout: 30000 }).toBe(firstGroup);
    expect(await tool.getByTestId('network-sub').textContent()).toMatch(/Gruppo · ATS Crotone/);
    await expect
      .poll(() => tool.getByTestId('network-layer-schools').locator('tbody tr').count(), { timeout: 30000 })
      .toBeGreaterThan(0);

    // the survey view: the three (synthetic) comuni × six topics, Caserta's missing topic shown as missing
    await page.getByTestId('tool-survey').click();
    const heat = page.getByTestId('survey-heat');
    await heat.waitFor({ timeout: 30000 });
    expect(await heat.locator('tbody tr').count()).toBe(3);
    expect(await heat.locator('thead th.topic').count()).toBe(6);
    expect(await heat.locator('tbody tr[data-code="061022"] td.cell.missing').count()).toBe(1);
    // mean of lingua italiana over the three: (4.2 + 3.9 + 3.5) / 3 = 3.87 → "3,9"
    expect((await page.getByTestId('survey-mean').locator('td.cell').first().textContent())?.trim()).toBe('3,9');
    // untick Crotone; orientamento al lavoro (third topic) of Foggia 3.6 (57 operators) and Caserta 4.4 (36):
    // mean (3.6 + 4.4) / 2 = 4.0; weighted (3.6·57 + 4.4·36) / 93 = 363.6 / 93 = 3.91 → "3,9"
    await heat.locator('tbody tr[data-code="101010"] input[type=checkbox]').uncheck();
    await expect
      .poll(async () => (await page.getByTestId('survey-mean').locator('td.cell').nth(2).textContent())?.trim())
      .toBe('4,0');
    expect((await page.getByTestId('survey-weighted').locator('td.cell').nth(2).textContent())?.trim()).toBe('3,9');
    expect(h.errors).toEqual([]);
    expect(h.foreign).toEqual([]);
    await page.close();
  });

  it('imported contacts (SYNTHETIC job centres of Siracusa): on screen as text, links only http(s)/mailto, CSV, after a reload, in the profile', async () => {
    const page = await h.open('?tool=import', { waitFor: 'base' });
    const imp = page.getByTestId('import-tool');
    await imp
      .getByTestId('import-file')
      .setInputFiles(path.resolve('tests/fixtures/import/job_centres_contacts_siracusa.csv'));
    await imp.getByTestId('import-preview').waitFor({ timeout: 60000 });
    // the preview names the contact columns and reports the over-long note by its row
    expect(await imp.getByTestId('import-contacts').textContent()).toContain(
      'phone, email, website, opening_hours, notes',
    );
    expect(await imp.getByTestId('import-problems').textContent()).toContain(
      '1 cella della colonna “notes” supera i 500 caratteri (riga 4)',
    );
    await imp.getByTestId('import-use-services').check();
    await imp.getByTestId('import-layer-name').fill('CPI Siracusa (sintetico)');
    await imp.getByTestId('import-add').click();
    await expect.poll(() => imp.getByTestId('import-done').textContent(), { timeout: 30000 }).toMatch(/3 punti/);

    // a reload: the layer and its contacts come back from this browser's storage (IndexedDB)
    await page.goto(h.url + '?level=comune&sel=089017&tool=network');
    const tool = page.getByTestId('network-tool');
    await tool.waitFor({ timeout: 60000 });
    await expect.poll(() => tool.locator('#network-title').textContent(), { timeout: 60000 }).toBe('Siracusa');
    const own = tool.locator('section.layer', { hasText: 'CPI Siracusa (sintetico)' });
    await expect.poll(() => own.locator('tbody tr').count(), { timeout: 60000 }).toBe(2);
    const first = own.locator('tr[data-id=cpi_sr_01]');
    expect(await first.locator('[data-contact=phone]').innerText()).toBe('tel. +39 0931 000001');
    const mail = first.locator('[data-contact=email] a');
    expect([await mail.textContent(), await mail.getAttribute('href')]).toEqual([
      'cpi.siracusa@example.invalid',
      'mailto:cpi.siracusa@example.invalid',
    ]);
    expect(await first.locator('[data-contact=opening_hours]').innerText()).toBe('orari lun-ven 9-13');
    // markup in the cells is shown as the file wrote it; javascript: is not a link
    const second = own.locator('tr[data-id=cpi_sr_02]');
    expect(await second.locator('[data-contact=phone]').innerText()).toBe('tel. 0931000002');
    expect(await second.locator('[data-contact=email]').innerText()).toBe('e-mail <script>alert(1)</script>');
    expect(await second.locator('[data-contact=website]').innerText()).toBe('web javascript:alert(1)');
    expect(await second.locator('[data-contact=notes]').innerText()).toBe('note <b>non in grassetto</b>');
    expect(await second.locator('a, script, b').count()).toBe(0);
    const hrefs = await tool.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    expect(hrefs).toContain('https://example.invalid/cpi-siracusa');

    // the directory's CSV has the imported contacts
    const [dl] = await Promise.all([page.waitForEvent('download'), tool.getByTestId('network-csv').click()]);
    const csv = fs.readFileSync((await dl.path())!, 'utf8');
    const line = csv.split('\n').find((l) => l.includes(',cpi_sr_02,')) ?? '';
    expect(line).toContain(
      ',0931000002,<script>alert(1)</script>,javascript:alert(1),mar e gio 15-17,<b>non in grassetto</b>,',
    );
    expect(csv).toContain(",'+39 0931 000001,cpi.siracusa@example.invalid,https://example.invalid/cpi-siracusa,");
    // the print-ready directory shows them
    await page.emulateMedia({ media: 'print' });
    expect(await second.locator('[data-contact=email]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // the printable profile of the same comune: its network section, built-in and imported kinds
    await tool.getByRole('button', { name: 'Chiudi' }).first().click();
    await tool.waitFor({ state: 'detached' });
    await page.getByTestId('tool-profile').click();
    const net = page.getByTestId('profile-network');
    await net.waitFor({ timeout: 60000 });
    expect(await net.locator('h3').first().textContent()).toBe('Rete dei servizi');
    const pOwn = net.locator('section.layer', { hasText: 'CPI Siracusa (sintetico)' });
    await expect.poll(() => pOwn.locator('tbody tr').count(), { timeout: 60000 }).toBe(2);
    expect(await pOwn.locator('tr[data-id=cpi_sr_01] [data-contact=phone]').innerText()).toBe('tel. +39 0931 000001');
    expect(await pOwn.locator('tr[data-id=cpi_sr_02] [data-contact=website]').innerText()).toBe(
      'web javascript:alert(1)',
    );
    expect(await pOwn.locator('tr[data-id=cpi_sr_02] a').count()).toBe(0);
    expect(await pOwn.locator('.src').innerText()).toMatch(
      /Fonte: job_centres_contacts_siracusa\.csv · data \d{4}-\d\d-\d\d/,
    );
    // the built-in schools of Siracusa are listed too, inside first
    const schools = net.getByTestId('network-layer-schools');
    expect(await schools.locator('tbody tr:not(.near)').count()).toBeGreaterThan(0);
    // printed with the profile
    await page.emulateMedia({ media: 'print' });
    expect(await net.isVisible()).toBe(true);
    expect(await pOwn.locator('tr[data-id=cpi_sr_02] [data-contact=email]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // in English
    await page.locator('button.lang').click();
    await expect.poll(() => net.locator('h3').first().textContent(), { timeout: 10000 }).toBe('Service network');
    expect(h.errors).toEqual([]);
    expect(h.foreign).toEqual([]);
    await page.close();
  });
});
