/**
 * The training-needs survey ("fabbisogni formativi") as imported indicators, pure. The template
 * (templates/fabbisogni_formativi_template.csv) has one column per topic named `fabb_<topic>` (the need
 * level, 1–5) and an `operatori` column (operators who answered); the existing importer turns each into an
 * indicator `user_<file slug>_fabb_<topic>` / `user_<file slug>_operatori`. This module finds them again,
 * lays them out as a heat table (territories × topics) and compares the chosen pilot areas.
 */
import type { IndicatorMeta, IndicatorRow } from '../analytics/catalogue';

export const TOPIC_PREFIX = 'fabb_';
export const NEED_MIN = 1;
export const NEED_MAX = 5;

export interface SurveyDataset {
  slug: string;
  topics: IndicatorMeta[];
  /** the number of operators who answered, if the file has the column */
  operators: IndicatorMeta | null;
}

const TOPIC_ID = /^user_(.+?)_fabb_([a-z0-9_]+)$/;
const OPERATORS_ID = /^user_(.+?)_operatori$/;

/** The survey datasets among the imported indicators (a file with at least one `fabb_` column). */
export function surveyDatasets(metas: readonly IndicatorMeta[], userIds: readonly string[]): SurveyDataset[] {
  const user = new Set(userIds);
  const by = new Map<string, SurveyDataset>();
  for (const m of metas) {
    if (!user.has(m.id)) continue;
    const t = TOPIC_ID.exec(m.id);
    if (!t) continue;
    let d = by.get(t[1]);
    if (!d) by.set(t[1], (d = { slug: t[1], topics: [], operators: null }));
    d.topics.push(m);
  }
  for (const m of metas) {
    const o = user.has(m.id) ? OPERATORS_ID.exec(m.id) : null;
    const d = o ? by.get(o[1]) : undefined;
    if (d) d.operators = m;
  }
  return [...by.values()];
}

/** The topic's name from its indicator id when the import dialog kept the column name as label. */
export function topicName(meta: IndicatorMeta, lang: 'it' | 'en'): string {
  const label = meta.label[lang];
  const m = TOPIC_ID.exec(meta.id);
  if (!m) return label;
  return label && label !== `${TOPIC_PREFIX}${m[2]}` ? label : m[2].replace(/_/g, ' ');
}

export interface HeatTable {
  level: string;
  year: number | null;
  codes: string[];
  /** cells[row][topic]: need level, null = missing (never 0) */
  cells: (number | null)[][];
  operators: (number | null)[];
}

/** Years present in any topic at the level, ascending. */
export function surveyYears(
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  d: SurveyDataset,
  level: string,
): number[] {
  const ys = new Set<number>();
  for (const m of d.topics) for (const r of rowsByIndicator.get(m.id) ?? []) if (r.level === level) ys.add(r.year);
  return [...ys].sort((a, b) => a - b);
}

/** Territories (with a value for at least one topic at the level and year) × topics. */
export function heatTable(
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  d: SurveyDataset,
  level: string,
  year: number | null,
): HeatTable {
  const codes = new Set<string>();
  const value = new Map<string, number | null>();
  const of = (r: IndicatorRow) => r.level === level && (year === null || r.year === year);
  d.topics.forEach((m, j) => {
    for (const r of rowsByIndicator.get(m.id) ?? []) {
      if (!of(r)) continue;
      if (r.value !== null) codes.add(r.code);
      value.set(`${r.code}|${j}`, r.value);
    }
  });
  const ops = new Map<string, number | null>();
  if (d.operators) for (const r of rowsByIndicator.get(d.operators.id) ?? []) if (of(r)) ops.set(r.code, r.value);
  const list = [...codes].sort();
  return {
    level,
    year,
    codes: list,
    cells: list.map((c) => d.topics.map((_, j) => value.get(`${c}|${j}`) ?? null)),
    operators: list.map((c) => ops.get(c) ?? null),
  };
}

export interface TopicSummary {
  /** mean of the chosen areas that have a value (null when none has) */
  mean: number | null;
  /** mean weighted by the operators who answered (null unless every area with a value has its count) */
  weighted: number | null;
  /** how many chosen areas have a value */
  n: number;
}

/** Per topic, over the chosen rows: plain mean and operator-weighted mean (missing stays out, never 0). */
export function compareAreas(h: HeatTable, chosen: ReadonlySet<string>): TopicSummary[] {
  const rows = h.codes.map((c, i) => i).filter((i) => chosen.has(h.codes[i]));
  const nTopics = h.cells[0]?.length ?? 0;
  return Array.from({ length: nTopics }, (_, j) => {
    let s = 0,
      n = 0,
      sw = 0,
      w = 0,
      weightsOk = true;
    for (const i of rows) {
      const v = h.cells[i][j];
      if (v === null) continue;
      s += v;
      n++;
      const op = h.operators[i];
      if (op === null || !(op > 0)) weightsOk = false;
      else {
        sw += v * op;
        w += op;
      }
    }
    return { mean: n ? s / n : null, weighted: n && weightsOk && w > 0 ? sw / w : null, n };
  });
}

/** Five sequential steps (ColorBrewer YlOrRd, colour-blind-safe ordering by lightness) for need 1…5. */
export const HEAT = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

/** Colour step of a need level, equal fifths of [1, 5]: [1, 1.8) → 0, [1.8, 2.6) → 1, …, [4.2, 5] → 4; null for missing. */
export function heatStep(v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const x = (Math.min(NEED_MAX, Math.max(NEED_MIN, v)) - NEED_MIN) / (NEED_MAX - NEED_MIN);
  return Math.min(4, Math.floor(x * 5));
}
