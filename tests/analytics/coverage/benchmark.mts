/**
 * Node benchmark of the coverage engine on the real data (not a test; run after `npm run data`):
 *   npx tsx tests/analytics/coverage/benchmark.mts [layer=hospitals] [d0=50]
 * Prints the median of 5 runs (after 3 warm-ups) of E2SFCA (Gaussian) with the spatial index, with geokdbush
 * `around` pairs, and by brute force over all pairs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  fca,
  fcaBruteForce,
  candidatePairs,
  buildIndex,
  coverageMeasures,
} from '../../../src/analytics/coverage/index';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const layer = process.argv[2] ?? 'hospitals';
const d0 = Number(process.argv[3] ?? 50);
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
const all = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
const T = path.join(ROOT, 'public/data/territories.parquet');
const S = path.join(ROOT, 'public/data/services.parquet');
const demand = (
  await all(`SELECT code, lon, lat, population::DOUBLE AS population FROM '${T}' WHERE level = 'comune' ORDER BY code`)
).map((r) => ({
  code: String(r.code),
  lon: Number(r.lon),
  lat: Number(r.lat),
  population: Number(r.population),
}));
const services = (await all(`SELECT id, lon, lat, capacity FROM '${S}' WHERE layer = '${layer}' ORDER BY id`)).map(
  (r) => ({
    id: String(r.id),
    lon: Number(r.lon),
    lat: Number(r.lat),
    capacity: r.capacity === null ? null : Number(r.capacity),
  }),
);
const median = (f: () => unknown) => {
  for (let k = 0; k < 3; k++) f();
  const ts: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[2];
};
const opts = { d0, decay: 'gaussian' as const };
const tIndex = median(() => fca(demand, services, opts));
const tAround = median(() => {
  const idx = buildIndex(services);
  return fca(demand, services, opts, candidatePairs(demand, services, d0, idx, 'around'));
});
const tBrute = median(() => fcaBruteForce(demand, services, opts));
const tAll = median(() => coverageMeasures(demand, services, { d0, decay: 'gaussian' }));
const a = fca(demand, services, opts).access;
const b = fcaBruteForce(demand, services, opts).access;
let maxRel = 0;
for (let i = 0; i < a.length; i++) maxRel = Math.max(maxRel, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300));
console.log(
  `${demand.length} comuni × ${services.length} ${layer}, d0 = ${d0} km, ${candidatePairs(demand, services, d0).length} pairs within d0`,
);
console.log(
  `E2SFCA index (kdbush range): ${tIndex.toFixed(1)} ms | index (geokdbush around): ${tAround.toFixed(1)} ms | brute force: ${tBrute.toFixed(1)} ms | speed-up ${(tBrute / tIndex).toFixed(1)}×`,
);
console.log(
  `coverageMeasures (nearest k=3 + 2SFCA + E2SFCA + counts): ${tAll.toFixed(1)} ms; max relative difference index vs brute force: ${maxRel.toExponential(1)}`,
);
con.closeSync();
inst.closeSync();
