/** The public data contract (public/data/*), as types. See data/README.md. */

export type TerritoryLevel = 'italy' | 'region' | 'province' | 'comune';
export const LEVEL_ORDER: readonly TerritoryLevel[] = ['italy', 'region', 'province', 'comune'];

export interface Bilingual {
  it: string;
  en: string;
}

export interface Territory {
  level: TerritoryLevel;
  code: string;
  name: string;
  province_code: string | null;
  region_code: string | null;
  population: number | null;
  area_km2: number | null;
  lon: number | null;
  lat: number | null;
  has_geometry: boolean;
  /** comune: capoluogo of its province (ISTAT); absent in older files */
  capital?: boolean;
}

export interface IndicatorRow {
  level: TerritoryLevel;
  code: string;
  indicator: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** What a value is: a count of people; a rate or share; a composite/other index; money or another mean amount; a class. */
export type IndicatorKind = 'count' | 'rate' | 'index' | 'amount' | 'class';
/** How coarser levels are made (catalogue `aggregation`). */
export type Aggregation = 'ratio_of_sums' | 'sum' | 'weighted_mean' | 'none';

/** The name of one value of a class indicator (for the legend). */
export interface ValueLabel {
  value: number;
  label: Bilingual;
}

export interface IndicatorMeta {
  id: string;
  label: Bilingual;
  description: Bilingual;
  unit: Bilingual;
  polarity: 1 | -1 | 0;
  pillar: 'labour' | 'stability' | 'context';
  levels: TerritoryLevel[];
  years: number[];
  source: Bilingual;
  licence: string;
  reference_date: string;
  notes: Bilingual | null;
  estimated: boolean;
  decimals: number;
  /** to coarser levels and groupings: ratio of sums, sum, population-weighted mean (imported means), or none */
  aggregation: Aggregation;
  /** Always in catalogue.json; an imported indicator may lack it (see kindOf). */
  kind?: IndicatorKind;
  /** class indicators: the name of each value; null/absent otherwise */
  value_labels?: ValueLabel[] | null;
  /** numerator and denominator refer to different dates */
  dates_differ?: boolean;
}

/** An indicator's kind; without one (an imported indicator), a summed indicator counts as a count, anything else as a rate. */
export function kindOf(meta: Pick<IndicatorMeta, 'kind' | 'aggregation'> | null | undefined): IndicatorKind {
  if (meta?.kind) return meta.kind;
  return meta?.aggregation === 'sum' ? 'count' : 'rate';
}

/** Each indicator's kind, by id (kindOf for every entry). */
export function kindsOf(catalogue: readonly IndicatorMeta[]): Record<string, IndicatorKind> {
  return Object.fromEntries(catalogue.map((m) => [m.id, kindOf(m)]));
}

/** Territories keyed by level then code. */
export type TerritoryIndex = Map<TerritoryLevel, Map<string, Territory>>;

export function indexTerritories(list: readonly Territory[]): TerritoryIndex {
  const idx: TerritoryIndex = new Map(LEVEL_ORDER.map((l) => [l, new Map<string, Territory>()]));
  for (const t of list) idx.get(t.level)?.set(t.code, t);
  return idx;
}

/** The code of a territory's parent at `parentLevel`, or null. */
export function parentCode(t: Territory, parentLevel: TerritoryLevel): string | null {
  if (parentLevel === 'italy') return t.level === 'italy' ? null : 'IT';
  if (parentLevel === 'region') return t.level === 'province' || t.level === 'comune' ? t.region_code : null;
  if (parentLevel === 'province') return t.level === 'comune' ? t.province_code : null;
  return null;
}

/** The next coarser level of a map level. */
export function parentLevel(level: TerritoryLevel): TerritoryLevel | null {
  const i = LEVEL_ORDER.indexOf(level);
  return i > 0 ? LEVEL_ORDER[i - 1] : null;
}

export function childLevel(level: TerritoryLevel): TerritoryLevel | null {
  const i = LEVEL_ORDER.indexOf(level);
  return i >= 0 && i < LEVEL_ORDER.length - 1 ? LEVEL_ORDER[i + 1] : null;
}

/** The name of a class indicator's value ("città", "D – intermedio"), or null when the indicator has no value labels. */
export function classLabel(
  meta: Pick<IndicatorMeta, 'value_labels'> | null | undefined,
  value: number | null,
  lang: 'it' | 'en',
): string | null {
  if (value === null || !meta?.value_labels) return null;
  return meta.value_labels.find((v) => v.value === value)?.label[lang] ?? null;
}
