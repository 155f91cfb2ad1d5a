// Over 300 lines: the coverage command: arguments, the measures per level and its CSV, as the README documents them.
/**
 * Service coverage from the command line (batch, reproducible: same inputs → byte-identical file).
 *
 *   npm run coverage -- --layer hospitals --level comune --d0 50 --out coverage.csv
 *       [--decay gaussian|stepped] [--services file.csv|file.parquet] [--data public/data] [--gap KM] [--no-capacity]
 *
 * Reads territories.parquet and services.parquet (or a user file) with DuckDB, computes per comune the distance to
 * the nearest service, services per 10,000 residents, 2SFCA and E2SFCA access (per 10,000 residents), aggregates to
 * the level asked, and writes one CSV row per territory of that level, sorted by code. Exit code 2 on bad input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDb, type NodeDb } from '../db/node';
import { lit } from '../db/sql';
import { UsageError, parseArgs, type ParsedArgs } from './args';
import { DATA_FILES, LEVELS as CONTRACT_LEVELS, toNum, toTerritory, type Level, type Territory } from '../contract';
import {
  coverageMeasures,
  noMeasure,
  aggregateCoverage,
  type CoverageMeasure,
  type DemandPoint,
  type ServicePoint,
} from '../analytics/coverage/index';

/** Bad input: the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** fine → coarse, as the usage lists them */
const LEVELS: readonly Level[] = [...CONTRACT_LEVELS].reverse();
const DECAYS = ['gaussian', 'stepped'] as const;

export interface CoverageArgs {
  layer: string | null;
  level: Level;
  d0: number;
  out: string;
  decay: (typeof DECAYS)[number];
  services: string | null;
  data: string;
  gap: number | null;
  useCapacity: boolean;
}

const USAGE =
  'usage: npm run coverage -- --layer <cpia|consultori|hospitals|schools> --level <comune|province|region|italy|sll> --d0 <km> --out <file.csv|-> ' +
  '[--decay gaussian|stepped] [--services file.csv|file.parquet] [--data public/data] [--gap <km>] [--no-capacity]';

/* ------------------------------------------------------------------------------------------------ args */

export function parseCoverageArgs(argv: readonly string[]): CoverageArgs {
  const opt = {};
  const spec = Object.fromEntries([
    ...['layer', 'level', 'd0', 'out', 'decay', 'services', 'data', 'gap'].map((k) => [k, opt]),
    ...['no-capacity', 'help'].map((k) => [k, { flag: true }]),
  ]);
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv, spec);
  } catch (e) {
    throw e instanceof UsageError ? new InputError(`${e.message}\n${USAGE}`) : e;
  }
  if (parsed.help) throw new InputError(USAGE);
  // every option but the two flags holds its text
  const v = parsed as Record<string, string | undefined>;
  const num = (name: string, dflt: number | null): number | null => {
    if (v[name] === undefined) return dflt;
    const n = Number(v[name]);
    if (v[name].trim() === '' || !Number.isFinite(n) || n <= 0)
      throw new InputError(`--${name} must be a positive number of km, got "${v[name]}"`);
    return n;
  };
  const level = (v.level ?? 'comune') as Level;
  if (!LEVELS.includes(level)) throw new InputError(`--level must be one of ${LEVELS.join(', ')}, got "${v.level}"`);
  const decay = (v.decay ?? 'gaussian') as CoverageArgs['decay'];
  if (!DECAYS.includes(decay)) throw new InputError(`--decay must be one of ${DECAYS.join(', ')}, got "${v.decay}"`);
  if (!v.out) throw new InputError(`--out is required (a file, or - for standard output)\n${USAGE}`);
  if (!v.layer && !v.services) throw new InputError(`--layer is required (or --services with your own file)\n${USAGE}`);
  const d0 = num('d0', null);
  if (d0 === null) throw new InputError(`--d0 is required (catchment radius in km, e.g. 50)\n${USAGE}`);
  return {
    layer: v.layer ?? null,
    level,
    d0,
    out: v.out,
    decay,
    services: v.services ?? null,
    data: v.data ?? 'public/data',
    gap: num('gap', null),
    useCapacity: !v['no-capacity'],
  };
}

/* ------------------------------------------------------------------------------------------------- csv */

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const fixed = (x: number | null, d: number) =>
  x === null || !Number.isFinite(x) ? '' : (Object.is(x, -0) ? 0 : x).toFixed(d);

export const COLUMNS = ['code', 'name', 'nearest_km', 'services', 'per_10k', 'access_2sfca', 'access_e2sfca'] as const;

/** CSV text: fixed decimals (km 3, per 10k 4, access 6), '.' decimal separator, '' for missing, '\n' line ends. */
export function formatCoverageCsv(rows: readonly (CoverageMeasure & { name: string })[], withGap: boolean): string {
  const header = [...COLUMNS, ...(withGap ? ['gap_population'] : [])].join(',');
  const lines = rows.map((r) =>
    [
      csvCell(r.code),
      csvCell(r.name),
      fixed(r.nearest_km, 3),
      fixed(r.services, 0),
      fixed(r.per_10k, 4),
      fixed(r.access_2sfca, 6),
      fixed(r.access_e2sfca, 6),
      ...(withGap ? [fixed(r.gap_population, 0)] : []),
    ].join(','),
  );
  return [header, ...lines].join('\n') + '\n';
}

/* ------------------------------------------------------------------------------------------------ data */

/** What the coverage run reads of a territory. */
type TerritoryRow = Pick<
  Territory,
  'level' | 'code' | 'name' | 'province_code' | 'region_code' | 'population' | 'lon' | 'lat' | 'sll_code'
>;

async function readTerritories(db: NodeDb, file: string): Promise<TerritoryRow[]> {
  if (!fs.existsSync(file))
    throw new InputError(`${file} not found: run \`npm run data\` first, or pass --data <folder>`);
  const rows = await db.all(
    // every column (sll_code is absent from files built before the SLL level): toTerritory reads what is there
    `SELECT * FROM read_parquet(${lit(file)}) ORDER BY level, code`,
  );
  return rows.map(toTerritory);
}

/**
 * A user services file: columns name, lat + lon or comune_code, optional capacity, type, id, address.
 * Every problem is reported with its row number (CSV: the file line, header = 1; Parquet: 1-based row).
 */
export function validateUserServices(
  rows: Record<string, unknown>[],
  columns: string[],
  file: string,
  comuni: Map<string, TerritoryRow>,
  firstRow: number,
): ServicePoint[] {
  const cols = new Set(columns.map((c) => c.trim().toLowerCase()));
  const problems: string[] = [];
  if (!cols.has('name')) problems.push(`missing column "name"`);
  const hasLatLon = cols.has('lat') && cols.has('lon');
  if (!hasLatLon && !cols.has('comune_code'))
    problems.push(`needs columns "lat" and "lon", or a column "comune_code" (found: ${columns.join(', ')})`);
  if (problems.length) throw new InputError(`${file}: ${problems.join('; ')}`);
  const get = (r: Record<string, unknown>, k: string): string => {
    const key = Object.keys(r).find((x) => x.trim().toLowerCase() === k);
    const v = key === undefined ? null : r[key];
    return v === null || v === undefined ? '' : String(v).trim();
  };
  const isNum = (s: string) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s);
  const out: ServicePoint[] = [];
  rows.forEach((r, k) => {
    const row = k + firstRow;
    const at = `row ${row}`;
    const name = get(r, 'name');
    if (!name) problems.push(`${at}: empty name`);
    const lat = get(r, 'lat');
    const lon = get(r, 'lon');
    let code = get(r, 'comune_code');
    if (/^\d{1,6}$/.test(code)) code = code.padStart(6, '0');
    const cap = get(r, 'capacity');
    let capacity: number | null = null;
    if (cap !== '') {
      if (!isNum(cap) || Number(cap) < 0) problems.push(`${at}: capacity "${cap}" is not a number ≥ 0`);
      else capacity = Number(cap);
    }
    let point: { lon: number; lat: number } | null = null;
    if (lat !== '' || lon !== '') {
      if (!isNum(lat) || Number(lat) < -90 || Number(lat) > 90)
        problems.push(`${at}: lat "${lat}" is not a latitude in degrees`);
      else if (!isNum(lon) || Number(lon) < -180 || Number(lon) > 180)
        problems.push(`${at}: lon "${lon}" is not a longitude in degrees`);
      else point = { lon: Number(lon), lat: Number(lat) };
    }
    let comune: TerritoryRow | undefined;
    if (code !== '') {
      comune = comuni.get(code);
      if (!comune)
        problems.push(
          `${at}: comune_code "${get(r, 'comune_code')}" is not a current ISTAT comune code (6 digits, e.g. 058091)`,
        );
    }
    if (!point && code === '' && lat === '' && lon === '')
      problems.push(`${at}: no position (give lat and lon, or comune_code)`);
    if (!point && comune && comune.lon !== null && comune.lat !== null) point = { lon: comune.lon, lat: comune.lat };
    if (point)
      out.push({
        id: get(r, 'id') || `row-${row}`,
        lon: point.lon,
        lat: point.lat,
        capacity,
        ...(comune ? { comune_code: comune.code } : {}),
      });
  });
  if (problems.length) {
    const shown = problems.slice(0, 20);
    throw new InputError(
      `${file}: ${problems.length} problem(s):\n  ${shown.join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
  }
  if (out.length === 0) throw new InputError(`${file}: no service rows`);
  return out;
}

/** Comuni without a comune_code in a user file get the comune with the nearest inner point (for counts per territory). */
function nearestComune(points: DemandPoint[]) {
  return (lon: number, lat: number): string => {
    let best = '';
    let bd = Infinity;
    for (const p of points) {
      const d = (p.lon - lon) ** 2 * Math.cos((lat * Math.PI) / 180) ** 2 + (p.lat - lat) ** 2;
      if (d < bd || (d === bd && p.code < best)) {
        bd = d;
        best = p.code;
      }
    }
    return best;
  };
}

async function readServices(
  db: NodeDb,
  args: CoverageArgs,
  comuni: Map<string, TerritoryRow>,
): Promise<{ services: ServicePoint[]; regions: string[] | null; label: string }> {
  if (args.services) {
    const file = args.services;
    if (!fs.existsSync(file)) throw new InputError(`${file}: file not found`);
    const ext = path.extname(file).toLowerCase();
    let rows: Record<string, unknown>[];
    let columns: string[];
    try {
      if (ext === '.parquet') {
        rows = await db.all(`SELECT * FROM read_parquet(${lit(file)})`);
      } else if (ext === '.csv') {
        rows = await db.all(
          `SELECT * FROM read_csv(${lit(file)}, header = true, all_varchar = true, auto_detect = true)`,
        );
      } else throw new InputError(`${file}: services file must be .csv or .parquet`);
      columns = rows.length
        ? Object.keys(rows[0])
        : (
            await db.all(
              `DESCRIBE SELECT * FROM ${ext === '.csv' ? `read_csv(${lit(file)}, header = true, all_varchar = true)` : `read_parquet(${lit(file)})`}`,
            )
          ).map((r) => String(r.column_name));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(
        `${file}: cannot be read as ${ext.slice(1).toUpperCase()} (${(e as Error).message.split('\n')[0]})`,
      );
    }
    const services = validateUserServices(rows, columns, file, comuni, ext === '.csv' ? 2 : 1);
    return { services, regions: null, label: path.basename(file) };
  }
  const file = path.join(args.data, path.basename(DATA_FILES.services));
  if (!fs.existsSync(file))
    throw new InputError(`${file} not found: run \`npm run data\` first, or pass --data <folder>`);
  const layers = (await db.all(`SELECT DISTINCT layer FROM read_parquet(${lit(file)}) ORDER BY layer`)).map((r) =>
    String(r.layer),
  );
  if (!layers.includes(args.layer!))
    throw new InputError(`--layer "${args.layer}" is not in ${file}; layers: ${layers.join(', ')}`);
  const rows = await db.all(
    `SELECT id, lon, lat, capacity, comune_code FROM read_parquet(${lit(file)}) WHERE layer = ${lit(args.layer!)} ORDER BY id`,
  );
  const services = rows.map((r) => ({
    id: String(r.id),
    lon: toNum(r.lon)!,
    lat: toNum(r.lat)!,
    capacity: toNum(r.capacity),
    comune_code: String(r.comune_code),
  }));
  let regions: string[] | null = null;
  const cat = path.join(args.data, path.basename(DATA_FILES.servicesCatalogue));
  if (fs.existsSync(cat)) {
    const entry = (
      JSON.parse(fs.readFileSync(cat, 'utf8')) as { id: string; regions_with_data: string[] | null }[]
    ).find((e) => e.id === args.layer);
    regions = entry?.regions_with_data ?? null;
  }
  return { services, regions, label: args.layer! };
}

/* ----------------------------------------------------------------------------------------------- run */

export interface CoverageRun {
  csv: string;
  /** the CSV's rows (also `npm run spatial`'s coverage variable) */
  table: (CoverageMeasure & { name: string })[];
  rows: number;
  services: number;
  summary: string;
}

export async function runCoverage(args: CoverageArgs): Promise<CoverageRun> {
  const db = await openNodeDb();
  try {
    const terr = await readTerritories(db, path.join(args.data, path.basename(DATA_FILES.territories)));
    const comuniRows = terr.filter((t) => t.level === 'comune');
    const comuni = new Map(comuniRows.map((t) => [t.code, t]));
    const demand: DemandPoint[] = comuniRows
      .filter((t) => t.lon !== null && t.lat !== null)
      .map((t) => ({ code: t.code, lon: t.lon!, lat: t.lat!, population: t.population ?? 0 }));
    const { services: raw, regions, label } = await readServices(db, args, comuni);
    const locate = nearestComune(demand);
    const services = raw.map((s) => (s.comune_code ? s : { ...s, comune_code: locate(s.lon, s.lat) }));
    const regionSet = regions ? new Set(regions) : null;
    const measures = coverageMeasures(demand, services, {
      d0: args.d0,
      decay: args.decay,
      useCapacity: args.useCapacity,
      gapKm: args.gap ?? undefined,
      hasData: regionSet ? (code) => regionSet.has(comuni.get(code)?.region_code ?? '') : undefined,
    });
    const parent: Record<Level, (code: string) => string | null | undefined> = {
      comune: (c) => c,
      province: (c) => comuni.get(c)?.province_code,
      region: (c) => comuni.get(c)?.region_code,
      italy: () => 'IT',
      sll: (c) => comuni.get(c)?.sll_code,
      nuts2: () => null,
    };
    const rows = args.level === 'comune' ? measures : aggregateCoverage(measures, parent[args.level]);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const out = terr
      .filter((t) => t.level === args.level)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((t) => {
        const m = byCode.get(t.code);
        return m ? { ...m, name: t.name } : { ...noMeasure(t.code, t.population ?? 0), name: t.name };
      });
    const csv = formatCoverageCsv(out, args.gap !== null);
    const summary =
      `coverage: ${label}, ${services.length} services, ${demand.length} comuni, d0 = ${args.d0} km, E2SFCA decay ${args.decay}, ` +
      `capacity ${args.useCapacity ? 'used where known' : 'ignored'} → ${out.length} ${args.level} rows` +
      (regions ? ` (data only for regions ${regions.join(', ')}; others are empty = no data)` : '');
    return { csv, table: out, rows: out.length, services: services.length, summary };
  } finally {
    db.close();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseCoverageArgs(argv);
    const r = await runCoverage(args);
    if (args.out === '-') process.stdout.write(r.csv);
    else {
      fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
      fs.writeFileSync(args.out, r.csv);
    }
    process.stderr.write(`${r.summary}${args.out === '-' ? '' : ` → ${args.out}`}\n`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`coverage: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`coverage: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
