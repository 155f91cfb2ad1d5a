/**
 * The Sobol analysis of the coefficient on the provinces (default configuration), against the naive
 * nested Monte Carlo (no reuse of runs) in the same process: prints one JSON object on stdout.
 * Run by bench/figures/sobol.mjs: `npx tsx bench/lib/sobol-provinces.ts [dataDir]`.
 */
import { performance } from 'node:perf_hooks';
import { FACTORS, bruteForceSobol, runSensitivity, sensitivityModel } from '../../src/analytics/composite/audit';
import { defaultInputs } from './coefficient-data';

const N = Number(process.env.SOBOL_N ?? 256);
const OUTER = Number(process.env.SOBOL_OUTER ?? 32);
const INNER = Number(process.env.SOBOL_INNER ?? 32);
const SEED = 42;

const { matrix, config } = await defaultInputs(process.argv[2] ?? 'public/data', 'province');

const times: number[] = [];
let saltelli = runSensitivity(matrix, config, { n: N, seed: SEED });
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  saltelli = runSensitivity(matrix, config, { n: N, seed: SEED });
  times.push(performance.now() - t0);
}
const sm = sensitivityModel(matrix, config, SEED);
const m = sm.members.length;
const t1 = performance.now();
const naive = bruteForceSobol(sm.model, sm.d, sm.outputs, m, OUTER, INNER, SEED);
const naiveMs = performance.now() - t1;
const r = (x: number) => (x === x ? Number(x.toFixed(3)) : null);
process.stdout.write(
  JSON.stringify({
    territories: m,
    factors: FACTORS,
    saltelli: {
      n: N,
      runs: saltelli.runs,
      ms: times,
      first: Array.from(saltelli.summary.first, r),
      total: Array.from(saltelli.summary.total, r),
      totalLo: Array.from(saltelli.summary.interval.totalLo, r),
      totalHi: Array.from(saltelli.summary.interval.totalHi, r),
    },
    naive: {
      outer: OUTER,
      inner: INNER,
      runs: naive.runs,
      ms: naiveMs,
      first: Array.from(naive.first, r),
      total: Array.from(naive.total, r),
    },
  }) + '\n',
);
