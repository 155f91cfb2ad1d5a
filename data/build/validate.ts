/** Validation: every check returns a list of problems; assertValid throws one Error listing them all. Pure. */
import type { Codes } from './codes.ts';
import type { IndicatorRow } from './types.ts';
import type { LayerReport } from './services.ts';
import { LEVEL_ORDER } from './types.ts';

export const EXPECTED_POPULATION_2026 = 59_470_443;
export const EXPECTED_FOREIGN_2023 = 5_141_341;
/** ISTAT Censimento permanente, 31 Dec 2021: foreign residents and legal population (sums over the comuni of the file) */
export const EXPECTED_CENSUS_FOREIGN_2021 = 5_030_716;
export const EXPECTED_CENSUS_POP_2021 = 59_030_133;
/** census 2021 labour force and unemployed (register-based estimates; sums rounded to the person) */
export const EXPECTED_CENSUS_LABOUR_FORCE_2021 = 25_085_125;
export const EXPECTED_CENSUS_UNEMPLOYED_2021 = 2_367_409;
/** ISTAT classifications 2023: resident population 31 Dec 2022 (= 1 Jan 2023) */
export const EXPECTED_POPULATION_2023 = 58_850_717;
/** MEF IRPEF files: "Numero contribuenti" over all rows */
export const EXPECTED_TAXPAYERS: Readonly<Record<number, number>> = { 2020: 41_177_739, 2021: 41_497_318 };
/** Census 2021 comuni whose foreign-resident cell is empty in the source: missing, never 0 */
export const EXPECTED_CENSUS_EMPTY_FOREIGN = 30;
/** Aree Interne 2020 class counts (comuni at 30 Sep 2020) */
export const EXPECTED_AREE_INTERNE: Readonly<Record<string, number>> = {
  A: 182,
  B: 59,
  C: 3828,
  D: 1928,
  E: 1524,
  F: 382,
};

/**
 * Golden values of the pilot comuni (census 2021: foreign residents / legal population; unemployment rate in %, one
 * decimal), from the source files as gathered (MANIFEST.md).
 */
export const PILOT_CENSUS: Readonly<
  Record<string, { name: string; foreign: number; pop: number; unemployment: number }>
> = {
  '058091': { name: 'Roma', foreign: 338_548, pop: 2_749_031, unemployment: 11.4 },
  '001272': { name: 'Torino', foreign: 124_585, pop: 848_748, unemployment: 10.3 },
  '032006': { name: 'Trieste', foreign: 22_192, pop: 199_015, unemployment: 8.5 },
  '101010': { name: 'Crotone', foreign: 2_979, pop: 59_359, unemployment: 15.6 },
  '089017': { name: 'Siracusa', foreign: 5_699, pop: 117_055, unemployment: 15.1 },
};

/** The pilot comuni's values in the written rows (count, per 100 with one decimal, unemployment with one decimal). */
export function checkPilots(rows: readonly IndicatorRow[]): string[] {
  const get = (indicator: string, code: string) =>
    rows.find((r) => r.indicator === indicator && r.level === 'comune' && r.code === code && r.year === 2021);
  const problems: string[] = [];
  for (const [code, p] of Object.entries(PILOT_CENSUS)) {
    const f = get('foreign_residents_census', code);
    const r = get('foreign_per_100_census', code);
    const u = get('unemployment_rate_census', code);
    if (f?.value !== p.foreign)
      problems.push(`pilot ${p.name} ${code}: foreign_residents_census ${f?.value}, expected ${p.foreign}`);
    if (r?.numerator !== p.foreign || r?.denominator !== p.pop)
      problems.push(
        `pilot ${p.name} ${code}: foreign_per_100_census ${r?.numerator}/${r?.denominator}, expected ${p.foreign}/${p.pop}`,
      );
    if (u === undefined || Math.round(u.value * 10) / 10 !== p.unemployment)
      problems.push(`pilot ${p.name} ${code}: unemployment_rate_census ${u?.value}, expected ${p.unemployment}`);
  }
  return problems;
}

/** Codes that must have no row for an indicator (source cell empty: missing, never 0). */
export function checkAbsent(
  rows: readonly IndicatorRow[],
  indicator: string,
  codes: readonly string[],
  file: string,
): string[] {
  const set = new Set(codes);
  const bad = rows
    .filter((r) => r.indicator === indicator && r.level === 'comune' && set.has(r.code))
    .map((r) => r.code);
  return bad.length
    ? [`${file}: ${indicator} has rows for comuni whose source cell is empty (must stay missing): ${bad.join(', ')}`]
    : [];
}

export class ValidationError extends Error {
  constructor(public problems: string[]) {
    super(
      `Data validation failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n - ${problems.join('\n - ')}`,
    );
    this.name = 'ValidationError';
  }
}

export function assertValid(problems: string[]): void {
  if (problems.length) throw new ValidationError(problems);
}

const list = (xs: string[], max = 20) =>
  xs.length > max ? xs.slice(0, max).join(', ') + `, … (${xs.length} in all)` : xs.join(', ');

/** Codes in a data file that are not in the code list (and, optionally, codes of the list missing from the file). */
export function checkJoin(file: string, fileCodes: Iterable<string>, known: Set<string>, requireAll = false): string[] {
  const fc = new Set(fileCodes);
  const problems: string[] = [];
  const unknown = [...fc].filter((c) => !known.has(c)).sort();
  if (unknown.length) problems.push(`${file}: ${unknown.length} code(s) not in the code list: ${list(unknown)}`);
  if (requireAll) {
    const missing = [...known].filter((c) => !fc.has(c)).sort();
    if (missing.length) problems.push(`${file}: ${missing.length} code(s) of the code list missing: ${list(missing)}`);
  }
  return problems;
}

export function checkTotal(file: string, what: string, actual: number, expected: number): string[] {
  return actual === expected
    ? []
    : [`${file}: ${what} sums to ${actual}, expected ${expected} (difference ${actual - expected})`];
}

export function checkDuplicates(rows: IndicatorRow[], file = 'indicators.parquet'): string[] {
  const seen = new Map<string, number>();
  const dups: string[] = [];
  rows.forEach((r, i) => {
    const k = `${r.level}|${r.code}|${r.indicator}|${r.year}`;
    if (seen.has(k)) dups.push(`${k} (rows ${seen.get(k)! + 1} and ${i + 1})`);
    else seen.set(k, i);
  });
  return dups.length ? [`${file}: ${dups.length} duplicate key(s) (level,code,indicator,year): ${list(dups)}`] : [];
}

/** `more`: the codes of levels beside the code lists (e.g. `sll`). */
export function checkRowValues(
  rows: IndicatorRow[],
  codes: Codes,
  file = 'indicators.parquet',
  more: Record<string, ReadonlySet<string>> = {},
): string[] {
  const known: Record<string, ReadonlySet<string>> = {
    ...more,
    italy: new Set(['IT']),
    region: new Set(codes.regions.map((r) => r.code)),
    province: new Set(codes.provinces.map((p) => p.code)),
    comune: new Set(codes.comuni.map((c) => c.code)),
  };
  const bad: string[] = [];
  rows.forEach((r, i) => {
    if (!LEVEL_ORDER.includes(r.level)) bad.push(`row ${i + 1}: unknown level ${r.level}`);
    else if (!known[r.level].has(r.code))
      bad.push(`row ${i + 1}: ${r.indicator} ${r.level} code ${r.code} not in the code list`);
    if (!Number.isFinite(r.value))
      bad.push(`row ${i + 1}: ${r.indicator} ${r.level} ${r.code} ${r.year} value ${r.value} is not a finite number`);
    if (!Number.isInteger(r.year)) bad.push(`row ${i + 1}: ${r.indicator} year ${r.year} is not an integer`);
  });
  return bad.length ? [`${file}: ${bad.length} bad row(s): ${list(bad)}`] : [];
}

export function checkGeometryCounts(
  counts: { regions: number; provinces: number; comuni: Set<string> },
  codes: Codes,
  noPolygon: string[],
): string[] {
  const problems: string[] = [];
  if (counts.regions !== 20) problems.push(`public/geo/regions.topo.json: ${counts.regions} features, expected 20`);
  if (counts.provinces !== 107)
    problems.push(`public/geo/provinces.topo.json: ${counts.provinces} features, expected 107`);
  const expected = codes.comuni.map((c) => c.code).filter((c) => !noPolygon.includes(c));
  if (counts.comuni.size !== expected.length)
    problems.push(
      `public/geo/comuni.topo.json: ${counts.comuni.size} features, expected ${expected.length} (code list minus ${noPolygon.join(', ')})`,
    );
  const missing = expected.filter((c) => !counts.comuni.has(c));
  if (missing.length) problems.push(`public/geo/comuni.topo.json: comuni without geometry: ${list(missing)}`);
  return problems;
}

/** Problems when a layer's match rate is below its threshold (the build fails, naming the file). */
export function checkMatchRates(reports: readonly LayerReport[]): string[] {
  return reports
    .filter((r) => r.match_rate < r.threshold)
    .map(
      (r) =>
        `${r.file}: ${r.layer} geocoded ${r.matched} of ${r.rows} rows (${(r.match_rate * 100).toFixed(1)} %), below the ${(r.threshold * 100).toFixed(0)} % threshold; first unmatched: ` +
        r.unmatched
          .slice(0, 5)
          .map((u) => `row ${u.row} ${u.name} [${u.key}: ${u.reason}]`)
          .join('; '),
    );
}

/**
 * Every row with a numerator and a denominator has value = scale × numerator / denominator, `scale` being its
 * catalogue entry's (the one catalogue.json publishes); an indicator without an entry or a scale is a problem.
 */
export function checkScales(
  rows: readonly IndicatorRow[],
  meta: readonly { id: string; scale: number }[],
  file = 'indicators.parquet',
): string[] {
  const scales = new Map(meta.map((m) => [m.id, m.scale]));
  const bad: string[] = [];
  const unscaled = new Set<string>();
  for (const r of rows) {
    const k = scales.get(r.indicator);
    if (k === undefined || !Number.isFinite(k) || k <= 0) {
      if (!unscaled.has(r.indicator)) bad.push(`${r.indicator}: no scale in the catalogue`);
      unscaled.add(r.indicator);
      continue;
    }
    if (r.numerator === null || r.denominator === null || r.denominator === 0) continue;
    const expected = (k * r.numerator) / r.denominator;
    if (Math.abs(r.value - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
      bad.push(
        `${r.indicator} ${r.level} ${r.code} ${r.year}: value ${r.value} ≠ ${k} × ${r.numerator} / ${r.denominator}`,
      );
  }
  return bad.length ? [`${file}: ${bad.length} row(s) off their catalogue scale: ${list(bad)}`] : [];
}
