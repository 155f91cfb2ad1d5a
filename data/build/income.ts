/**
 * MEF IRPEF per comune, tax years 2019, 2020, 2021: average taxable income = taxable income amount / its frequency.
 * Codes of each year are mapped to current codes (mapToCurrent); merged comuni sum numerators and denominators.
 * The 2020 file writes codes without leading zeros ("28001" = 028001); the 2019 and 2021 files have one
 * "Mancante/errata" row (no comune), dropped and reported.
 */
import { parseCsvRecords, parseNum } from './csv.ts';
import type { Codes, ValiditaRow } from './codes.ts';
import { mapToCurrent } from './codes.ts';
import type { IndicatorRow, Part, Report } from './types.ts';
import { ratioAllLevels } from './aggregate.ts';
import { parents } from './hierarchy.ts';
import { scaleOf } from './catalogue.ts';

export const INCOME_YEAR = 2019;
export const INCOME_YEARS = [2019, 2020, 2021] as const;
export const INCOME_CHANGE = { from: 2019, to: 2021 } as const;
const AMOUNT = 'Reddito imponibile - Ammontare in euro';
const FREQ = 'Reddito imponibile - Frequenza';

export function incomeParts(
  text: string,
  file: string,
  codes: Codes,
  validita: ValiditaRow[],
  report: Report,
  crosswalk: Map<string, string> = new Map(),
  year: number = INCOME_YEAR,
): Part[] {
  const { records } = parseCsvRecords(text, ';');
  const acc = new Map<string, Part>();
  const mapped: string[] = [];
  const failed: string[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const raw = r['Codice Istat Comune'];
    const code = /^\d{4,6}$/.test(raw) ? raw.padStart(6, '0') : raw;
    if (!/^\d{6}$/.test(code) || r['Regione'].startsWith('Mancante')) {
      report.dropped.push({
        file,
        row,
        code,
        reason: `no comune code (${r['Regione']}): taxpayers not attributable to a comune`,
      });
      return;
    }
    const amount = parseNum(r[AMOUNT], { file, row, column: AMOUNT });
    const freq = parseNum(r[FREQ], { file, row, column: FREQ });
    if (amount === null || freq === null || freq <= 0) {
      report.dropped.push({ file, row, code, reason: 'taxable income amount or frequency missing' });
      return;
    }
    const m = mapToCurrent({ code, belfiore: r['Codice catastale'] }, codes.comuneByCode, validita, crosswalk);
    if (!m) {
      failed.push(code);
      report.dropped.push({ file, row, code, reason: `could not map ${year} code to a current comune` });
      return;
    }
    if (m.how !== 'same') mapped.push(`${code}→${m.code} (${m.how})`);
    const a = acc.get(m.code);
    if (a) {
      a.num += amount;
      a.den += freq;
    } else acc.set(m.code, { code: m.code, year, num: amount, den: freq });
  });
  report.notes.push(`income ${year} → current codes: ${mapped.length} remapped: ${mapped.sort().join(', ')}`);
  if (failed.length)
    report.unmatched.push({ file, codes: failed.sort(), reason: `${year} comune code not mappable to a current code` });
  return [...acc.values()];
}

/** Sum of "Numero contribuenti" over every row of a MEF file (including the row without a comune): the file's total. */
export function taxpayerTotal(text: string, file: string): number {
  return parseCsvRecords(text, ';').records.reduce(
    (a, r, i) => a + (parseNum(r['Numero contribuenti'], { file, row: i + 2, column: 'Numero contribuenti' }) ?? 0),
    0,
  );
}

/** avg_taxable_income for every year given, and avg_taxable_income_change (% change from→to of each level's own averages). */
export function incomeIndicators(codes: Codes, parts: Part[]): IndicatorRow[] {
  const rows = ratioAllLevels(
    'avg_taxable_income',
    { level: 'comune', parts },
    parents(codes).fromComune,
    scaleOf('avg_taxable_income'),
  );
  return [...rows, ...pctChangeRows(rows, 'avg_taxable_income_change', INCOME_CHANGE.from, INCOME_CHANGE.to)];
}

/** % change (b / a − 1) × 100 between two years of the same rows, per (level, code); written at year `to`. */
export function pctChangeRows(rows: IndicatorRow[], indicator: string, from: number, to: number): IndicatorRow[] {
  const a = new Map<string, number>();
  for (const r of rows) if (r.year === from) a.set(`${r.level}|${r.code}`, r.value);
  const out: IndicatorRow[] = [];
  for (const r of rows) {
    if (r.year !== to) continue;
    const v0 = a.get(`${r.level}|${r.code}`);
    if (v0 === undefined || v0 <= 0) continue;
    out.push({
      level: r.level,
      code: r.code,
      indicator,
      year: to,
      value: (r.value / v0 - 1) * 100,
      numerator: null,
      denominator: null,
    });
  }
  return out;
}
