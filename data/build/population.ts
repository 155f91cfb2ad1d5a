/** ANPR resident population per comune, January 2026. Pure parser. */
import { parseCsvRecords, requireNum, DataError } from './csv.ts';

export function parsePopulation(
  text: string,
  file = 'population/anpr_residenti_comuni_2026-01.csv',
): Map<string, number> {
  const m = new Map<string, number>();
  parseCsvRecords(text, ',').records.forEach((r, i) => {
    const row = i + 2;
    if (!/^\d{6}$/.test(r.cod_istat_comune))
      throw new DataError(`Bad comune code in ${file}, row ${row}: ${r.cod_istat_comune}`);
    if (m.has(r.cod_istat_comune)) throw new DataError(`Duplicate comune ${r.cod_istat_comune} in ${file}, row ${row}`);
    m.set(r.cod_istat_comune, requireNum(r.residenti, { file, row, column: 'residenti' }));
  });
  return m;
}
