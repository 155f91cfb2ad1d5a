// Over 300 lines: the indicator use of an import: its checks and the column-by-column build, kept together.
/**
 * Use (a): numeric columns as indicators. Values stay at the file's level; coarser levels get a value
 * only when it is valid: every territory below has a value, and the column is a count (sum), a ratio of
 * two counts (ratio of sums) or a quantity averaged with population weights. Rates given without their
 * numerator and denominator are never averaged: they stay at the file's level.
 */
import { LEVEL_ORDER, type IndicatorMeta, type IndicatorRow, type TerritoryLevel } from '../../../analytics/catalogue';
import type { ImportPreview, ImportedRow, MapLevel, TerritoryRef } from '../types';
import type { ImportedData } from '../analyse';
import { cellAt } from '../columns';
import { indicatorIds } from '../ids';
import { dictionary, unpackSlice, type PackedRows } from '../packed';

export type Aggregation = 'sum' | 'weighted_mean' | 'none';
export type Pillar = IndicatorMeta['pillar'];

export interface ColumnChoice {
  column: string;
  label: string;
  unit: string;
  polarity: 1 | -1 | 0;
  pillar: Pillar;
  aggregation: Aggregation;
}

export interface RatioChoice {
  label: string;
  unit: string;
  polarity: 1 | -1 | 0;
  pillar: Pillar;
  numerator: string;
  denominator: string;
  /** 100 for "per 100", 1000 for "per 1,000" */
  scale: number;
}

export interface IndicatorSource {
  fileName: string;
  /** the slug that prefixes the ids: user_<slug>_<column> */
  slug: string;
  /** the year of rows without a year column (stated by the user) */
  defaultYear: number;
  /** the reference year or date stated by the user ('2024' or '2024-12-31') when the file has no year column */
  referenceDate?: string;
  /** ISO date of the import */
  importedOn: string;
}

export { slugify } from '../ids';

const PARENTS: Record<MapLevel, TerritoryLevel[]> = {
  comune: ['province', 'region', 'italy'],
  province: ['region', 'italy'],
  region: ['italy'],
};

function parentOf(t: TerritoryRef, level: TerritoryLevel): string | null {
  if (level === 'italy') return 'IT';
  if (level === 'region') return t.region_code;
  if (level === 'province') return t.level === 'comune' ? t.province_code : null;
  return null;
}

function decimalsOf(values: number[]): number {
  let d = 0;
  for (const v of values.slice(0, 500)) {
    const s = String(v);
    const i = s.indexOf('.');
    if (i >= 0) d = Math.max(d, Math.min(3, s.length - i - 1));
  }
  return d;
}

/** A number column of the imported form (NaN = missing); a text column gives its numeric cells only. */
function numbersOf(d: ImportedData, name: string): Float64Array | null {
  const c = d.values.find((x) => x.name === name);
  if (!c) return null;
  if (c.kind === 'number') return c.values;
  const out = new Float64Array(d.rowCount).fill(NaN);
  for (let i = 0; i < d.rowCount; i++) {
    const v = cellAt(c.col, i);
    if (typeof v === 'number') out[i] = v;
  }
  return out;
}

/** Preview rows (tests, small files) as the column form buildIndicatorColumns reads. */
function dataOfRows(rows: readonly ImportedRow[], names: readonly string[]): ImportedData {
  const n = rows.length;
  const years = new Float64Array(n);
  const excluded = new Uint8Array(n);
  const values = [...new Set(names)].map((name) => {
    const col = new Float64Array(n);
    rows.forEach((r, i) => {
      const v = Object.hasOwn(r.values, name) ? r.values[name] : null;
      col[i] = typeof v === 'number' ? v : NaN;
    });
    return { name, kind: 'number' as const, values: col };
  });
  rows.forEach((r, i) => {
    years[i] = r.year ?? NaN;
    excluded[i] = r.excluded ? 1 : 0;
  });
  return { rowCount: n, rowBase: 0, codes: rows.map((r) => r.code), years, lon: null, lat: null, values, excluded };
}

/** The rows of buildIndicatorColumns as plain rows (tests and small files; the app keeps the columns). */
export function buildIndicators(
  p: ImportPreview,
  columns: ColumnChoice[],
  ratios: RatioChoice[],
  territories: readonly TerritoryRef[],
  src: IndicatorSource,
  /** ids already used in the workspace (catalogue, layers, groupings and their tables): see core/ids.ts */
  taken: Iterable<string> = [],
): { metas: IndicatorMeta[]; rows: IndicatorRow[] } {
  const names = [...columns.map((c) => c.column), ...ratios.flatMap((r) => [r.numerator, r.denominator])];
  const { metas, packed } = buildIndicatorColumns(
    p,
    dataOfRows(p.rows, names),
    columns,
    ratios,
    territories,
    src,
    taken,
  );
  return { metas, rows: unpackSlice(packed) };
}

/** Growable typed columns (the final length is known only at the end). */
function columnsBuilder(capacity: number, ratio: boolean) {
  const levels = dictionary<TerritoryLevel>();
  const codes = dictionary<string>();
  const indicators = dictionary<string>();
  let n = 0;
  let anyRatio = false;
  const level = new Uint8Array(capacity);
  const code = new Int32Array(capacity);
  const indicator = new Uint16Array(capacity);
  const year = new Int32Array(capacity);
  const value = new Float64Array(capacity);
  const numerator = ratio ? new Float64Array(capacity) : null;
  const denominator = ratio ? new Float64Array(capacity) : null;
  return {
    codes,
    levels,
    indicators,
    push(lv: number, c: number, ind: number, y: number, v: number, num: number, den: number) {
      level[n] = lv;
      code[n] = c;
      indicator[n] = ind;
      year[n] = y;
      value[n] = v;
      if (numerator && denominator) {
        numerator[n] = num;
        denominator[n] = den;
        if (!Number.isNaN(num) || !Number.isNaN(den)) anyRatio = true;
      }
      n++;
    },
    done(): PackedRows {
      if (indicators.list.length > 65535) throw new Error('too many indicators in one import');
      // a view when the columns are mostly full (no copy of tens of MB), a copy otherwise
      const cut = <A extends Uint8Array | Uint16Array | Int32Array | Float64Array>(a: A): A =>
        (2 * n >= capacity ? a.subarray(0, n) : a.slice(0, n)) as A;
      return {
        length: n,
        levels: levels.list,
        codes: codes.list,
        indicators: indicators.list,
        level: cut(level),
        code: cut(code),
        indicator: cut(indicator),
        year: cut(year),
        value: cut(value),
        numerator: anyRatio && numerator ? cut(numerator) : null,
        denominator: anyRatio && denominator ? cut(denominator) : null,
      };
    },
  };
}

/**
 * The indicators of the chosen columns and ratios, built from the imported form column by column: the rows
 * come out as typed columns (core/packed.ts), never as one object each. Per indicator: its rows at the file's
 * level (first row per year and code; duplicates are reported in the preview), year by year, each year
 * followed by its valid coarser-level values.
 */
export function buildIndicatorColumns(
  p: Pick<ImportPreview, 'key' | 'yearColumn'>,
  data: ImportedData,
  columns: ColumnChoice[],
  ratios: RatioChoice[],
  territories: readonly TerritoryRef[],
  src: IndicatorSource,
  /** ids already used in the workspace (catalogue, layers, groupings and their tables): see core/ids.ts */
  taken: Iterable<string> = [],
): { metas: IndicatorMeta[]; packed: PackedRows } {
  const level = p.key?.level;
  if (!level) return { metas: [], packed: columnsBuilder(0, false).done() };
  const metas: IndicatorMeta[] = [];
  const col = (name: string) => numbersOf(data, name) ?? new Float64Array(data.rowCount).fill(NaN);
  const specs: {
    id: string;
    label: string;
    unit: string;
    polarity: 1 | -1 | 0;
    pillar: Pillar;
    agg: Aggregation | 'ratio';
    scale: number;
    /** the value of each row of the file (NaN = missing); a ratio's numerator and denominator too */
    value: Float64Array;
    num: Float64Array | null;
    den: Float64Array | null;
    note: { it: string; en: string };
  }[] = [];
  // unique within the file and across the workspace (two columns never share an id, nor replace another file's)
  const ids = indicatorIds(
    src.slug,
    columns.map((c) => c.column),
    ratios,
    taken,
  ).map((x) => x.id);
  let next = 0;
  for (const c of columns) {
    specs.push({
      id: ids[next++],
      scale: 1,
      label: c.label || c.column,
      unit: c.unit,
      polarity: c.polarity,
      pillar: c.pillar,
      agg: c.aggregation,
      value: col(c.column),
      num: null,
      den: null,
      note:
        c.aggregation === 'sum'
          ? {
              it: 'Livelli superiori: somma, solo dove tutti i territori hanno un valore.',
              en: 'Coarser levels: sum, only where every territory has a value.',
            }
          : c.aggregation === 'weighted_mean'
            ? {
                it: 'Livelli superiori: media ponderata per la popolazione, solo dove tutti i territori hanno un valore.',
                en: 'Coarser levels: population-weighted mean, only where every territory has a value.',
              }
            : {
                it: 'Solo al livello del file (un tasso non si somma né si media).',
                en: 'File level only (a rate is neither summed nor averaged).',
              },
    });
  }
  for (const r of ratios) {
    const nv = col(r.numerator);
    const dv = col(r.denominator);
    const value = new Float64Array(data.rowCount);
    for (let i = 0; i < value.length; i++) {
      const n = nv[i];
      const d = dv[i];
      value[i] = !Number.isNaN(n) && !Number.isNaN(d) && d !== 0 ? (n / d) * r.scale : NaN;
    }
    specs.push({
      id: ids[next++],
      scale: r.scale,
      label: r.label,
      unit: r.unit,
      polarity: r.polarity,
      pillar: r.pillar,
      agg: 'ratio',
      value,
      num: nv,
      den: dv,
      note: {
        it: `Rapporto ${r.numerator} / ${r.denominator} × ${r.scale}; livelli superiori: rapporto delle somme.`,
        en: `Ratio ${r.numerator} / ${r.denominator} × ${r.scale}; coarser levels: ratio of sums.`,
      },
    });
  }

  // the rows kept at the file's level: the first per (year, code), years and codes in the file's order
  const codeIds = new Map<string, number>();
  const yearIds = new Map<number, number>();
  const yearList: number[] = [];
  const rowCode = new Int32Array(data.rowCount).fill(-1);
  const rowYear = new Int32Array(data.rowCount);
  for (let i = 0; i < data.rowCount; i++) {
    const code = data.codes[i];
    if (code === null || (data.excluded && data.excluded[i])) continue;
    let c = codeIds.get(code);
    if (c === undefined) codeIds.set(code, (c = codeIds.size));
    const yv = data.years ? data.years[i] : NaN;
    const y = Number.isNaN(yv) ? src.defaultYear : yv;
    let k = yearIds.get(y);
    if (k === undefined) {
      yearIds.set(y, (k = yearList.length));
      yearList.push(y);
    }
    rowCode[i] = c;
    rowYear[i] = k;
  }
  const nCodes = codeIds.size;
  // first row of (year, code): a dense table when it is small enough, a Map otherwise
  const dense = yearList.length * nCodes <= 1 << 26;
  const firstDense = dense ? new Int32Array(yearList.length * nCodes).fill(-1) : null;
  const firstMap = dense ? null : new Map<number, number>();
  const firstOf = (k: number, c: number): number =>
    firstDense ? firstDense[k * nCodes + c] : (firstMap?.get(k * nCodes + c) ?? -1);
  const kept: number[][] = yearList.map(() => []);
  for (let i = 0; i < data.rowCount; i++) {
    const c = rowCode[i];
    if (c < 0) continue;
    const k = rowYear[i];
    if (firstOf(k, c) >= 0) continue;
    if (firstDense) firstDense[k * nCodes + c] = i;
    else firstMap?.set(k * nCodes + c, i);
    kept[k].push(i);
  }

  // the coarser levels' groups of territories (same for every year and indicator)
  const children = territories.filter((t) => t.level === level);
  const groupsAt = PARENTS[level].map((pl) => {
    const groups = new Map<string, TerritoryRef[]>();
    for (const t of children) {
      const pc = parentOf(t, pl);
      if (pc === null) continue;
      let g = groups.get(pc);
      if (!g) groups.set(pc, (g = []));
      g.push(t);
    }
    return {
      level: pl,
      groups: [...groups].map(([pc, kids]) => ({
        code: pc,
        kids: Int32Array.from(kids, (k) => codeIds.get(k.code) ?? -1),
        population: kids.map((k) => k.population),
      })),
    };
  });
  const nGroups = groupsAt.reduce((s, g) => s + g.groups.length, 0);
  let capacity = 0;
  for (const s of specs) capacity += data.rowCount + (s.agg === 'none' ? 0 : yearList.length * nGroups);
  const out = columnsBuilder(capacity, ratios.length > 0);
  // the file's codes first (a file code keeps its index in the output's dictionary); levels and coarser
  // codes join the dictionaries when a row has them
  if (specs.length) for (const code of codeIds.keys()) out.codes.at(code);
  const parentCode = groupsAt.map((g) => new Int32Array(g.groups.length).fill(-1));
  const fileLevel = () => out.levels.at(level);
  const parentLevel = groupsAt.map((g) => () => out.levels.at(g.level));
  // one year's values (numerators, denominators) by file code: what the coarser levels add up
  const vAt = new Float64Array(nCodes);
  const nAt = new Float64Array(nCodes);
  const dAt = new Float64Array(nCodes);

  for (const s of specs) {
    const ind = out.indicators.at(s.id);
    const levels = new Set<TerritoryLevel>();
    const own: number[] = [];
    const { value, num: nv, den: dv } = s;
    for (let k = 0; k < yearList.length; k++) {
      const year = yearList[k];
      vAt.fill(NaN);
      const rows = kept[k];
      if (rows.length) {
        const lv = fileLevel();
        for (const i of rows) {
          const c = rowCode[i];
          const v = value[i];
          const n = nv ? nv[i] : NaN;
          const d = dv ? dv[i] : NaN;
          vAt[c] = v;
          nAt[c] = n;
          dAt[c] = d;
          out.push(lv, c, ind, year, v, n, d);
          if (own.length < 500 && !Number.isNaN(v)) own.push(v);
        }
      }
      if (s.agg === 'none') continue;
      for (let gi = 0; gi < groupsAt.length; gi++) {
        const ga = groupsAt[gi];
        for (let j = 0; j < ga.groups.length; j++) {
          const g = ga.groups[j];
          let sum = 0,
            num = 0,
            den = 0,
            w = 0,
            complete = true;
          for (let x = 0; x < g.kids.length; x++) {
            const c = g.kids[x];
            const v = c < 0 ? NaN : vAt[c];
            if (Number.isNaN(v)) {
              complete = false;
              break;
            }
            if (s.agg === 'sum') sum += v;
            else if (s.agg === 'ratio') {
              num += nAt[c];
              den += dAt[c];
            } else {
              const pop = g.population[x];
              if (pop === null) {
                complete = false;
                break;
              }
              sum += v * pop;
              w += pop;
            }
          }
          if (!complete) continue;
          const value =
            s.agg === 'sum'
              ? sum
              : s.agg === 'ratio'
                ? den !== 0
                  ? (num / den) * s.scale
                  : null
                : w > 0
                  ? sum / w
                  : null;
          if (value === null) continue;
          const ratio = s.agg === 'ratio';
          if (parentCode[gi][j] < 0) parentCode[gi][j] = out.codes.at(g.code);
          out.push(parentLevel[gi](), parentCode[gi][j], ind, year, value, ratio ? num : NaN, ratio ? den : NaN);
          levels.add(ga.level);
        }
      }
    }
    if (own.length) levels.add(level);
    const years = [...yearList].sort((a, b) => a - b);
    metas.push({
      id: s.id,
      label: { it: s.label, en: s.label },
      description: { it: `Importato da ${src.fileName}`, en: `Imported from ${src.fileName}` },
      unit: { it: s.unit, en: s.unit },
      polarity: s.polarity,
      pillar: s.pillar,
      levels: LEVEL_ORDER.filter((l) => levels.has(l)),
      years,
      source: {
        it: `File importato dall’utente: ${src.fileName} (${src.importedOn})`,
        en: `User-imported file: ${src.fileName} (${src.importedOn})`,
      },
      licence: 'dati dell’utente / user data',
      // a year column gives the latest year; otherwise the date the user stated (never the import date silently)
      reference_date:
        !p.yearColumn && src.referenceDate
          ? src.referenceDate
          : years.length
            ? String(years[years.length - 1])
            : src.importedOn,
      notes: s.note,
      estimated: false,
      decimals: decimalsOf(own),
      aggregation: s.agg === 'ratio' ? 'ratio_of_sums' : s.agg,
      scale: s.scale,
    });
  }
  return { metas, packed: out.done() };
}
