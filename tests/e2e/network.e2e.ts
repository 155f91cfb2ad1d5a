/**
 * The network of a territory ("Rete dei servizi") in Chromium, the built app in dist/: choose the province of
 * Crotone, see its hospitals, CPIA and schools with distances, export the CSV, print the A4 directory. Counts are
 * checked against services.parquet and territories.parquet themselves (DuckDB in Node).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
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
    `SELECT s.layer, count(*)::INTEGER AS n FROM s JOIN t ON t.level = 'comune' AND t.code = s.comune_code WHERE t.province_code = '101' GROUP BY s.layer`
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
      const kms = (await block.locator('tbody tr:not(.near) td[data-km]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-km')))));
      expect(kms.every((k) => Number.isFinite(k) && k >= 0)).toBe(true);
      expect([...kms].sort((a, b) => a - b)).toEqual(kms);
    }
    // 10 km outside the province: some services of the neighbouring provinces, none beyond 10 km
    const nearKm = await tool.locator('tbody tr.near td[data-km]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-km'))));
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
    await expect.poll(() => tool.getByTestId('network-layer-hospitals').locator('tbody tr').count(), { timeout: 20000 }).toBe(0);
    const liceo = await tool.getByTestId('network-layer-schools').locator('tbody tr').count();
    expect(liceo).toBeGreaterThan(0);
    await tool.getByTestId('network-filter').fill('');

    // CSV: one row per listed service, the header first
    const listed = await tool.locator('tbody tr').count();
    const [dl] = await Promise.all([page.waitForEvent('download'), tool.getByTestId('network-csv').click()]);
    const csv = fs.readFileSync((await dl.path())!, 'utf8').trimEnd().split('\n');
    expect(csv[0].startsWith('territory,layer,layer_label,id,name,type,address,comune_code,comune,inside,distance_km,precision,phone,email,website')).toBe(true);
    expect(csv.length - 1).toBe(listed);
    expect(csv.filter((l) => l.startsWith('Crotone,hospitals,')).length).toBeGreaterThanOrEqual(inside.get('hospitals')!);
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
    await expect.poll(() => tool.getByTestId('network-sub').textContent(), { timeout: 10000 }).toContain('in the territory');
    expect(h.errors).toEqual([]);
    expect(h.foreign).toEqual([]);
    await page.close();
  });
});
