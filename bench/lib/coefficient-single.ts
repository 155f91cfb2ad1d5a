/**
 * One full computation of the coefficient (prepare + score: computeIndex) on the comuni with the default
 * configuration, median of 9 after a warm-up run: the Monte Carlo figure's unit (its baseline is 1,000 of
 * these). Prints one JSON object on stdout. Run by bench/figures/coefficient.mjs:
 * `npx tsx bench/lib/coefficient-single.ts [dataDir]`.
 */
import { performance } from 'node:perf_hooks';
import { computeIndex } from '../../src/analytics/composite';
import { defaultInputs } from './coefficient-data';

const { matrix, config } = await defaultInputs(process.argv[2] ?? 'public/data', 'comune');
computeIndex(matrix, config);
const times: number[] = [];
for (let k = 0; k < 9; k++) {
  const t0 = performance.now();
  computeIndex(matrix, config);
  times.push(performance.now() - t0);
}
const singleMs = [...times].sort((a, b) => a - b)[4];
process.stdout.write(JSON.stringify({ territories: matrix.codes.length, times, singleMs }) + '\n');
