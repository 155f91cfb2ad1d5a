/** The data behind the placeholders: the same values, inheritance and ranks as the map. */
import { levelTable, type LevelTable } from '../compare/values';
import { latestYear } from '../analytics/levels';
import {
  kindOf,
  type IndicatorMeta,
  type IndicatorRow,
  type Territory,
  type TerritoryIndex,
} from '../analytics/catalogue';
import type { Lookup } from './placeholders';
import type { Level } from '../state/url';

export function dataLookup(
  catalogue: readonly IndicatorMeta[],
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  index: TerritoryIndex,
): Lookup {
  const cache = new Map<string, LevelTable>();
  const meta = (id: string) => catalogue.find((m) => m.id === id);
  const table = (id: string, level: Level, year?: number): LevelTable | undefined => {
    const m = meta(id);
    if (!m) return undefined;
    const key = `${id}|${level}|${year ?? ''}`;
    let t = cache.get(key);
    if (!t)
      cache.set(key, (t = levelTable(rowsByIndicator.get(id) ?? [], territories, level, m.polarity, year, kindOf(m))));
    return t;
  };
  const rowsOf = (id: string) => rowsByIndicator.get(id) ?? [];
  return {
    meta,
    name: (level, code) => index.get(level as Level | 'italy')?.get(code)?.name,
    latestYear: (id) => latestYear(rowsOf(id)),
    value(id, level, code, year) {
      const y = year ?? latestYear(rowsOf(id));
      if (level === 'italy') {
        const r = rowsOf(id).find((x) => x.level === 'italy' && x.code === code && x.year === y);
        return index.get('italy')?.has(code) ? { value: r?.value ?? null, inherited: false, year: y } : undefined;
      }
      if (!index.get(level as Level)?.has(code)) return undefined;
      const v = table(id, level as Level, y ?? undefined)?.values.get(code);
      return { value: v?.value ?? null, inherited: v?.inherited ?? false, year: y };
    },
    rank: (id, level, code) => (level === 'italy' ? undefined : table(id, level as Level)?.ranks.get(code)),
    extreme(id, level, which) {
      if (level === 'italy') return undefined;
      let best: { code: string; value: number } | undefined;
      for (const v of table(id, level as Level)?.values.values() ?? []) {
        if (v.inherited || v.value === null) continue;
        if (!best || (which === 'max' ? v.value > best.value : v.value < best.value))
          best = { code: v.code, value: v.value };
      }
      return best;
    },
  };
}
