/**
 * Labour market.
 * - ISTAT regional files (unemployment 15–74, NEET 18–29, 2023): older ITTER107 region codes, matched through an
 *   explicit table AND checked against the official region name (throws if they disagree).
 * - Eurostat NUTS2 file (transcribed by hand): NUTS2 → region, except ITH1/ITH2 = provinces 021 Bolzano / 022 Trento.
 */
import { parseCsvRecords, parseNum, DataError } from './csv.ts';
import type { Codes } from './codes.ts';
import type { IndicatorRow, Level, Report } from './types.ts';

/** Old ITTER107 region codes used by ISTAT dissemination files → ISTAT region code. */
export const ITTER_REGION: Record<string, string> = {
  ITC1: '01',
  ITC2: '02',
  ITC3: '07',
  ITC4: '03',
  ITDA: '04',
  ITD1: '04',
  ITD2: '04',
  ITD3: '05',
  ITD4: '06',
  ITD5: '08',
  ITE1: '09',
  ITE2: '10',
  ITE3: '11',
  ITE4: '12',
  ITF1: '13',
  ITF2: '14',
  ITF3: '15',
  ITF4: '16',
  ITF5: '17',
  ITF6: '18',
  ITG1: '19',
  ITG2: '20',
};

/** NUTS 2021 level-2 → territory (level + code). */
export const NUTS2_TERRITORY: Record<string, { level: Level; code: string }> = {
  ITC1: { level: 'region', code: '01' },
  ITC2: { level: 'region', code: '02' },
  ITC3: { level: 'region', code: '07' },
  ITC4: { level: 'region', code: '03' },
  ITH1: { level: 'province', code: '021' },
  ITH2: { level: 'province', code: '022' },
  ITH3: { level: 'region', code: '05' },
  ITH4: { level: 'region', code: '06' },
  ITH5: { level: 'region', code: '08' },
  ITI1: { level: 'region', code: '09' },
  ITI2: { level: 'region', code: '10' },
  ITI3: { level: 'region', code: '11' },
  ITI4: { level: 'region', code: '12' },
  ITF1: { level: 'region', code: '13' },
  ITF2: { level: 'region', code: '14' },
  ITF3: { level: 'region', code: '15' },
  ITF4: { level: 'region', code: '16' },
  ITF5: { level: 'region', code: '17' },
  ITF6: { level: 'region', code: '18' },
  ITG1: { level: 'region', code: '19' },
  ITG2: { level: 'region', code: '20' },
  IT: { level: 'italy', code: 'IT' },
};

/** Lower-case ASCII letters only of the first part of a name ("Valle d'Aosta / Vallée d'Aoste" → "valledaosta"). */
export function nameKey(s: string): string {
  return s
    .split('/')[0]
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/provincia autonoma di|provincia autonoma/g, '')
    .replace(/[^a-z]/g, '');
}

function checkName(given: string, official: string, ctx: string) {
  const a = nameKey(given);
  const b = nameKey(official);
  // "Trentino Alto Adige" vs "Trentino-Alto Adige/Südtirol" both → "trentinoaltoadige"
  if (a !== b) throw new DataError(`Name mismatch in ${ctx}: file says "${given}", code table says "${official}"`);
}

/** ISTAT regional LFS export (unemployment or NEET): annual 2023, both sexes. */
export function istatRegional(
  text: string,
  file: string,
  opts: { dataType: string; age: string; indicator: string; year: number },
  codes: Codes,
  report: Report,
): IndicatorRow[] {
  const { records } = parseCsvRecords(text, ',');
  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const row = i + 2;
    if (r.TIPO_DATO_FOL !== opts.dataType || r.SEXISTAT1 !== '9' || r.ETA1 !== opts.age || r.TIME !== String(opts.year))
      return;
    let level: Level = 'region';
    let code = ITTER_REGION[r.ITTER107];
    if (r.ITTER107 === 'IT') {
      level = 'italy';
      code = 'IT';
    } else if (!code) {
      report.dropped.push({ file, row, code: r.ITTER107, reason: `area code not a region (${r.Territory})` });
      return;
    } else checkName(r.Territory, codes.regionByCode.get(code)!.name, `${file} row ${row}`);
    const v = parseNum(r.Value, { file, row, column: 'Value' });
    if (v === null) {
      report.dropped.push({ file, row, code, reason: 'empty value' });
      return;
    }
    const k = `${level}:${code}`;
    if (seen.has(k)) throw new DataError(`Duplicate ${k} in ${file}, row ${row}`);
    seen.add(k);
    rows.push({
      level,
      code,
      indicator: opts.indicator,
      year: opts.year,
      value: v,
      numerator: null,
      denominator: null,
    });
  });
  return rows;
}

export const EUROSTAT_YEAR = 2025;
export const EUROSTAT_COLUMNS: Record<string, string> = {
  fb_employment_rate_20_64: 'employment_rate_foreign_born_20_64_pct',
  employment_gap_native_fb: 'employment_gap_pp',
  fb_unemployment_rate: 'unemployment_rate_foreign_born_15_74_pct',
};

/** Eurostat NUTS2 (hand transcription). Blank cells are absent values (no row). */
export function eurostatNuts2(text: string, file: string, codes: Codes, report: Report): IndicatorRow[] {
  const { records } = parseCsvRecords(text, ',');
  const rows: IndicatorRow[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const t = NUTS2_TERRITORY[r.nuts2];
    if (!t) throw new DataError(`Unknown NUTS2 code in ${file}, row ${row}: ${r.nuts2}`);
    const official =
      t.level === 'region'
        ? codes.regionByCode.get(t.code)?.name
        : t.level === 'province'
          ? codes.provinceByCode.get(t.code)?.name
          : 'Italia';
    if (official === undefined) throw new DataError(`No territory for ${r.nuts2} in ${file}, row ${row}`);
    if (t.level !== 'italy') checkName(r.name, official, `${file} row ${row}`);
    for (const [indicator, col] of Object.entries(EUROSTAT_COLUMNS)) {
      const v = parseNum(r[col] ?? '', { file, row, column: col });
      if (v === null) {
        report.dropped.push({ file, row, code: r.nuts2, reason: `blank ${col} (null in source)` });
        continue;
      }
      rows.push({
        level: t.level,
        code: t.code,
        indicator,
        year: EUROSTAT_YEAR,
        value: v,
        numerator: null,
        denominator: null,
      });
    }
  });
  return rows;
}
