/** Pure helpers over the data contract (src/contract): kinds, territory index, parents. See data/README.md. */
import { LEVELS, OWN_LEVELS, type IndicatorKind, type IndicatorMeta, type Level, type Territory } from '../contract';

export type {
  Aggregation,
  Bilingual,
  IndicatorKind,
  IndicatorMeta,
  IndicatorRow,
  Territory,
  ValueLabel,
} from '../contract';
/** The contract's Level under the name this module has always used. */
export type TerritoryLevel = Level;
export const LEVEL_ORDER = LEVELS;

/** An indicator's kind; without one (an imported indicator), a summed indicator counts as a count, anything else as a rate. */
export function kindOf(meta: Pick<IndicatorMeta, 'kind' | 'aggregation'> | null | undefined): IndicatorKind {
  if (meta?.kind) return meta.kind;
  return meta?.aggregation === 'sum' ? 'count' : 'rate';
}

/** Each indicator's kind, by id (kindOf for every entry). */
export function kindsOf(catalogue: readonly IndicatorMeta[]): Record<string, IndicatorKind> {
  return Object.fromEntries(catalogue.map((m) => [m.id, kindOf(m)]));
}

/**
 * Is an indicator shown for a level? On a level of its own (Europe's NUTS2 regions) only what is measured there;
 * on Italy's levels everything but the figures only such a level has (an imported indicator without levels too).
 */
export function listedAt(meta: Pick<IndicatorMeta, 'levels'>, level: Level): boolean {
  return OWN_LEVELS.includes(level)
    ? meta.levels.includes(level)
    : meta.levels.length === 0 || meta.levels.some((l) => !OWN_LEVELS.includes(l));
}

/** Territories keyed by level then code. */
export type TerritoryIndex = Map<TerritoryLevel, Map<string, Territory>>;

export function indexTerritories(list: readonly Territory[]): TerritoryIndex {
  const idx: TerritoryIndex = new Map([...LEVEL_ORDER, ...OWN_LEVELS].map((l) => [l, new Map<string, Territory>()]));
  for (const t of list) idx.get(t.level)?.set(t.code, t);
  return idx;
}

/** The territory of `level` a comune lies in (the comune itself at 'comune'; its SLL at 'sll'), or null. */
export function comuneIn(c: Territory, level: TerritoryLevel): string | null {
  if (level === 'italy') return 'IT';
  if (level === 'comune') return c.code;
  if (level === 'sll') return c.sll_code ?? null;
  return (level === 'province' ? c.province_code : c.region_code) ?? null;
}

/** The code of a territory's parent at `parentLevel`, or null. */
export function parentCode(t: Territory, parentLevel: TerritoryLevel): string | null {
  if (parentLevel === 'italy') return t.level === 'italy' ? null : 'IT';
  if (parentLevel === 'region')
    return t.level === 'province' || t.level === 'comune' || t.level === 'sll' ? t.region_code : null;
  if (parentLevel === 'province') return t.level === 'comune' ? t.province_code : null;
  return null;
}

const PARENT_LEVEL: Record<TerritoryLevel, TerritoryLevel | null> = {
  italy: null,
  region: 'italy',
  province: 'region',
  comune: 'province',
  sll: 'region',
  nuts2: null,
};
const CHILD_LEVEL: Record<TerritoryLevel, TerritoryLevel | null> = {
  italy: 'region',
  region: 'province',
  province: 'comune',
  comune: null,
  sll: 'comune',
  nuts2: null,
};

/** The next coarser level of a map level (a local labour system lies in one region). */
export function parentLevel(level: TerritoryLevel): TerritoryLevel | null {
  return PARENT_LEVEL[level] ?? null;
}

/** The level a territory drills down to (a local labour system: its comuni). */
export function childLevel(level: TerritoryLevel): TerritoryLevel | null {
  return CHILD_LEVEL[level] ?? null;
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
