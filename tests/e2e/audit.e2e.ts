import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the statistical audit of the coefficient in Chromium', () => {
  it('runs in a worker with a progress bar on real provinces, says what drives the ranking, and exports JSON', async () => {
    const page = await h.open('?mode=coefficient&level=province&sel=001');
    await page.waitForFunction(() => /coefficient/.test(document.body.dataset.layer ?? ''), null, { timeout: 60000 });
    // the progress bar must show while the worker runs
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=audit-progress]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('audit-open').click();
    await expect.poll(() => page.getByTestId('audit-page').isVisible(), { timeout: 10000 }).toBe(true);
    // done: 256 base rows × 7 = 1,792 computations of the index
    await page.waitForFunction(() => !!document.body.dataset.audit, null, { timeout: 120000 });
    expect((await page.evaluate(() => document.body.dataset.audit))!.split(':')[0]).toBe('1792');
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    if (process.env.AUDIT_SHOT) await page.screenshot({ path: process.env.AUDIT_SHOT });
    const drivers = await page.getByTestId('audit-drivers').textContent();
    expect(drivers).toMatch(
      /Più di tutto, la classifica dipende (dai pesi|dalla normalizzazione|dall’aggregazione|dalla regola per i dati mancanti|dalla winsorizzazione): questa scelta, da sola, spiega circa il \d+ %/,
    );
    expect(await page.locator('[data-testid=audit-sobol] tbody tr').count()).toBe(5);
    // the ten provinces whose rank moves most, each with its main driver
    expect(await page.locator('[data-testid=audit-territories] tbody tr').count()).toBe(10);
    // the selected territory (Torino) in plain words
    expect(await page.getByTestId('audit-selected').textContent()).toMatch(
      /^Torino: la sua posizione (dipende soprattutto (dai pesi|dalla normalizzazione|dall’aggregazione|dalla regola per i dati mancanti|dalla winsorizzazione) \(\d+ % con le interazioni\)|non cambia con nessuna delle scelte aperte)\.$/,
    );
    // correlation heat table: one row per indicator, 1,00 on the diagonal
    const rows = page.locator('[data-testid=audit-correlations] tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(5);
    expect((await rows.nth(0).locator('td').nth(0).textContent())?.trim()).toBe('1,00');
    expect(await page.getByTestId('audit-alpha').textContent()).toMatch(/α = \d,\d\d/);
    expect(await page.getByTestId('audit-pca').textContent()).toMatch(/La prima componente spiega il \d+,\d %/);
    await expect
      .poll(() => page.getByTestId('audit-status').textContent())
      .toMatch(/1792 calcoli dell’indice in \d+ ms \(seme 42\)/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const file = path.join(dir, 'audit.json');
    await dl.saveAs(file);
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(j.level).toBe('province');
    expect(j.sensitivity.runs).toBe(1792);
    expect(j.sensitivity.territories.length).toBeGreaterThan(90);
    expect(h.errors).toEqual([]);
    await page.close();
  });
});
