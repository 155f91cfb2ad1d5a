/**
 * MEF IRPEF per comune, tax year 2019: average taxable income = taxable income amount / its frequency.
 * 2019 codes are mapped to current codes (mapToCurrent); merged comuni sum numerators and denominators.
 */
import { parseCsvRecords, parseNum } from './csv.ts';
import type { Codes, ValiditaRow } from './codes.ts';
import { mapToCurrent } from './codes.ts';
import type { IndicatorRow, Part, Report } from './types.ts';
import { ratioAllLevels } from './aggregate.ts';
import { parents } from './hierarchy.ts';

export const INCOME_YEAR = 2019;
const AMOUNT = 'Reddito imponibile - Ammontare in euro';
const FREQ = 'Reddito imponibile - Frequenza';

export function incomeParts(
  text: string,
  file: string,
  codes: Codes,
  validita: ValiditaRow[],
  report: Report,
  crosswalk: Map<string, string> = new Map()
): Part[] {
  const { records } = parseCsvRecords(text, ';');
  const acc = new Map<string, Part>();
  const mapped: string[] = [];
  const failed: string[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const code = r['Codice Istat Comune'];
    if (!/^\d{6}$/.test(code)) {
      report.dropped.push({ file, row, code, reason: `no comune code (${r['Regione']}): taxpayers not attributable to a comune` });
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
      report.dropped.push({ file, row, code, reason: 'could not map 2019 code to a current comune' });
      return;
    }
    if (m.how !== 'same') mapped.push(`${code}→${m.code} (${m.how})`);
    const a = acc.get(m.code);
    if (a) {
      a.num += amount;
      a.den += freq;
    } else acc.set(m.code, { code: m.code, year: INCOME_YEAR, num: amount, den: freq });
  });
  report.notes.push(`income 2019 → current codes: ${mapped.length} remapped: ${mapped.sort().join(', ')}`);
  if (failed.length) report.unmatched.push({ file, codes: failed.sort(), reason: '2019 comune code not mappable to a current code' });
  return [...acc.values()];
}

export function incomeIndicators(codes: Codes, parts: Part[]): IndicatorRow[] {
  return ratioAllLevels('avg_taxable_income', { level: 'comune', parts }, parents(codes).fromComune, 1);
}
