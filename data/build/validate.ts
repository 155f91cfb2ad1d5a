/** Validation: every check returns a list of problems; assertValid throws one Error listing them all. Pure. */
import type { Codes } from './codes.ts';
import type { IndicatorRow } from './types.ts';
import type { LayerReport } from './services.ts';
import { LEVEL_ORDER } from './types.ts';

export const EXPECTED_POPULATION_2026 = 59_470_443;
export const EXPECTED_FOREIGN_2023 = 5_141_341;

export class ValidationError extends Error {
  constructor(public problems: string[]) {
    super(`Data validation failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n - ${problems.join('\n - ')}`);
    this.name = 'ValidationError';
  }
}

export function assertValid(problems: string[]): void {
  if (problems.length) throw new ValidationError(problems);
}

const list = (xs: string[], max = 20) => (xs.length > max ? xs.slice(0, max).join(', ') + `, … (${xs.length} in all)` : xs.join(', '));

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
  return actual === expected ? [] : [`${file}: ${what} sums to ${actual}, expected ${expected} (difference ${actual - expected})`];
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

export function checkRowValues(rows: IndicatorRow[], codes: Codes, file = 'indicators.parquet'): string[] {
  const known: Record<string, Set<string>> = {
    italy: new Set(['IT']),
    region: new Set(codes.regions.map((r) => r.code)),
    province: new Set(codes.provinces.map((p) => p.code)),
    comune: new Set(codes.comuni.map((c) => c.code)),
  };
  const bad: string[] = [];
  rows.forEach((r, i) => {
    if (!LEVEL_ORDER.includes(r.level)) bad.push(`row ${i + 1}: unknown level ${r.level}`);
    else if (!known[r.level].has(r.code)) bad.push(`row ${i + 1}: ${r.indicator} ${r.level} code ${r.code} not in the code list`);
    if (!Number.isFinite(r.value)) bad.push(`row ${i + 1}: ${r.indicator} ${r.level} ${r.code} ${r.year} value ${r.value} is not a finite number`);
    if (!Number.isInteger(r.year)) bad.push(`row ${i + 1}: ${r.indicator} year ${r.year} is not an integer`);
  });
  return bad.length ? [`${file}: ${bad.length} bad row(s): ${list(bad)}`] : [];
}

export function checkGeometryCounts(
  counts: { regions: number; provinces: number; comuni: Set<string> },
  codes: Codes,
  noPolygon: string[]
): string[] {
  const problems: string[] = [];
  if (counts.regions !== 20) problems.push(`public/geo/regions.topo.json: ${counts.regions} features, expected 20`);
  if (counts.provinces !== 107) problems.push(`public/geo/provinces.topo.json: ${counts.provinces} features, expected 107`);
  const expected = codes.comuni.map((c) => c.code).filter((c) => !noPolygon.includes(c));
  if (counts.comuni.size !== expected.length)
    problems.push(`public/geo/comuni.topo.json: ${counts.comuni.size} features, expected ${expected.length} (code list minus ${noPolygon.join(', ')})`);
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
        r.unmatched.slice(0, 5).map((u) => `row ${u.row} ${u.name} [${u.key}: ${u.reason}]`).join('; ')
    );
}
