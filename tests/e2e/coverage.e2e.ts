import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { startHarness, canvasHash, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** the key of the last coverage computation: layer|types|d0|decay|capacity|gap|points */
const computed = (page: Page, re: RegExp) =>
  page.waitForFunction((src) => new RegExp(src).test(document.body.dataset.coverage ?? ''), re.source, {
    timeout: 90000,
  });

describe('service coverage in Chromium', () => {
  it('hospitals: changing d0 recomputes E2SFCA in the worker and recolours the map', async () => {
    const page = await h.open('?mode=coverage&level=province');
    await page.getByTestId('coverage-layer').selectOption('hospitals');
    await computed(page, /^hospitals\|\*\|50\|gaussian\|true\|30\|1283$/);
    await page.waitForFunction(() => /coverage/.test(document.body.dataset.layer ?? ''), null, { timeout: 60000 });
    await page.waitForTimeout(500);
    const before = await canvasHash(page);
    expect(await page.locator('.legend').first().textContent()).toMatch(/E2SFCA.*d0 = 50 km.*Ospedali/);

    await page.getByTestId('coverage-d0').fill('15');
    await page.getByTestId('coverage-d0').press('Enter');
    await computed(page, /^hospitals\|\*\|15\|/);
    expect(await page.getByTestId('coverage-status').textContent()).toMatch(/7\.?896 comuni/);
    await expect.poll(() => page.locator('.legend').first().textContent()).toMatch(/d0 = 15 km/);
    await expect.poll(() => canvasHash(page), { timeout: 15000 }).not.toBe(before);
    // the settings are in the URL: a copied link reopens the same coverage view
    await expect.poll(() => page.url()).toContain('opt=');
    const again = await h.open(page.url().slice(page.url().indexOf('?')));
    await computed(again, /^hospitals\|\*\|15\|/);
    expect(await again.getByTestId('coverage-d0').inputValue()).toBe('15');
    await again.close();
    await page.close();
  });

  it('a selected comune lists its nearest hospitals with straight-line km', async () => {
    const page = await h.open('?mode=coverage&level=comune&sel=101010');
    await computed(page, /^hospitals\|/);
    const list = page.getByTestId('nearest-list');
    await expect.poll(() => list.locator('li').count(), { timeout: 30000 }).toBe(5);
    const kms = await list.getByTestId('nearest-km').allTextContents();
    expect(kms[0]).toMatch(/^\d+,\d km$/);
    const values = kms.map((k) => Number(k.replace(' km', '').replace(',', '.')));
    expect([...values].sort((a, b) => a - b)).toEqual(values); // nearest first
    expect(values[0]).toBeLessThan(10); // Crotone has hospitals in town
    expect(await page.getByTestId('coverage-detail').textContent()).toMatch(/linea d’aria/);
    await page.close();
  });

  it('the region table shows the same E2SFCA as the command line; consultori regions without data are "no data" (—), not zero', async () => {
    const page = await h.open('?mode=coverage&level=region&table=1');
    await computed(page, /^hospitals\|/);
    const csv = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/coverage.ts',
        '--layer',
        'hospitals',
        '--level',
        'region',
        '--d0',
        '50',
        '--out',
        '-',
      ],
      { encoding: 'utf8' },
    );
    const cli = new Map(
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map((c) => [c[1], Number(c[6])]),
    );
    await expect.poll(() => page.locator('[data-testid=coverage-table] tbody tr').count(), { timeout: 15000 }).toBe(20);
    const shown = await page.$$eval('[data-testid=coverage-table] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.querySelector('th')?.textContent?.trim() ?? '',
        tr.querySelectorAll('td.num')[6]?.textContent ?? '',
      ]),
    );
    for (const [name, text] of shown) {
      const expected = cli.get(name);
      expect(expected, name).toBeTypeOf('number');
      expect(text, name).toBe(
        new Intl.NumberFormat('it-IT', {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
          useGrouping: true,
        }).format(expected as number),
      );
    }
    await page.getByTestId('coverage-layer').selectOption('consultori');
    await computed(page, /^consultori\|/);
    const piemonte = page.locator('[data-testid=coverage-table] tbody tr', { hasText: 'Piemonte' });
    await expect.poll(() => piemonte.locator('td.num').nth(3).textContent(), { timeout: 15000 }).toBe('—');
    const lazio = page.locator('[data-testid=coverage-table] tbody tr', { hasText: 'Lazio' });
    expect(await lazio.locator('td.num').nth(3).textContent()).not.toBe('—');
    await page.close();
  });

  it('the priority scatter selects a territory on the map, and the map selection highlights its dot', async () => {
    const page = await h.open('?mode=priority&level=province');
    const dots = page.locator('[data-testid=priority-scatter] circle');
    await expect.poll(() => dots.count(), { timeout: 90000 }).toBeGreaterThan(100);
    const dot = dots.nth(10);
    const code = await dot.getAttribute('data-code');
    await dot.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(code);
    await expect.poll(() => page.getByTestId('territory-panel').isVisible()).toBe(true);
    expect(
      await page.locator(`[data-testid=priority-scatter] circle[data-code="${code}"]`).getAttribute('stroke'),
    ).toBe('#d40000');
    // and back: a territory chosen elsewhere (the priority list) is the highlighted dot
    const first = page.getByTestId('priority-top').locator('button').first();
    const name = await first.textContent();
    await first.click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe(name);
    const sel = new URL(page.url()).searchParams.get('sel');
    expect(await page.locator(`[data-testid=priority-scatter] circle[data-code="${sel}"]`).getAttribute('stroke')).toBe(
      '#d40000',
    );
    expect(await page.getByTestId('bivariate-legend').isVisible()).toBe(true);
    await page.close();
  });

  it('made no request outside its origin and logged no console error', () => {
    expect(h.foreign).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
