/**
 * Migrants in reception per region (Ministry of the Interior dashboards via ondata "Liberiamoli tutti!"):
 * hotspots + reception centres (CAS…) + SIPROIMI + SAI summed; one value per year at the LAST report date of the year.
 */
import { parseCsvRecords, parseNum, DataError } from './csv.ts';
import type { Codes } from './codes.ts';
import type { IndicatorRow, Part, Report } from './types.ts';
import { ratioAllLevels } from './aggregate.ts';
import { parents } from './hierarchy.ts';
import { scaleOf } from './catalogue.ts';

const COLS = [
  'Migranti presenti negli hot spot',
  'Migranti presenti nei centri di accoglienza',
  'Migranti presenti nei centri SIPROIMI',
  'Migranti presenti nei centri SAI',
];

export function receptionParts(
  text: string,
  file: string,
  codes: Codes,
  regionPop: Map<string, number>,
  report: Report,
): { parts: Part[]; dates: Record<number, string> } {
  const { records } = parseCsvRecords(text, ',');
  const lastDate = new Map<number, string>();
  for (const r of records) {
    const y = Number(r.Data_Report.slice(0, 4));
    if (!(lastDate.get(y)! >= r.Data_Report)) lastDate.set(y, r.Data_Report);
  }
  const parts: Part[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const y = Number(r.Data_Report.slice(0, 4));
    if (lastDate.get(y) !== r.Data_Report) return;
    const code = r.CodiceRegione.padStart(2, '0');
    if (!codes.regionByCode.has(code))
      throw new DataError(`Unknown region code in ${file}, row ${row}: ${r.CodiceRegione}`);
    let sum = 0;
    let any = false;
    for (const c of COLS) {
      const v = parseNum(r[c] ?? '', { file, row, column: c });
      if (v !== null) {
        sum += v;
        any = true;
      }
    }
    if (!any) {
      report.dropped.push({ file, row, code, reason: 'all reception columns empty' });
      return;
    }
    const pop = regionPop.get(code);
    if (pop) parts.push({ code, year: y, num: sum, den: pop });
  });
  for (const [y, d] of lastDate) {
    const n = parts.filter((p) => p.year === y).length;
    if (n !== codes.regions.length)
      throw new DataError(`${file}: ${n} regions at last report date ${d} of ${y}, expected ${codes.regions.length}`);
  }
  return { parts, dates: Object.fromEntries([...lastDate.entries()].sort((a, b) => a[0] - b[0])) };
}

export function receptionIndicators(codes: Codes, parts: Part[]): IndicatorRow[] {
  return ratioAllLevels(
    'reception_per_1000',
    { level: 'region', parts },
    parents(codes).fromRegion,
    scaleOf('reception_per_1000'),
  );
}
