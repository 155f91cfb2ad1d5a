// Spatial figures: LISA (local Moran, conditional permutation, 999 permutations) on every comune with a value
// (queen contiguity from the topology, islands apart): the shared-draw version
// (src/analytics/spatial/lisa.ts localMoran) against the naive per-unit version (localMoranNaive: a fresh shuffle
// of the other n − 1 values for every permutation of every unit), alternated run by run in one Node process on
// the app's own topology and data (the production worker carries no benchmark code); and the whole interactive
// analysis (global Moran's I + LISA, 999 permutations each) against the 1 s budget.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFigure } from '../lib/util.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const RUNS = 5;

export default async function spatialFigures(ctx) {
  const { log } = ctx;
  const out = execFileSync('npx', ['tsx', 'bench/lib/spatial-lisa.ts', 'public', String(RUNS)], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 900_000,
  });
  const r = JSON.parse(out.trim().split('\n').pop());
  log(
    `  lisa: ${r.n} comuni analysed (${r.isolated} isolated, left out); shared draws ${r.fast.map(Math.round).join(', ')} ms; naive ${r.naive.map(Math.round).join(', ')} ms; whole analysis ${r.full.map(Math.round).join(', ')} ms; p-values max |Δ| ${r.maxDiff.toFixed(3)}, mean |Δ| ${r.meanDiff.toFixed(4)}`,
  );
  // two independent random streams of 999 permutations: the p-values agree up to Monte Carlo noise
  if (r.meanDiff > 0.02)
    throw new Error(`shared-draw and naive LISA p-values differ too much on average (${r.meanDiff})`);
  const common = `LISA, 999 permutations, avg_taxable_income on ${r.n} comuni (queen, row-standardised) in one Node process (bench/lib/spatial-lisa.ts: the app's packed topology and data), ${RUNS} alternated runs`;
  const vsNaive = makeFigure({
    name: 'spatial-lisa-vs-naive',
    unit: 'ms',
    samples: r.fast,
    baselineSamples: r.naive,
    budget: 0.5,
    notes: [
      `${common}; baseline = naive per-unit conditional permutation (localMoranNaive) in the same run and process; budget = at least 2× faster`,
    ],
  });
  const abs = makeFigure({
    name: 'spatial-analysis-comuni-ms',
    unit: 'ms',
    samples: r.full,
    baseline: 1000,
    baselineUnit: 'ms',
    budget: 1,
    notes: [
      `whole interactive analysis (analyseSpatial: global Moran's I and LISA, 999 permutations each, weights already built) on the comuni; budget = 1 s median`,
    ],
  });
  return [vsNaive, abs];
}
