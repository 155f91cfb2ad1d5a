/**
 * The employability coefficient from the command line, reproducibly: same data, configuration and
 * seed → byte-identical CSV (the same toCSV as the browser's export).
 *
 *   npm run coefficient -- --level province [--config config.json] [--preset equal|cnel|labour]
 *                          [--out results.csv | -] [--draws 1000] [--seed 42] [--data public/data]
 *                          [--audit [--audit-out audit.json] [--audit-n 256]]
 *
 * --audit: the statistical audit of the configuration (correlations, Cronbach's alpha, PCA, outlier
 * flags, Sobol indices of the open choices on the ranks; src/analytics/composite/audit) printed as a
 * summary on stdout, and with --audit-out written as JSON; the CSV is then written only with --out.
 *
 * Without --config: defaultConfig (or --preset). --draws and --seed override the configuration's
 * uncertainty settings; --draws 0 skips the Monte Carlo (empty rank_p* columns). Exit code 2 for
 * a usage, file or configuration problem (every configuration problem is listed), 1 otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { kindsOf, type IndicatorMeta } from '../analytics/catalogue';
import {
  ConfigError,
  INDEX_LEVELS,
  PRESETS,
  buildMatrix,
  defaultConfig,
  effectiveWeights,
  presetConfig,
  prepare,
  resultRows,
  runMonteCarlo,
  scoreWith,
  toCSV,
  validateConfig,
  type Config,
  type IndexLevel,
  type IndicatorRowWithId,
  type MatrixTerritory,
  type PresetId,
} from '../analytics/composite/index';
import { auditJson, auditStatistics, auditSummary, runSensitivity } from '../analytics/composite/audit/index';
import { openNodeDb } from '../db/node';
import { DATA_FILES, LEVEL_ORDER_SQL, toIndicatorRow, toTerritory } from '../contract';
import { UsageError, intOption, parseArgs, runCli } from './args';
import { writeText } from './csv';

const USAGE = `usage: npm run coefficient -- --level region|province|comune [--config config.json] [--preset ${PRESETS.map((p) => p.id).join('|')}]
                              [--out results.csv|-] [--draws 1000] [--seed 42] [--data public/data]
                              [--audit [--audit-out audit.json] [--audit-n 256]]`;

/** A problem the user can fix: exit code 2. */
export class InputError extends Error {}

export interface Data {
  catalogue: IndicatorMeta[];
  territories: MatrixTerritory[];
  rows: IndicatorRowWithId[];
}

/** The catalogue, territories and indicator rows of a data folder (also used by bench/lib/sobol-provinces.ts). */
export async function loadData(dir: string): Promise<Data> {
  const files = [DATA_FILES.catalogue, DATA_FILES.territories, DATA_FILES.indicators].map((f) =>
    path.join(dir, path.basename(f)),
  );
  const absent = files.filter((f) => !fs.existsSync(f));
  if (absent.length)
    throw new InputError(
      `data file(s) not found: ${absent.join(', ')} (build them with \`npm run data\`, or pass --data <folder>)`,
    );
  let catalogue: IndicatorMeta[];
  try {
    catalogue = JSON.parse(fs.readFileSync(files[0], 'utf8')) as IndicatorMeta[];
  } catch (e) {
    throw new InputError(`${files[0]} is not valid JSON: ${(e as Error).message}`);
  }
  const db = await openNodeDb();
  try {
    await db.loadParquet('territories', files[1]);
    await db.loadParquet('indicators', files[2]);
    const order = LEVEL_ORDER_SQL;
    const t = await db.all(
      `SELECT level, code, name, province_code, region_code FROM territories ORDER BY ${order}, code`,
    );
    const r = await db.all(
      `SELECT level, code, indicator, year, value, numerator, denominator FROM indicators ORDER BY indicator, ${order}, code, year`,
    );
    return {
      catalogue,
      territories: t.map((x): MatrixTerritory => {
        const { level, code, name, province_code, region_code } = toTerritory(x);
        return { level, code, name, province_code, region_code };
      }),
      rows: r.map(toIndicatorRow),
    };
  } finally {
    db.close();
  }
}

function readConfig(file: string, catalogue: IndicatorMeta[]): Config {
  if (!fs.existsSync(file)) throw new InputError(`configuration file not found: ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return validateConfig(json, catalogue);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}

/** The configuration asked for: a --config file, a --preset or the level's default (also `npm run spatial`'s). */
export function chooseConfig(data: Data, level: IndexLevel | undefined, file?: string, preset?: string): Config {
  if (file === undefined) {
    return preset
      ? presetConfig(preset as PresetId, data.catalogue, level as IndexLevel)
      : defaultConfig(data.catalogue, level as IndexLevel);
  }
  const config = readConfig(file, data.catalogue);
  if (level !== undefined && level !== config.level)
    throw new InputError(`--level ${level} differs from the configuration's level "${config.level}"`);
  return config;
}

/** The matrix and the scores of a configuration, as the browser computes them (also `npm run spatial`'s). */
export function scoreConfig(data: Data, config: Config) {
  const matrix = buildMatrix(
    data.rows,
    data.territories,
    config.level,
    config.indicators.map((i) => i.id),
    { kinds: kindsOf(data.catalogue) },
  );
  const prepared = prepare(matrix, config);
  return { matrix, prepared, result: scoreWith(prepared, effectiveWeights(config)) };
}

export async function main(argv: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const args = parseArgs(argv, {
    level: {},
    config: {},
    preset: {},
    out: {},
    draws: {},
    seed: {},
    data: {},
    audit: { flag: true },
    'audit-out': {},
    'audit-n': {},
    help: { flag: true },
  });
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const level = args.level as string | undefined;
  if (level !== undefined && !INDEX_LEVELS.includes(level as IndexLevel))
    throw new UsageError(`unknown level "${level}" (use ${INDEX_LEVELS.join(', ')})`);
  if (args.config === undefined && level === undefined)
    throw new UsageError('--level is required (or a --config that sets it)');
  if (args.config !== undefined && args.preset !== undefined)
    throw new UsageError('give either --config or --preset, not both');
  const preset = args.preset as string | undefined;
  if (preset !== undefined && !PRESETS.some((p) => p.id === preset))
    throw new UsageError(`unknown preset "${preset}" (known: ${PRESETS.map((p) => p.id).join(', ')})`);
  const draws = intOption(args, 'draws', 0, 100000);
  const seed = intOption(args, 'seed', -2147483648, 4294967295);
  const audit = args.audit === true;
  if (!audit && (args['audit-out'] !== undefined || args['audit-n'] !== undefined))
    throw new UsageError('--audit-out and --audit-n go with --audit');
  const auditN = intOption(args, 'audit-n', 2, 100000) ?? 256;
  const out = (args.out as string | undefined) ?? (audit ? undefined : '-');

  const data = await loadData(path.resolve((args.data as string | undefined) ?? 'public/data'));
  const config = chooseConfig(data, level as IndexLevel | undefined, args.config as string | undefined, preset);
  if (seed !== undefined) config.uncertainty.seed = seed;
  if (draws !== undefined && draws > 0) config.uncertainty.draws = draws;

  const { matrix, prepared, result } = scoreConfig(data, config);
  const empty = matrix.ids.filter((_, j) => !matrix.values[j].some((v) => v === v));
  if (empty.length)
    process.stderr.write(`coefficient: warning: no value at ${config.level} level for ${empty.join(', ')}\n`);
  if (audit) {
    const stats = auditStatistics(prepared, result);
    const sens =
      result.scored >= 2 ? runSensitivity(matrix, config, { n: auditN, seed: config.uncertainty.seed }) : null;
    const json = auditJson(matrix, config, stats, sens, result.rank);
    process.stdout.write(auditSummary(json).join('\n') + '\n');
    const file = args['audit-out'] as string | undefined;
    if (file !== undefined) writeText(file, JSON.stringify(json, null, 1) + '\n');
    if (out === undefined) {
      process.stderr.write(
        `coefficient: audit of ${config.level} (${result.scored} scored) in ${((performance.now() - t0) / 1000).toFixed(1)} s${file ? ` → ${file}` : ''}\n`,
      );
      return 0;
    }
  }
  if (out === undefined) return 0;
  const mc = draws === 0 ? null : runMonteCarlo(prepared);
  const rows = resultRows(matrix, result, mc);
  writeText(out, toCSV(rows, result.pillars));
  const fallback = matrix.ids.filter((_, j) => matrix.refSource[j] === 'mean');
  if (fallback.length)
    process.stderr.write(
      `coefficient: note: no national value for ${fallback.join(', ')}: distance_to_ref and AMPI use the plain mean of the ${config.level} values\n`,
    );
  let own = 0;
  for (let i = 0; i < matrix.codes.length; i++)
    if (result.scores[i] === result.scores[i]) own += result.ownLevelShare[i];
  if (result.scored > 0)
    process.stderr.write(
      `coefficient: on average ${((100 * own) / result.scored).toFixed(1)} % of the weight comes from ${config.level} data (column own_level_weight)\n`,
    );
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const mcText = mc ? `Monte Carlo ${mc.draws} draws, seed ${mc.seed}` : 'no Monte Carlo';
  process.stderr.write(
    `coefficient: ${config.level}: ${result.scored} of ${matrix.codes.length} scored, ${matrix.codes.length - result.scored} insufficient; ${config.normalisation} + ${config.aggregation}; ${mcText}; ${seconds} s → ${out === '-' ? 'stdout' : out}\n`,
  );
  return 0;
}

// run only as the entry point (the benchmark imports loadData)
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  runCli('coefficient', USAGE, main, [InputError]);
