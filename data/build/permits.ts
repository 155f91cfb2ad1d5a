/**
 * Valid residence permits of non-EU citizens (ISTAT DCIS_PERMSOGG1_4), long-term vs total, 2015–2024.
 * The file has 103 areas: Monza e Brianza (108), Fermo (109), Barletta-Andria-Trani (110) and Sud Sardegna (111)
 * are folded into other areas → no province rows for them; region and Italy totals are complete.
 */
import type { Codes } from './codes.ts';
import type { IndicatorRow, Part, Report } from './types.ts';
import type { Obs } from './sdmx.ts';
import { provinceObs } from './sdmx.ts';
import { ratioAllLevels, changeRows } from './aggregate.ts';
import { parents } from './hierarchy.ts';
import { scaleOf } from './catalogue.ts';

/** Which area absorbs each folded province (ISTAT's older provincial layout; see data/README.md). */
export const FOLDED_INTO: Record<string, string[]> = {
  '108': ['015'], // Monza e della Brianza → Milano
  '109': ['044'], // Fermo → Ascoli Piceno
  '110': ['072', '071'], // Barletta-Andria-Trani → Bari (and Foggia for 3 comuni)
  '111': ['092', '095', '091'], // Sud Sardegna → Cagliari (older, larger province), some comuni Oristano/Nuoro
};
export const CHANGE_FROM = 2019;
export const CHANGE_TO = 2024;

export function permitParts(
  obs: Obs[],
  itter: Map<string, string>,
  excluded: string[],
  file: string,
): { parts: Part[]; italy: Map<number, { lt: number; tot: number }> } {
  const sel = (t: string) => (d: Record<string, string>) =>
    d.DATA_TYPE === 'RESPER' &&
    d.SEX === '9' &&
    d.TYPE_RES_PERMIT === t &&
    d.TYPE_RES_PERMIT_REASON === 'ALL' &&
    d.AGE === 'TOTAL';
  const lt = provinceObs(obs, itter, sel('LONGT'), file);
  const tot = provinceObs(obs, itter, sel('TOTAL'), file);
  const parts: Part[] = [];
  for (const [prov, years] of lt.byProvince) {
    if (excluded.includes(prov)) continue; // never present in the 103-area list; guard anyway
    for (const [year, v] of years) {
      const d = tot.byProvince.get(prov)?.get(year);
      if (d !== undefined) parts.push({ code: prov, year, num: v, den: d });
    }
  }
  const italy = new Map<number, { lt: number; tot: number }>();
  for (const [y, v] of lt.italy) italy.set(y, { lt: v, tot: tot.italy.get(y) ?? NaN });
  return { parts, italy };
}

export function permitIndicators(codes: Codes, parts: Part[], report: Report): IndicatorRow[] {
  const P = parents(codes);
  const rows = ratioAllLevels(
    'longterm_permit_share',
    { level: 'province', parts },
    P.fromProvince,
    scaleOf('longterm_permit_share'),
  );
  const change = changeRows(rows, 'longterm_permit_share_change', CHANGE_FROM, CHANGE_TO);
  const present = new Set(parts.map((p) => p.code));
  const missing = codes.provinces.map((p) => p.code).filter((c) => !present.has(c));
  report.unmatched.push({
    file: 'permits/DCIS_PERMSOGG1_4',
    codes: missing,
    reason: 'province not available separately in the 103 permit areas (folded into another area); no rows written',
  });
  return [...rows, ...change];
}
