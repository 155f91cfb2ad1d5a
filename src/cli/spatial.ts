/**
 * Spatial autocorrelation of one indicator from the command line (global Moran's I and LISA, GeoDa's
 * conventions; see docs/spatial.md). Deterministic for a seed: the same data, options and seed give a
 * byte-identical CSV, and the same numbers as the app's "Spatial clusters" view.
 *
 *   npm run spatial -- --indicator ID --level region|province|comune --out FILE|-
 *                      [--weights queen|knn:K|band:KM] [--permutations 999] [--seed 12345]
 *                      [--alpha 0.05] [--fdr] [--attach-islands K] [--year YYYY]
 *                      [--weights-out FILE] [--data public/data] [--geo public]
 *
 * CSV columns: code,name,value,lag,lisa_i,lisa_p,cluster,neighbours (cluster: 0 not significant,
 * 1 HH, 2 LL, 3 LH, 4 HL, 6 isolated; empty cells are missing). Only the level's own values are used
 * (never a value inherited from a coarser level). Exit code 2 for a usage, file or data problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IndicatorMeta } from '../analytics/catalogue';
import {
  analyseSpatial,
  buildWeights,
  featureCentroids,
  formatWeightsSpec,
  parseWeightsSpec,
  spatialCSV,
  spatialRows,
  weightsCSV,
  type WeightsSpec,
} from '../analytics/spatial/index';
import { DATA_FILES, GEO_FILES, GEO_PACKED, MAP_LEVELS, type MapLevel } from '../contract';
import { openNodeDb } from '../db/node';
import { lit, num } from '../db/sql';
import { readTopology } from '../spatial/topology';
import { UsageError, intOption, parseArgs, runCli } from './args';
import { writeText } from './csv';

const LEVELS = MAP_LEVELS;
type SpatialLevel = MapLevel;

const USAGE = `usage: npm run spatial -- --indicator ID --level region|province|comune --out FILE|-
                          [--weights queen|knn:K|band:KM] [--permutations 999] [--seed 12345] [--alpha 0.05] [--fdr]
                          [--attach-islands K] [--year YYYY] [--weights-out FILE] [--data public/data] [--geo public]`;

class InputError extends Error {}

const fmt = (x: number | null | undefined, d = 4) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d);

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    indicator: {},
    level: {},
    out: {},
    weights: {},
    permutations: {},
    seed: {},
    alpha: {},
    fdr: { flag: true },
    'attach-islands': {},
    year: {},
    'weights-out': {},
    data: {},
    geo: {},
    help: { flag: true },
  });
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const indicator = args.indicator as string | undefined;
  const level = args.level as string | undefined;
  const out = args.out as string | undefined;
  if (!indicator) throw new UsageError('--indicator is required');
  if (!level) throw new UsageError('--level is required');
  if (!LEVELS.includes(level as SpatialLevel))
    throw new UsageError(`unknown level "${level}" (use ${LEVELS.join(', ')})`);
  if (!out) throw new UsageError('--out is required (a file, or - for the standard output)');
  const spec = parseWeightsSpec((args.weights as string | undefined) ?? 'queen');
  if ('error' in spec) throw new UsageError(spec.error);
  const permutations = intOption(args, 'permutations', 0, 99999) ?? 999;
  const seed = intOption(args, 'seed', -2147483648, 4294967295) ?? 12345;
  const attachK = intOption(args, 'attach-islands', 0, 50) ?? 0;
  const year = intOption(args, 'year', 1900, 2100);
  let alpha = 0.05;
  if (args.alpha !== undefined) {
    alpha = Number(args.alpha);
    if (!(alpha > 0 && alpha < 1))
      throw new UsageError(`--alpha must be a number between 0 and 1, got "${String(args.alpha)}"`);
  }

  const dataDir = path.resolve((args.data as string | undefined) ?? 'public/data');
  const geoDir = path.resolve((args.geo as string | undefined) ?? 'public');
  const catFile = path.join(dataDir, path.basename(DATA_FILES.catalogue));
  const indFile = path.join(dataDir, path.basename(DATA_FILES.indicators));
  const geoRel = GEO_PACKED[level as SpatialLevel] ?? GEO_FILES[level as SpatialLevel];
  const geoFile = path.join(geoDir, geoRel);
  const absent = [catFile, indFile, geoFile].filter((f) => !fs.existsSync(f));
  if (absent.length)
    throw new InputError(
      `file(s) not found: ${absent.join(', ')} (build them with \`npm run data\`, or pass --data / --geo)`,
    );
  const catalogue = JSON.parse(fs.readFileSync(catFile, 'utf8')) as IndicatorMeta[];
  const meta = catalogue.find((m) => m.id === indicator);
  if (!meta) throw new InputError(`unknown indicator "${indicator}" (known: ${catalogue.map((m) => m.id).join(', ')})`);

  const db = await openNodeDb();
  let rows: { code: string; year: number; value: number | null }[];
  try {
    await db.loadParquet('indicators', indFile);
    const r = await db.all(
      `SELECT code, year, value FROM indicators WHERE indicator = ${lit(indicator)} AND level = ${lit(level)} ORDER BY code, year`,
    );
    rows = r.map((x) => ({ code: String(x.code), year: Number(x.year), value: num(x.value) }));
  } finally {
    db.close();
  }
  const years = [...new Set(rows.filter((r) => r.value !== null).map((r) => r.year))].sort((a, b) => a - b);
  if (!years.length)
    throw new InputError(
      `indicator "${indicator}" has no value at ${level} level (its levels: ${meta.levels.join(', ')})`,
    );
  if (year !== undefined && !years.includes(year))
    throw new InputError(`indicator "${indicator}" has no ${level} value for ${year} (years: ${years.join(', ')})`);
  const y = year ?? years[years.length - 1];
  const byCode = new Map(rows.filter((r) => r.year === y).map((r) => [r.code, r.value]));

  const buf = fs.readFileSync(geoFile);
  const topo = await readTopology(
    buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer,
    geoFile,
  );
  const xy = featureCentroids(topo);
  const w = buildWeights(topo, spec as WeightsSpec, xy);
  const values = topo.codes.map((c) => byCode.get(c) ?? null);
  const noGeometry = [...byCode.keys()].filter((c) => !topo.codes.includes(c));
  const res = analyseSpatial(values, w, xy, { permutations, seed, alpha, fdr: args.fdr === true, attachK });
  writeText(out, spatialCSV(spatialRows(topo.codes, topo.names, res)));
  if (args['weights-out'] !== undefined) writeText(args['weights-out'] as string, weightsCSV(topo.codes, res));

  const say = (s: string) => (out === '-' ? process.stderr : process.stdout).write(s + '\n');
  const g = res.global;
  say(
    `spatial: ${indicator} ${y}, ${level}, weights ${formatWeightsSpec(spec as WeightsSpec)} (row-standardised): ${res.withValue - res.isolated} analysed of ${topo.codes.length}; ${topo.codes.length - res.withValue} without a value; ${res.isolated} isolated${attachK ? `; ${res.attached} islands attached to their ${attachK} nearest` : ''}`,
  );
  if (noGeometry.length)
    say(
      `spatial: warning: ${noGeometry.length} code(s) with a value but no boundary, left out: ${noGeometry.slice(0, 10).join(', ')}${noGeometry.length > 10 ? ', …' : ''}`,
    );
  if (!g) {
    say(`spatial: Moran's I not computed: ${res.error}`);
    return 0;
  }
  say(
    `Moran's I = ${fmt(g.I, 6)}  E[I] = ${fmt(g.EI, 6)}  z = ${fmt(g.z_rand, 4)} (randomisation)  p = ${g.p_sim === null ? 'n/a' : fmt(g.p_sim, 4)} (pseudo, ${g.permutations} permutations, seed ${seed})`,
  );
  const counts = [1, 2, 3, 4, 0, 6].map((c) => res.units.filter((u) => u.cluster === c).length);
  say(
    `LISA (${args.fdr ? `FDR Benjamini–Hochberg at ${alpha}: p ≤ ${fmt(res.cutoff, 4)}` : `p ≤ ${alpha}`}): HH ${counts[0]}, LL ${counts[1]}, LH ${counts[2]}, HL ${counts[3]}, not significant ${counts[4]}, isolated ${counts[5]}`,
  );
  return 0;
}

runCli('spatial', USAGE, main, [InputError]);
