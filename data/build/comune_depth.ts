// Over 300 lines: the four comune-level sources of the 2021 census and classifications, each parser beside its checks.
/**
 * Comune depth (December 2026 files): census 2021 foreign residents and labour force, ISTAT classifications
 * of 1 Jan 2023 (population 31 Dec 2022, DEGURBA, altitude zone, coastal, island), Mappa Aree Interne 2020.
 *
 * Every file lists the comuni of ITS date. Each code is carried to the current code list through
 * `currentCodeMapper` (same code, cadastral code, the 2023→2024 crosswalk, the successor in the validity
 * history); a code that cannot be mapped is a build problem (never dropped silently). Comuni merged since the
 * file's date sum their numerators and denominators; a class of a merged comune is kept only when all its
 * predecessors had the same class. Pure (text in, rows out).
 */
import { parseCsvRecords, parseNum } from './csv.ts';
import type { Codes, ValiditaRow } from './codes.ts';
import { mapToCurrent } from './codes.ts';
import type { IndicatorRow, Part, Report } from './types.ts';
import { ratioAllLevels, sumAllLevels } from './aggregate.ts';
import { parents } from './hierarchy.ts';
import { scaleOf } from './catalogue.ts';

export const CENSUS_YEAR = 2021;
export const CLASS_YEAR = 2023;
export const AREE_INTERNE_YEAR = 2020;

export type Mapper = (code: string) => string | null;

/** Old code → current code (cached). Remappings go to `log` as "old→new (how)". */
export function currentCodeMapper(
  codes: Codes,
  validita: ValiditaRow[],
  crosswalk: Map<string, string>,
  log: string[] = [],
): Mapper {
  const belfiore = new Map<string, string>();
  for (const v of [...validita].sort((a, b) => (a.start < b.start ? -1 : 1)))
    if (v.belfiore) belfiore.set(v.code, v.belfiore);
  const cache = new Map<string, string | null>();
  return (code) => {
    if (cache.has(code)) return cache.get(code)!;
    const m = mapToCurrent({ code, belfiore: belfiore.get(code) ?? '' }, codes.comuneByCode, validita, crosswalk);
    if (m && m.how !== 'same') log.push(`${code}→${m.code} (${m.how})`);
    cache.set(code, m ? m.code : null);
    return m ? m.code : null;
  };
}

const pad6 = (s: string) => s.trim().padStart(6, '0');

export interface FileResult<T> {
  byComune: Map<string, T>;
  problems: string[];
}

/** Map per-old-comune values to current comuni with `merge`, reporting the remapped codes and failing on unmapped ones. */
function toCurrent<T>(
  file: string,
  items: { code: string; row: number; v: T }[],
  map: Mapper,
  merge: (a: T, b: T) => T,
  report: Report,
): FileResult<T> {
  const byComune = new Map<string, T>();
  const problems: string[] = [];
  const remapped: string[] = [];
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.code)) problems.push(`${file}, row ${it.row}: duplicate comune code ${it.code}`);
    seen.add(it.code);
    const cur = map(it.code);
    if (cur === null) {
      problems.push(`${file}, row ${it.row}: comune code ${it.code} cannot be mapped to a current comune`);
      continue;
    }
    if (cur !== it.code) remapped.push(`${it.code}→${cur}`);
    const prev = byComune.get(cur);
    byComune.set(cur, prev === undefined ? it.v : merge(prev, it.v));
  }
  if (remapped.length)
    report.notes.push(
      `${file} → current codes: ${remapped.length} remapped (merged comuni summed): ${remapped.sort().join(', ')}`,
    );
  return { byComune, problems };
}

/**
 * Ratio rows where some comuni have no value of their own (an empty source cell): the comuni with a value get
 * their own ratio; each coarser territory takes Σ numerator of the known comuni / Σ denominator of ALL its comuni
 * (`all`), and only when at least one of its comuni has a value (never a 0 made of gaps).
 */
export function ratioWithGaps(
  indicator: string,
  own: Part[],
  all: Part[],
  ups: { level: IndicatorRow['level']; parentOf: (code: string) => string | undefined }[],
  scale: number,
): IndicatorRow[] {
  const rows = ratioAllLevels(indicator, { level: 'comune', parts: own }, [], scale);
  const withOwn = new Set(
    sumAllLevels('_', { level: 'comune', parts: own.map((p) => ({ ...p, num: 0 })) }, ups).map(
      (r) => `${r.level}|${r.code}|${r.year}`,
    ),
  );
  rows.push(
    ...ratioAllLevels(indicator, { level: 'comune', parts: all }, ups, scale).filter(
      (r) => r.level !== 'comune' && withOwn.has(`${r.level}|${r.code}|${r.year}`),
    ),
  );
  return rows;
}

// ---------------------------------------------------------------- census 2021: foreigners

export interface CensusForeign {
  /** foreign residents; null = empty cell in the source (missing, never 0) */
  foreign: number | null;
  pop: number;
}

export function parseCensusForeigners(
  text: string,
  file: string,
  map: Mapper,
  report: Report,
): FileResult<CensusForeign> & { sums: { foreign: number; pop: number }; emptyCells: string[] } {
  const { records } = parseCsvRecords(text, ',');
  const emptyCells: string[] = [];
  let foreign = 0;
  let pop = 0;
  const items = records.map((r, i) => {
    const row = i + 2;
    const code = pad6(r.pro_com_t);
    const f = parseNum(r.stranieri_31122021, { file, row, column: 'stranieri_31122021' });
    const p = parseNum(r.pop_legale_2021, { file, row, column: 'pop_legale_2021' });
    if (p === null) throw new Error(`${file}, row ${row}: comune ${code} has no legal population`);
    if (f === null) emptyCells.push(code);
    else foreign += f;
    pop += p;
    return { code, row, v: { foreign: f, pop: p } };
  });
  const merge = (a: CensusForeign, b: CensusForeign): CensusForeign => ({
    foreign: a.foreign === null && b.foreign === null ? null : (a.foreign ?? 0) + (b.foreign ?? 0),
    pop: a.pop + b.pop,
  });
  const res = toCurrent(file, items, map, merge, report);
  report.notes.push(
    `${file}: ${emptyCells.length} comuni with an empty foreign-resident cell (no value written; a merged comune with one such predecessor sums the others): ${emptyCells.join(', ')}`,
  );
  return { ...res, sums: { foreign, pop }, emptyCells };
}

/**
 * foreign_residents_census (count) and foreign_per_100_census (ratio, same date). Comuni with an empty cell get no
 * row; upward, the numerator is the sum of the known comuni (the national sum equals ISTAT's census total, so the
 * empty cells are suppressed zeros or negligible) and the denominator the legal population of ALL comuni.
 */
export function censusForeignIndicators(codes: Codes, data: Map<string, CensusForeign>): IndicatorRow[] {
  const P = parents(codes);
  const counts: Part[] = [];
  const ratio: Part[] = [];
  const all: Part[] = [];
  for (const [code, d] of data) {
    all.push({ code, year: CENSUS_YEAR, num: d.foreign ?? 0, den: d.pop });
    if (d.foreign === null) continue;
    counts.push({ code, year: CENSUS_YEAR, num: d.foreign, den: 0 });
    ratio.push({ code, year: CENSUS_YEAR, num: d.foreign, den: d.pop });
  }
  return [
    ...sumAllLevels('foreign_residents_census', { level: 'comune', parts: counts }, P.fromComune),
    ...ratioWithGaps('foreign_per_100_census', ratio, all, P.fromComune, scaleOf('foreign_per_100_census')),
  ];
}

// ---------------------------------------------------------------- census 2021: labour force

export interface CensusLabour {
  /** labour force (register-based estimate, with decimals) */
  lf: number;
  /** unemployed; null = empty cell in the source */
  un: number | null;
}

export function parseCensusLabour(
  text: string,
  file: string,
  map: Mapper,
  report: Report,
): FileResult<CensusLabour> & { sums: { lf: number; un: number }; emptyCells: string[] } {
  const { records } = parseCsvRecords(text, ',');
  let lf = 0;
  let un = 0;
  const emptyCells: string[] = [];
  const items: { code: string; row: number; v: CensusLabour }[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const code = pad6(r.pro_com_t);
    const l = parseNum(r.forze_lavoro_2021, { file, row, column: 'forze_lavoro_2021' });
    const u = parseNum(r.disoccupati_2021, { file, row, column: 'disoccupati_2021' });
    if (l === null && u === null) {
      // a comune of 2018 that no longer existed at the 2021 census (its 2021 figures are in its successor)
      report.dropped.push({
        file,
        row,
        code,
        reason: 'no 2021 figures (2018-only row: comune merged before the 2021 census)',
      });
      return;
    }
    if (l === null) throw new Error(`${file}, row ${row}: comune ${code} has unemployed but no labour force for 2021`);
    if (u === null) emptyCells.push(code);
    lf += l;
    un += u ?? 0;
    items.push({ code, row, v: { lf: l, un: u } });
  });
  const merge = (a: CensusLabour, b: CensusLabour): CensusLabour => ({
    lf: a.lf + b.lf,
    un: a.un === null && b.un === null ? null : (a.un ?? 0) + (b.un ?? 0),
  });
  const res = toCurrent(file, items, map, merge, report);
  report.notes.push(
    `${file}: ${emptyCells.length} comuni with a labour force but an empty unemployed cell (no rate written): ${emptyCells.join(', ')}`,
  );
  return { ...res, sums: { lf, un }, emptyCells };
}

/**
 * unemployment_rate_census = unemployed / labour force × 100. A comune with an empty unemployed cell gets no row;
 * upward its labour force stays in the denominator (as for the census foreigners: the national sums equal ISTAT's).
 */
export function censusLabourIndicators(codes: Codes, data: Map<string, CensusLabour>): IndicatorRow[] {
  const own: Part[] = [];
  const up: Part[] = [];
  for (const [code, d] of data) {
    up.push({ code, year: CENSUS_YEAR, num: d.un ?? 0, den: d.lf });
    if (d.un !== null) own.push({ code, year: CENSUS_YEAR, num: d.un, den: d.lf });
  }
  return ratioWithGaps(
    'unemployment_rate_census',
    own,
    up,
    parents(codes).fromComune,
    scaleOf('unemployment_rate_census'),
  );
}

// ---------------------------------------------------------------- ISTAT classifications, 1 Jan 2023

export interface ClassRow {
  /** resident population 31 Dec 2022 (= 1 Jan 2023) */
  pop: number;
  /** population of the predecessors classified rural (DEGURBA 3) */
  popRural: number;
  degurba: number | null;
  altitude_zone: number | null;
  coastal: number | null;
  island: number | null;
}
const CLASS_KEYS = ['degurba', 'altitude_zone', 'coastal', 'island'] as const;
/** A class survives a merger only when every predecessor had it. */
const sameOrNull = (a: number | null, b: number | null) => (a !== null && a === b ? a : null);

export function parseClassifications(
  text: string,
  file: string,
  map: Mapper,
  report: Report,
): FileResult<ClassRow> & { popSum: number } {
  const { records } = parseCsvRecords(text, ',');
  let popSum = 0;
  const items = records.map((r, i) => {
    const row = i + 2;
    const code = pad6(r.pro_com_t);
    const ctx = (column: string) => ({ file, row, column });
    const need = (column: string, allowed: number[]) => {
      const v = parseNum(r[column] ?? '', ctx(column));
      if (v === null || !allowed.includes(v))
        throw new Error(
          `${file}, row ${row}, column "${column}": ${JSON.stringify(r[column])} is not one of ${allowed.join(', ')}`,
        );
      return v;
    };
    const pop = parseNum(r.pop_residente_31122022, ctx('pop_residente_31122022'));
    if (pop === null) throw new Error(`${file}, row ${row}: comune ${code} has no resident population 31/12/2022`);
    popSum += pop;
    const degurba = need('degurba', [1, 2, 3]);
    return {
      code,
      row,
      v: {
        pop,
        popRural: degurba === 3 ? pop : 0,
        degurba,
        altitude_zone: need('zona_altimetrica', [1, 2, 3, 4, 5]),
        coastal: need('comune_litoraneo', [0, 1]),
        island: need('comune_isolano', [0, 1]),
      } as ClassRow,
    };
  });
  const merge = (a: ClassRow, b: ClassRow): ClassRow => {
    const o: ClassRow = {
      pop: a.pop + b.pop,
      popRural: a.popRural + b.popRural,
      degurba: null,
      altitude_zone: null,
      coastal: null,
      island: null,
    };
    for (const k of CLASS_KEYS) o[k] = sameOrNull(a[k], b[k]);
    return o;
  };
  const res = toCurrent(file, items, map, merge, report);
  return { ...res, popSum };
}

/** Resident population 1 Jan 2023 per province (current codes): the same-date denominator of the 1 Jan 2023 foreigner figures. */
export function population2023ByProvince(codes: Codes, data: Map<string, ClassRow>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, d] of data) {
    const p = codes.comuneByCode.get(code)!.province_code;
    out.set(p, (out.get(p) ?? 0) + d.pop);
  }
  return out;
}

export function classificationIndicators(codes: Codes, data: Map<string, ClassRow>, report: Report): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const ids: Record<(typeof CLASS_KEYS)[number], string> = {
    degurba: 'degurba',
    altitude_zone: 'altitude_zone',
    coastal: 'coastal',
    island: 'island',
  };
  const lost: string[] = [];
  for (const [code, d] of [...data].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const k of CLASS_KEYS) {
      const v = d[k];
      if (v === null) lost.push(`${code} ${k}`);
      else
        rows.push({
          level: 'comune',
          code,
          indicator: ids[k],
          year: CLASS_YEAR,
          value: v,
          numerator: null,
          denominator: null,
        });
    }
  }
  if (lost.length)
    report.notes.push(`classifications 2023: no class for merged comuni whose predecessors differ: ${lost.join(', ')}`);
  const parts: Part[] = [...data].map(([code, d]) => ({ code, year: CLASS_YEAR, num: d.popRural, den: d.pop }));
  rows.push(
    ...ratioAllLevels(
      'pop_share_rural',
      { level: 'comune', parts },
      parents(codes).fromComune,
      scaleOf('pop_share_rural'),
    ),
  );
  return rows;
}

// ---------------------------------------------------------------- Mappa Aree Interne 2020

export const INNER_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export interface InnerRow {
  /** population in the file (census 2020) */
  pop: number;
  popInner: number;
  /** Σ minutes × population */
  minutesPop: number;
  cls: number | null; // 1..6 = A..F
}

export function parseAreeInterne(
  text: string,
  file: string,
  map: Mapper,
  report: Report,
): FileResult<InnerRow> & { classCounts: Record<string, number> } {
  const { records } = parseCsvRecords(text, ',');
  const classCounts: Record<string, number> = {};
  const items = records.map((r, i) => {
    const row = i + 2;
    const code = pad6(r.pro_com_t);
    const c = r.cod_ai_2020;
    const ci = INNER_CLASSES.indexOf(c as never);
    if (ci < 0) throw new Error(`${file}, row ${row}: unknown Aree Interne class ${JSON.stringify(c)}`);
    classCounts[c] = (classCounts[c] ?? 0) + 1;
    const pop = parseNum(r.pop_residente_censimento_2020, { file, row, column: 'pop_residente_censimento_2020' });
    const min = parseNum(r.tempo_medio_percorrenza_min, { file, row, column: 'tempo_medio_percorrenza_min' });
    if (pop === null || min === null)
      throw new Error(`${file}, row ${row}: comune ${code} lacks population or travel time`);
    return { code, row, v: { pop, popInner: ci >= 3 ? pop : 0, minutesPop: min * pop, cls: ci + 1 } as InnerRow };
  });
  const merge = (a: InnerRow, b: InnerRow): InnerRow => ({
    pop: a.pop + b.pop,
    popInner: a.popInner + b.popInner,
    minutesPop: a.minutesPop + b.minutesPop,
    cls: sameOrNull(a.cls, b.cls),
  });
  return { ...toCurrent(file, items, map, merge, report), classCounts };
}

export function areeInterneIndicators(codes: Codes, data: Map<string, InnerRow>, report: Report): IndicatorRow[] {
  const P = parents(codes).fromComune;
  const rows: IndicatorRow[] = [];
  const lost: string[] = [];
  for (const [code, d] of data) {
    if (d.cls === null) lost.push(code);
    else
      rows.push({
        level: 'comune',
        code,
        indicator: 'inner_area_class',
        year: AREE_INTERNE_YEAR,
        value: d.cls,
        numerator: null,
        denominator: null,
      });
  }
  if (lost.length)
    report.notes.push(
      `Aree Interne 2020: no class for merged comuni whose predecessors differ: ${lost.sort().join(', ')}`,
    );
  const share: Part[] = [];
  const minutes: Part[] = [];
  for (const [code, d] of data) {
    share.push({ code, year: AREE_INTERNE_YEAR, num: d.popInner, den: d.pop });
    minutes.push({ code, year: AREE_INTERNE_YEAR, num: d.minutesPop, den: d.pop });
  }
  rows.push(
    ...ratioAllLevels('pop_share_inner_areas', { level: 'comune', parts: share }, P, scaleOf('pop_share_inner_areas')),
  );
  rows.push(...ratioAllLevels('minutes_to_pole', { level: 'comune', parts: minutes }, P, scaleOf('minutes_to_pole')));
  return rows.sort((a, b) =>
    a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.code < b.code ? -1 : 1,
  );
}

/** Current comuni a file has no value for (reported, never filled). */
export function missingCurrent(codes: Codes, have: Map<string, unknown>): string[] {
  return codes.comuni.map((c) => c.code).filter((c) => !have.has(c));
}
