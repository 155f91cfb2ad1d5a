// Over 300 lines: the spatial command: arguments, the three kinds of variable (indicator, coefficient, coverage), output.
/**
 * Spatial autocorrelation of one variable from the command line (global Moran's I and LISA, GeoDa's
 * conventions; see docs/spatial.md). Deterministic for a seed: the same data, options and seed give a
 * byte-identical CSV, and the same numbers as the app's "Spatial clusters" view.
 *
 *   npm run spatial -- --indicator ID | --variable indicator:ID|coefficient|coverage:MEASURE
 *                      --level region|province|comune|sll|nuts2 --out FILE|-
 *                      [--weights queen|knn:K|band:KM] [--permutations 999] [--seed 12345]
 *                      [--alpha 0.05] [--fdr] [--attach-islands K] [--year YYYY]
 *                      [--weights-out FILE] [--data public/data] [--geo public]
 *   coefficient: [--config FILE | --preset ID] (as `npm run coefficient`; default: the level's default)
 *   coverage:    [--layer hospitals] [--services FILE] [--d0 50] [--decay gaussian|stepped] [--gap 30]
 *                [--no-capacity] (as `npm run coverage`; defaults: the app's)
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
import { parseVariable } from '../spatial/variable';
import { DEFAULT_SETTINGS, type MeasureKey } from '../coverage/measures';
import { INDEX_LEVELS, type IndexLevel } from '../analytics/composite/index';
import { UsageError, intOption, parseArgs, runCli, type ParsedArgs } from './args';
import { writeText } from './csv';
import { InputError as CoefInputError, chooseConfig, loadData, scoreConfig } from './coefficient';
import { InputError as CoverageInputError, parseCoverageArgs, runCoverage } from './coverage';

const LEVELS = MAP_LEVELS;
type SpatialLevel = MapLevel;

const USAGE = `usage: npm run spatial -- (--indicator ID | --variable indicator:ID|coefficient|coverage:MEASURE)
                          --level region|province|comune|sll|nuts2 --out FILE|-
                          [--weights queen|knn:K|band:KM] [--permutations 999] [--seed 12345] [--alpha 0.05] [--fdr]
                          [--attach-islands K] [--year YYYY] [--weights-out FILE] [--data public/data] [--geo public]
  coefficient: [--config FILE | --preset ID]
  coverage:    [--layer hospitals] [--services FILE] [--d0 50] [--decay gaussian|stepped] [--gap 30] [--no-capacity]`;

/** The coverage measures the command line computes (the non-EU rate is the app's only). */
type CliMeasure = Exclude<MeasureKey, 'per_10k_noneu'>;
const CLI_MEASURES: readonly MeasureKey[] = [
  'nearest_km',
  'per_10k',
  'access_2sfca',
  'access_e2sfca',
  'gap_population',
];
const COVERAGE_OPTIONS = ['layer', 'services', 'd0', 'decay', 'gap'];

/** The variable's values at the level (by code), and what it is, in words. */
interface Variable {
  byCode: Map<string, number | null>;
  what: string;
}

async function indicatorVariable(
  indicator: string,
  level: string,
  year: number | undefined,
  dataDir: string,
): Promise<Variable> {
  const catFile = path.join(dataDir, path.basename(DATA_FILES.catalogue));
  const indFile = path.join(dataDir, path.basename(DATA_FILES.indicators));
  const absent = [catFile, indFile].filter((f) => !fs.existsSync(f));
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
  return { byCode: new Map(rows.filter((r) => r.year === y).map((r) => [r.code, r.value])), what: `${indicator} ${y}` };
}

/** The coefficient's scores of a configuration (npm run coefficient's code). */
async function coefficientVariable(args: ParsedArgs, level: string, dataDir: string): Promise<Variable> {
  if (!INDEX_LEVELS.includes(level as IndexLevel))
    throw new UsageError(`the coefficient is computed at ${INDEX_LEVELS.join(', ')}, not at "${level}"`);
  const data = await loadData(dataDir);
  const config = chooseConfig(
    data,
    level as IndexLevel,
    args.config as string | undefined,
    args.preset as string | undefined,
  );
  const { matrix, result } = scoreConfig(data, config);
  const byCode = new Map(
    matrix.codes.map((c, i) => [c, result.scores[i] === result.scores[i] ? result.scores[i] : null]),
  );
  const how = args.config
    ? `configuration ${String(args.config)}`
    : args.preset
      ? `preset ${String(args.preset)}`
      : 'default configuration';
  const n = config.indicators.filter((i) => i.enabled).length;
  return {
    byCode,
    what: `coefficient (${how}: ${n} indicators, ${config.normalisation} + ${config.aggregation}; ${result.scored} of ${matrix.codes.length} scored)`,
  };
}

/** A coverage measure (npm run coverage's code), the app's defaults for what is not given. */
async function coverageVariable(
  args: ParsedArgs,
  measure: MeasureKey,
  level: string,
  dataDir: string,
): Promise<Variable> {
  if (!CLI_MEASURES.includes(measure))
    throw new UsageError(
      `coverage measure "${measure}" is computed in the app only (here: ${CLI_MEASURES.join(', ')})`,
    );
  const argv: string[] = ['--level', level, '--out', '-', '--data', dataDir];
  const opt = (k: string, dflt: string | null) => {
    const v = (args[k] as string | undefined) ?? dflt;
    if (v !== null) argv.push(`--${k}`, v);
  };
  opt('layer', args.services === undefined ? 'hospitals' : null);
  opt('services', null);
  opt('d0', String(DEFAULT_SETTINGS.d0));
  opt('decay', DEFAULT_SETTINGS.decay);
  opt('gap', measure === 'gap_population' ? String(DEFAULT_SETTINGS.gapKm) : null);
  if (args['no-capacity']) argv.push('--no-capacity');
  const run = await runCoverage(parseCoverageArgs(argv));
  return {
    byCode: new Map(run.table.map((r) => [r.code, r[measure as CliMeasure]])),
    what: `coverage ${measure} (${run.summary.replace(/^coverage: /, '').replace(/ → .*$/, '')}${measure === 'gap_population' ? `, X = ${argv[argv.indexOf('--gap') + 1]} km` : ''})`,
  };
}

class InputError extends Error {}

const fmt = (x: number | null | undefined, d = 4) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d);

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    indicator: {},
    variable: {},
    config: {},
    preset: {},
    'no-capacity': { flag: true },
    ...Object.fromEntries(COVERAGE_OPTIONS.map((k) => [k, {}])),
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
  const level = args.level as string | undefined;
  const out = args.out as string | undefined;
  if (args.indicator !== undefined && args.variable !== undefined)
    throw new UsageError('give either --indicator or --variable, not both');
  const vtext =
    (args.variable as string | undefined) ??
    (args.indicator !== undefined ? `indicator:${String(args.indicator)}` : undefined);
  if (!vtext) throw new UsageError('--indicator or --variable is required');
  const indicator = vtext.startsWith('indicator:') ? vtext.slice('indicator:'.length) : null;
  const variable = indicator !== null ? null : parseVariable(vtext);
  if (indicator === '' || (indicator === null && (!variable || variable.kind === 'indicator')))
    throw new UsageError(`unknown variable "${vtext}" (use indicator:ID, coefficient or coverage:MEASURE)`);
  if (variable?.kind !== 'coefficient' && (args.config !== undefined || args.preset !== undefined))
    throw new UsageError('--config and --preset go with --variable coefficient');
  if (variable?.kind !== 'coverage' && (COVERAGE_OPTIONS.some((k) => args[k] !== undefined) || args['no-capacity']))
    throw new UsageError(`--${COVERAGE_OPTIONS.join(', --')} and --no-capacity go with --variable coverage:MEASURE`);
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
  const geoRel = GEO_PACKED[level as SpatialLevel] ?? GEO_FILES[level as SpatialLevel];
  const geoFile = path.join(geoDir, geoRel);
  if (!fs.existsSync(geoFile))
    throw new InputError(`file(s) not found: ${geoFile} (build them with \`npm run data\`, or pass --data / --geo)`);
  if (variable && year !== undefined) throw new UsageError('--year goes with an indicator');
  const v =
    indicator !== null
      ? await indicatorVariable(indicator, level, year, dataDir)
      : variable!.kind === 'coefficient'
        ? await coefficientVariable(args, level, dataDir)
        : await coverageVariable(args, (variable as { measure: MeasureKey }).measure, level, dataDir);
  const byCode = v.byCode;

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
    `spatial: ${v.what}, ${level}, weights ${formatWeightsSpec(spec as WeightsSpec)} (row-standardised): ${res.withValue - res.isolated} analysed of ${topo.codes.length}; ${topo.codes.length - res.withValue} without a value; ${res.isolated} isolated${attachK ? `; ${res.attached} islands attached to their ${attachK} nearest` : ''}`,
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

runCli('spatial', USAGE, main, [InputError, CoefInputError, CoverageInputError]);
