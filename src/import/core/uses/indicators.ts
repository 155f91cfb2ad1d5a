/**
 * Use (a): numeric columns as indicators. Values stay at the file's level; coarser levels get a value
 * only when it is valid: every territory below has a value, and the column is a count (sum), a ratio of
 * two counts (ratio of sums) or a quantity averaged with population weights. Rates given without their
 * numerator and denominator are never averaged: they stay at the file's level.
 */
import { LEVEL_ORDER, type IndicatorMeta, type IndicatorRow, type TerritoryLevel } from '../../../analytics/catalogue';
import type { ImportPreview, MapLevel, TerritoryRef } from '../types';
import { indicatorIds } from '../ids';

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

interface Leaf {
  value: number | null;
  num: number | null;
  den: number | null;
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

export function buildIndicators(
  p: ImportPreview,
  columns: ColumnChoice[],
  ratios: RatioChoice[],
  territories: readonly TerritoryRef[],
  src: IndicatorSource,
  /** ids already used in the workspace (catalogue, layers, groupings and their tables): see core/ids.ts */
  taken: Iterable<string> = [],
): { metas: IndicatorMeta[]; rows: IndicatorRow[] } {
  const level = p.key?.level;
  if (!level) return { metas: [], rows: [] };
  const children = territories.filter((t) => t.level === level);
  const metas: IndicatorMeta[] = [];
  const rows: IndicatorRow[] = [];
  const specs: {
    id: string;
    label: string;
    unit: string;
    polarity: 1 | -1 | 0;
    pillar: Pillar;
    agg: Aggregation | 'ratio';
    scale: number;
    leaf: (v: Record<string, unknown>) => Leaf;
    note: { it: string; en: string };
  }[] = [];
  const numAt = (v: Record<string, unknown>, c: string) =>
    Object.hasOwn(v, c) && typeof v[c] === 'number' ? (v[c] as number) : null;
  // unique within the file and across the workspace (two columns never share an id, nor replace another file's)
  const ids = indicatorIds(
    src.slug,
    columns.map((c) => c.column),
    ratios,
    taken,
  ).map((x) => x.id);
  let next = 0;
  for (const c of columns)
    specs.push({
      id: ids[next++],
      scale: 1,
      label: c.label || c.column,
      unit: c.unit,
      polarity: c.polarity,
      pillar: c.pillar,
      agg: c.aggregation,
      leaf: (v) => ({ value: numAt(v, c.column), num: null, den: null }),
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
  for (const r of ratios)
    specs.push({
      id: ids[next++],
      scale: r.scale,
      label: r.label,
      unit: r.unit,
      polarity: r.polarity,
      pillar: r.pillar,
      agg: 'ratio',
      leaf: (v) => {
        const n = numAt(v, r.numerator);
        const d = numAt(v, r.denominator);
        return { value: n !== null && d !== null && d !== 0 ? (n / d) * r.scale : null, num: n, den: d };
      },
      note: {
        it: `Rapporto ${r.numerator} / ${r.denominator} × ${r.scale}; livelli superiori: rapporto delle somme.`,
        en: `Ratio ${r.numerator} / ${r.denominator} × ${r.scale}; coarser levels: ratio of sums.`,
      },
    });
  for (const s of specs) {
    // first row per (year, code); duplicates are reported in the preview
    const byYear = new Map<number, Map<string, Leaf>>();
    for (const r of p.rows) {
      if (r.code === null || r.excluded) continue;
      const y = r.year ?? src.defaultYear;
      let m = byYear.get(y);
      if (!m) byYear.set(y, (m = new Map()));
      if (!m.has(r.code)) m.set(r.code, s.leaf(r.values));
    }
    const levels = new Set<TerritoryLevel>();
    const own: number[] = [];
    for (const [year, m] of byYear) {
      for (const [code, l] of m) {
        rows.push({ level, code, indicator: s.id, year, value: l.value, numerator: l.num, denominator: l.den });
        if (l.value !== null) {
          levels.add(level);
          own.push(l.value);
        }
      }
      if (s.agg === 'none') continue;
      for (const pl of PARENTS[level]) {
        const groups = new Map<string, TerritoryRef[]>();
        for (const t of children) {
          const pc = parentOf(t, pl);
          if (pc === null) continue;
          let g = groups.get(pc);
          if (!g) groups.set(pc, (g = []));
          g.push(t);
        }
        for (const [pc, kids] of groups) {
          let sum = 0,
            num = 0,
            den = 0,
            w = 0,
            complete = true;
          for (const k of kids) {
            const l = m.get(k.code);
            if (!l || l.value === null) {
              complete = false;
              break;
            }
            if (s.agg === 'sum') sum += l.value;
            else if (s.agg === 'ratio') {
              num += l.num as number;
              den += l.den as number;
            } else {
              if (k.population === null) {
                complete = false;
                break;
              }
              sum += l.value * k.population;
              w += k.population;
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
          rows.push({
            level: pl,
            code: pc,
            indicator: s.id,
            year,
            value,
            numerator: s.agg === 'ratio' ? num : null,
            denominator: s.agg === 'ratio' ? den : null,
          });
          levels.add(pl);
        }
      }
    }
    const years = [...byYear.keys()].sort((a, b) => a - b);
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
  return { metas, rows };
}
