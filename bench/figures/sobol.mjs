// Sobol analysis of the coefficient on the provinces (issue 13): the Saltelli design (N·(d + 2) runs,
// every run reused by the first-order and total estimators of all factors and all outputs) against the
// naive nested Monte Carlo (2·d·outer·inner fresh runs, no reuse) in the same Node process
// (bench/lib/sobol-provinces.ts), plus the audit as the user gets it: in its Web Worker in the built app
// (against the interactive budget of 1 s).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFigure, median } from '../lib/util.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function sobolFigures(ctx) {
  const { browser, app, log } = ctx;
  const out = execFileSync('npx', ['tsx', 'bench/lib/sobol-provinces.ts', 'public/data'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 600_000,
  });
  const r = JSON.parse(out.trim().split('\n').pop());
  const fmt = (xs) => r.factors.map((f, k) => `${f} ${xs[k]}`).join(', ');
  log(
    `  sobol provinces (${r.territories}): Saltelli ${r.saltelli.runs} runs, median ${Math.round(median(r.saltelli.ms))} ms; naive ${r.naive.runs} runs, ${Math.round(r.naive.ms)} ms`,
  );
  log(`    total indices, Saltelli: ${fmt(r.saltelli.total)}; naive: ${fmt(r.naive.total)}`);
  const maxDiff = Math.max(...r.factors.map((_, k) => Math.abs((r.saltelli.total[k] ?? 0) - (r.naive.total[k] ?? 0))));
  const figures = [
    makeFigure({
      name: 'sobol-provinces-saltelli-vs-naive',
      unit: 'ms',
      samples: r.saltelli.ms,
      baseline: r.naive.ms,
      baselineUnit: 'ms',
      budget: 0.5,
      notes: [
        `Sobol first-order and total indices of 5 open choices on ${r.territories} province ranks and the mean absolute rank shift; Saltelli N = ${r.saltelli.n} (${r.saltelli.runs} runs, with bootstrap) vs naive nested Monte Carlo ${r.naive.outer}×${r.naive.inner} per factor and index (${r.naive.runs} runs, ranking-wide output only)`,
        `total indices (mean absolute rank shift): Saltelli ${fmt(r.saltelli.total)} [5–95 %: ${fmt(r.saltelli.totalLo)} … ${fmt(r.saltelli.totalHi)}]; naive ${fmt(r.naive.total)}; largest difference ${maxDiff.toFixed(3)}`,
        `first-order: Saltelli ${fmt(r.saltelli.first)}; naive ${fmt(r.naive.first)}`,
      ],
      details: r,
    }),
  ];
  // the audit as the user gets it: the Audit page of the built app, computed in its worker
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(new URL('?mode=coefficient&level=province', app.url).href);
    await page.waitForFunction(() => /coefficient/.test(document.body.dataset.layer ?? ''), null, {
      timeout: ctx.timeout,
    });
    const t0 = Date.now();
    await page.click('[data-testid=audit-open]');
    await page.waitForFunction(() => !!document.body.dataset.audit, null, { timeout: 300_000 });
    const wall = Date.now() - t0;
    const [runs, workerMs] = (await page.evaluate(() => document.body.dataset.audit)).split(':').map(Number);
    log(`  audit page (provinces): ${runs} runs in the worker in ${workerMs} ms (click → done ${wall} ms)`);
    figures.push(
      makeFigure({
        name: 'sobol-provinces-audit-worker',
        unit: 'ms',
        samples: [workerMs],
        baseline: 1000,
        baselineUnit: 'ms',
        budget: 1,
        notes: [
          `the whole audit (statistics + ${runs} Saltelli runs + bootstrap) on the provinces in the app's Web Worker; baseline = the interactive budget itself, 1 s; click → results ${wall} ms (includes the wait for the full data)`,
          `for scale: the naive nested estimator alone took ${Math.round(r.naive.ms)} ms in Node`,
        ],
      }),
    );
  } finally {
    await context.close();
  }
  return figures;
}
