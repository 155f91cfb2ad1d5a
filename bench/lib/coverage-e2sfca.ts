/**
 * E2SFCA (Gaussian decay, d0 = 50 km, capacity = beds) over every comune × the hospitals, with the spatial
 * index (fca) and by the brute-force all-pairs scan (fcaBruteForce), alternated run by run in this same
 * process after uncounted warm-up runs; the app's own inputs (demandPoints, toServicePoints of the
 * built-in layer). Prints one JSON object on stdout. Run by bench/figures/coverage.mjs:
 * `npx tsx bench/lib/coverage-e2sfca.ts [dataDir] [runs] [warmup]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parquetReadObjects } from 'hyparquet';
import { fca, fcaBruteForce } from '../../src/analytics/coverage/index';
import { demandPoints, toServicePoints } from '../../src/coverage/measures';
import { toRecord } from '../../src/coverage/services';
import type { Territory } from '../../src/analytics/catalogue';
import type { ServiceRecord } from '../../src/core/userData';

const dir = path.resolve(process.argv[2] ?? 'public/data');
const RUNS = Number(process.argv[3] ?? 9);
const WARMUP = Number(process.argv[4] ?? 2);
const D0 = 50;

async function read(file: string, columns?: string[]): Promise<Record<string, unknown>[]> {
  const b = fs.readFileSync(path.join(dir, file));
  const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  return parquetReadObjects({ file: buf, columns });
}
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const territories = (await read('territories.parquet', ['level', 'code', 'lon', 'lat', 'population'])).map((t) => ({
  level: t.level,
  code: String(t.code),
  lon: num(t.lon),
  lat: num(t.lat),
  population: num(t.population),
})) as unknown as Territory[];
const hospitals = (await read('services.parquet'))
  .filter((r) => r.layer === 'hospitals')
  .map(toRecord)
  .filter((r): r is ServiceRecord => r !== null);

const demand = demandPoints(territories);
const services = toServicePoints(hospitals);
const opts = { d0: D0, decay: 'gaussian' as const, useCapacity: true };
const indexed: number[] = [];
const brute: number[] = [];
let maxDiff = 0;
let reached = 0;
// alternate the two so that both see the same warm-up and the same machine load
for (let r = -WARMUP; r < RUNS; r++) {
  const t0 = performance.now();
  const a = fca(demand, services, opts);
  const t1 = performance.now();
  const b = fcaBruteForce(demand, services, opts);
  const t2 = performance.now();
  if (r < 0) continue; // warm-up (JIT) runs are not counted
  indexed.push(t1 - t0);
  brute.push(t2 - t1);
  for (let i = 0; i < a.access.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a.access[i] - b.access[i]));
  if (r === 0) for (let i = 0; i < a.access.length; i++) if (a.access[i] > 0) reached++;
}
process.stdout.write(
  JSON.stringify({ comuni: demand.length, services: services.length, indexed, brute, maxDiff, reached }) + '\n',
);
