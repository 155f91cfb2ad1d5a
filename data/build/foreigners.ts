/**
 * Foreign residents (ISTAT): by citizenship area 1 Jan 2023 (DCIS_POPSTRCIT1_24) and demographic balance
 * 2019–2023 (DCIS_POPSTRBIL1_1). Indicators: foreign_per_100, foreign_residents, non_eu_share, citizenship_per_1000.
 * Province observations only (ITTER107 → province via the crosswalk); regions and Italy are sums of provinces.
 */
import type { Codes } from './codes.ts';
import type { IndicatorRow, Part, Report } from './types.ts';
import type { Obs } from './sdmx.ts';
import { provinceObs } from './sdmx.ts';
import { ratioAllLevels, sumAllLevels } from './aggregate.ts';
import { parents } from './hierarchy.ts';
import { scaleOf } from './catalogue.ts';

export const CIT_YEAR = 2023;

export function foreignCitizenship(obs: Obs[], itter: Map<string, string>, file: string) {
  const sel = (cit: string) => (d: Record<string, string>) =>
    d.DATA_TYPE === 'FJAN' && d.SEX === '9' && d.CITIZENSHIP === cit && d.TIME_PERIOD === String(CIT_YEAR);
  const world = provinceObs(obs, itter, sel('WORLD'), file);
  const eu28 = provinceObs(obs, itter, sel('EU28'), file);
  return { world, eu28 };
}

export function foreignBalance(obs: Obs[], itter: Map<string, string>, file: string) {
  const sel = (t: string) => (d: Record<string, string>) => d.DATA_TYPE === t && d.SEX === '9';
  return { jan: provinceObs(obs, itter, sel('FJAN'), file), acq: provinceObs(obs, itter, sel('ACQCITIZ'), file) };
}

export function foreignIndicators(
  codes: Codes,
  provincePop: Map<string, number>, // province code → resident population 1 Jan 2023 (ISTAT classifications file, 31 Dec 2022)
  cit: ReturnType<typeof foreignCitizenship>,
  bal: ReturnType<typeof foreignBalance>,
  report: Report,
): IndicatorRow[] {
  const P = parents(codes);
  const rows: IndicatorRow[] = [];
  const per100: Part[] = [];
  const nonEu: Part[] = [];
  for (const p of codes.provinces) {
    const w = cit.world.byProvince.get(p.code)?.get(CIT_YEAR);
    const e = cit.eu28.byProvince.get(p.code)?.get(CIT_YEAR);
    const pop = provincePop.get(p.code);
    if (w === undefined) {
      report.dropped.push({
        file: 'foreigners/DCIS_POPSTRCIT1_24',
        code: p.code,
        reason: 'no WORLD total for province',
      });
      continue;
    }
    if (pop !== undefined) per100.push({ code: p.code, year: CIT_YEAR, num: w, den: pop });
    if (e !== undefined) nonEu.push({ code: p.code, year: CIT_YEAR, num: w - e, den: w });
  }
  rows.push(
    ...ratioAllLevels(
      'foreign_per_100',
      { level: 'province', parts: per100 },
      P.fromProvince,
      scaleOf('foreign_per_100'),
    ),
  );
  rows.push(
    ...ratioAllLevels('non_eu_share', { level: 'province', parts: nonEu }, P.fromProvince, scaleOf('non_eu_share')),
  );

  const stock: Part[] = [];
  const acq: Part[] = [];
  for (const p of codes.provinces) {
    const jan = bal.jan.byProvince.get(p.code);
    const ac = bal.acq.byProvince.get(p.code);
    if (!jan) {
      report.dropped.push({
        file: 'foreigners/DCIS_POPSTRBIL1_1',
        code: p.code,
        reason: 'no 1 Jan stock for province',
      });
      continue;
    }
    for (const [year, v] of jan) {
      stock.push({ code: p.code, year, num: v, den: 0 });
      const a = ac?.get(year);
      if (a !== undefined) acq.push({ code: p.code, year, num: a, den: v });
    }
  }
  rows.push(...sumAllLevels('foreign_residents', { level: 'province', parts: stock }, P.fromProvince));
  rows.push(
    ...ratioAllLevels(
      'citizenship_per_1000',
      { level: 'province', parts: acq },
      P.fromProvince,
      scaleOf('citizenship_per_1000'),
    ),
  );
  return rows;
}
