// Coverage figures: E2SFCA (Gaussian decay, d0 = 50 km, capacity = beds) over all comuni × the 1,283 hospitals,
// with the spatial index (kdbush box query per comune + exact haversine) against the brute-force all-pairs
// scan (fcaBruteForce), alternated run by run in one Node process on the app's own inputs (the production
// worker carries no benchmark code).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFigure } from '../lib/util.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const RUNS = 9;

export default async function coverageFigures(ctx) {
  const { log } = ctx;
  const out = execFileSync('npx', ['tsx', 'bench/lib/coverage-e2sfca.ts', 'public/data', String(RUNS), '2'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 600_000,
  });
  const r = JSON.parse(out.trim().split('\n').pop());
  log(
    `  e2sfca: ${r.comuni} comuni × ${r.services} hospitals; indexed ${r.indexed.map(Math.round).join(', ')} ms; brute force ${r.brute.map(Math.round).join(', ')} ms; max |Δ access| ${r.maxDiff.toExponential(1)}`,
  );
  if (r.maxDiff > 1e-12) throw new Error(`indexed and brute-force E2SFCA differ by ${r.maxDiff}`);
  const common = `E2SFCA (Gaussian, d0 = 50 km, beds) over ${r.comuni} comuni × ${r.services} hospitals in one Node process (bench/lib/coverage-e2sfca.ts, the app's own inputs), ${RUNS} alternated runs after 2 uncounted warm-up runs`;
  const vsBrute = makeFigure({
    name: 'coverage-e2sfca-vs-bruteforce',
    unit: 'ms',
    samples: r.indexed,
    baselineSamples: r.brute,
    budget: 0.2,
    notes: [
      `${common}; baseline = brute-force all-pairs scan (fcaBruteForce) in the same run and process; budget = at least 5× faster`,
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
}
