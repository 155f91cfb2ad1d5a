// Coefficient figures: recompute + recolour after a slider move (all comuni), and the Monte Carlo
// of 1,000 draws in its worker against 1,000 × one single computation (measured by the bench itself in
// Node, bench/lib/coefficient-single.ts, on the same data and configuration: the production worker
// carries no benchmark code).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFigure } from '../lib/util.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const FRAME_MS = 1000 / 60;

export default async function coefficientFigures(ctx) {
  const { browser, app, log } = ctx;
  // the unit first, alone on the machine (not while the page computes)
  const single = JSON.parse(
    execFileSync('npx', ['tsx', 'bench/lib/coefficient-single.ts', 'public/data'], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 600_000,
    })
      .trim()
      .split('\n')
      .pop(),
  );
  const singleMs = Number(single.singleMs.toFixed(3));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(new URL('?mode=coefficient&level=comune', app.url).href);
    await page.waitForFunction(
      () => document.body.dataset.level === 'comune' && /coefficient/.test(document.body.dataset.layer ?? ''),
      null,
      { timeout: ctx.timeout },
    );
    // the first Monte Carlo (default configuration, 1,000 draws)
    await page.waitForFunction(() => !!document.body.dataset.mc, null, { timeout: 120_000 });
    const [draws, mcMs] = (await page.evaluate(() => document.body.dataset.mc)).split(':').map(Number);
    log(`  monte carlo: ${draws} draws in ${mcMs} ms; one computation ${singleMs} ms`);

    // slider moves: time from the input event to the colours handed to the map's WebGL layer
    const samples = await page.evaluate(async (n) => {
      const slider = document.querySelector('[data-testid="weight-avg_taxable_income"]');
      const out = [];
      for (let k = 0; k < n; k++) {
        performance.clearMarks('colours-handed');
        const t0 = performance.now();
        slider.value = String(k % 2 ? 1 : 2.5);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = await new Promise((resolve) => {
          const check = () => {
            const m = performance.getEntriesByName('colours-handed')[0];
            if (m) resolve(m.startTime);
            else setTimeout(check, 0);
          };
          check();
        });
        out.push(t1 - t0);
        await new Promise((r) => setTimeout(r, 120));
      }
      return out;
    }, 15);
    const recolour = makeFigure({
      name: 'coefficient-recolour-comuni',
      unit: 'ms',
      samples,
      baseline: FRAME_MS,
      baselineUnit: 'ms',
      budget: 1,
      notes: [
        'input event → new colours handed to the map (scores, classes, colours) for ~7,900 comuni; baseline = one animation frame',
      ],
    });
    const mc = makeFigure({
      name: 'coefficient-montecarlo-1000',
      unit: 'ms',
      samples: [mcMs],
      baseline: 1000 * singleMs,
      baselineUnit: 'ms',
      budget: 1,
      notes: [
        `${draws} draws over the comuni in a Web Worker; baseline = 1,000 × one full computation (computeIndex, median of 9 after a warm-up) on the same comuni and default configuration, in Node (bench/lib/coefficient-single.ts)`,
      ],
    });
    return [recolour, mc];
  } finally {
    await context.close();
  }
}
