/**
 * LISA on every comune with a value of avg_taxable_income (latest year; queen contiguity from the packed
 * topology the app reads, row-standardised, islands apart): the shared-draw version (localMoran) against
 * the naive per-unit one (localMoranNaive), alternated run by run in this same process, and the whole
 * interactive analysis (analyseSpatial). Prints one JSON object on stdout. Run by bench/figures/spatial.mjs:
 * `npx tsx bench/lib/spatial-lisa.ts [publicDir] [runs]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parquetReadObjects } from 'hyparquet';
import {
  analyseSpatial,
  buildWeights,
  featureCentroids,
  islands,
  localMoran,
  localMoranNaive,
  rowStandardise,
  subsetWeights,
} from '../../src/analytics/spatial/index';
import { readTopology } from '../../src/spatial/topology';
import { GEO_PACKED } from '../../src/map/files';

const root = path.resolve(process.argv[2] ?? 'public');
const RUNS = Number(process.argv[3] ?? 5);
const INDICATOR = 'avg_taxable_income';
const PERMUTATIONS = 999;
const SEED = 12345;

const file = GEO_PACKED.comune as string;
const b = fs.readFileSync(path.join(root, file));
const topo = await readTopology(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, file);
const xy = featureCentroids(topo);
const ib = fs.readFileSync(path.join(root, 'data/indicators.parquet'));
const rows = (
  await parquetReadObjects({
    file: ib.buffer.slice(ib.byteOffset, ib.byteOffset + ib.byteLength) as ArrayBuffer,
    columns: ['level', 'code', 'indicator', 'year', 'value'],
  })
).filter(
  (r) => r.indicator === INDICATOR && r.level === 'comune' && r.value !== null && Number.isFinite(Number(r.value)),
);
const year = Math.max(...rows.map((r) => Number(r.year)));
const byCode = new Map(rows.filter((r) => Number(r.year) === year).map((r) => [String(r.code), Number(r.value)]));
const vals = topo.codes.map((c) => byCode.get(c) ?? null);

const w0 = buildWeights(topo, { kind: 'queen' }, xy);
const { weights: wv, index } = subsetWeights(
  w0,
  vals.map((v) => v !== null),
);
const isl = new Set(islands(wv));
const { weights: wk, index: idx2 } = subsetWeights(
  wv,
  index.map((_, q) => !isl.has(q)),
);
const wr = rowStandardise(wk);
const y = Float64Array.from(idx2, (q) => vals[index[q]] as number);
const fast: number[] = [];
const naive: number[] = [];
const full: number[] = [];
let pf: Float64Array | null = null;
let pn: Float64Array | null = null;
for (let r = 0; r < RUNS; r++) {
  let t = performance.now();
  pf = localMoran(y, wr, { permutations: PERMUTATIONS, seed: SEED }).p;
  fast.push(performance.now() - t);
  t = performance.now();
  pn = localMoranNaive(y, wr, { permutations: PERMUTATIONS, seed: SEED + 1 });
  naive.push(performance.now() - t);
  // what the user waits for: the whole analysis (global Moran's I and LISA, 999 permutations each)
  t = performance.now();
  analyseSpatial(vals, w0, xy, { permutations: PERMUTATIONS, seed: SEED });
  full.push(performance.now() - t);
}
let maxDiff = 0;
let sum = 0;
for (let i = 0; i < y.length; i++) {
  const d = Math.abs(pf![i] - pn![i]);
  maxDiff = Math.max(maxDiff, d);
  sum += d;
}
process.stdout.write(
  JSON.stringify({ n: y.length, isolated: isl.size, year, fast, naive, full, maxDiff, meanDiff: sum / y.length }) +
    '\n',
);
