/** Steps the import e2e tests share: a fixture file picked in the import tool, added, and a grouping's table read. */
import path from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The import fixtures (SYNTHETIC files; see tests/fixtures/import/README.md). */
export const FIX = path.resolve(__dirname, '../fixtures/import');

/** Pick `file` (a fixture) in the import tool and wait for its preview. */
export async function preview(tool: Locator, file: string): Promise<void> {
  await tool.getByTestId('import-file').setInputFiles(path.join(FIX, file));
  await tool.getByTestId('import-preview').waitFor({ timeout: 30000 });
}

/** Pick `file`, use it as `use` (a grouping's name, a reference date when given) and press "Add". */
export async function addFile(
  tool: Locator,
  file: string,
  use: 'indicators' | 'grouping',
  opts: { name?: string; refDate?: string } = {},
): Promise<void> {
  await preview(tool, file);
  await tool.getByTestId(`import-use-${use}`).check();
  if (opts.name) await tool.getByTestId('import-grouping-name').fill(opts.name);
  if (opts.refDate) await tool.getByTestId('import-ref-date').fill(opts.refDate);
  await tool.getByTestId('import-add').click();
}

/** The map's data table of the synthetic ATS grouping as a level: its 3 groups, each with a value (a sum). */
export async function expectAtsTable(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Mostra tabella' }).click();
  const table = page.getByTestId('data-table');
  await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60000 }).toBe(3);
  expect(await table.textContent()).toMatch(/ATS Cirò Marina \(sintetico\)/);
  await expect.poll(() => table.locator('tbody td.num').first().textContent(), { timeout: 60000 }).toMatch(/\d/);
}
