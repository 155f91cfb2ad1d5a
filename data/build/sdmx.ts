/** ISTAT SDMX-CSV files (DCIS_*): one observation per row. Pure. */
import { parseCsvRecords, requireNum } from './csv.ts';

export interface Obs {
  row: number;
  dims: Record<string, string>;
  value: number;
}

export function parseSdmx(text: string, file: string): Obs[] {
  return parseCsvRecords(text, ',').records.map((r, i) => ({
    row: i + 2,
    dims: r,
    value: requireNum(r.OBS_VALUE, { file, row: i + 2, column: 'OBS_VALUE' }),
  }));
}

/**
 * Keep province-level observations (ITTER107 codes in the crosswalk) matching `filter`, keyed by
 * province code and TIME_PERIOD. Other area codes (Italy, macro-areas, regions) are ignored here;
 * the Italy row is returned separately for cross-checks.
 */
export function provinceObs(
  obs: Obs[],
  itter: Map<string, string>,
  filter: (d: Record<string, string>) => boolean,
  file: string,
): { byProvince: Map<string, Map<number, number>>; italy: Map<number, number> } {
  const byProvince = new Map<string, Map<number, number>>();
  const italy = new Map<number, number>();
  for (const o of obs) {
    if (!filter(o.dims)) continue;
    const year = Number(o.dims.TIME_PERIOD);
    if (o.dims.REF_AREA === 'IT') {
      italy.set(year, o.value);
      continue;
    }
    const prov = itter.get(o.dims.REF_AREA);
    if (!prov) continue;
    const m = byProvince.get(prov) ?? new Map<number, number>();
    if (m.has(year)) throw new Error(`Duplicate observation in ${file}, row ${o.row}: ${o.dims.REF_AREA} ${year}`);
    m.set(year, o.value);
    byProvince.set(prov, m);
  }
  return { byProvince, italy };
}
