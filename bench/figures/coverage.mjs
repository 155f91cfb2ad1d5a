// Coverage figures: E2SFCA (Gaussian decay, d0 = 50 km, capacity = beds) over all comuni × the 1,283 hospitals,
// in the coverage view's Web Worker, with the spatial index (kdbush box query per comune + exact haversine)
// against the brute-force all-pairs scan (fcaBruteForce), alternated run by run in the same worker.
import { makeFigure } from '../lib/util.mjs';

const RUNS = 9;

export default async function coverageFigures(ctx) {
  const { browser, app, log } = ctx;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(new URL('?mode=coverage&level=region', app.url).href);
    // the hook exists only once the lazy coverage module is loaded
    await page.waitForFunction(() => typeof window.__coverageBench === 'function', null, { timeout: ctx.timeout });
    const r = await page.evaluate(
      (runs) => window.__coverageBench({ layer: 'hospitals', d0: 50, runs, warmup: 2 }),
      RUNS,
    );
    log(
      `  e2sfca: ${r.comuni} comuni × ${r.services} hospitals; indexed ${r.indexed.map(Math.round).join(', ')} ms; brute force ${r.brute.map(Math.round).join(', ')} ms; max |Δ access| ${r.maxDiff.toExponential(1)}`,
    );
    if (r.maxDiff > 1e-12) throw new Error(`indexed and brute-force E2SFCA differ by ${r.maxDiff}`);
    const common = `E2SFCA (Gaussian, d0 = 50 km, beds) over ${r.comuni} comuni × ${r.services} hospitals in the coverage Web Worker, ${RUNS} alternated runs after 2 uncounted warm-up runs`;
    const vsBrute = makeFigure({
      name: 'coverage-e2sfca-vs-bruteforce',
      unit: 'ms',
      samples: r.indexed,
      baselineSamples: r.brute,
      budget: 0.2,
      notes: [
        `${common}; baseline = brute-force all-pairs scan (fcaBruteForce) in the same run and worker; budget = at least 5× faster`,
      ],
    });
    const abs = makeFigure({
      name: 'coverage-e2sfca-ms',
      unit: 'ms',
      samples: r.indexed,
      baseline: 300,
      baselineUnit: 'ms',
      budget: 1,
      notes: [`${common}; spatial index built inside each run; budget = 300 ms median`],
    });
    return [vsBrute, abs];
  } finally {
    await context.close();
  }
}
