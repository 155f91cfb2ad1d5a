/** The data behind the placeholders: the same values, inheritance and ranks as the map. */
import { levelTable, type LevelTable } from '../compare/values';
import { latestYearIn, rowsForYear } from '../analytics/rowView';
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
  const rowsOf = (id: string) => rowsByIndicator.get(id) ?? [];
  const meta = (id: string) => catalogue.find((m) => m.id === id);
  const table = (id: string, level: Level, year?: number): LevelTable | undefined => {
    const m = meta(id);
    if (!m) return undefined;
    const key = `${id}|${level}|${year ?? ''}`;
    let t = cache.get(key);
    if (!t) {
      // one year's rows (an imported indicator makes no other year's)
      const y = year ?? latestYearIn(rowsOf(id));
      cache.set(key, (t = levelTable(rowsForYear(rowsOf(id), y), territories, level, m.polarity, y, kindOf(m))));
    }
    return t;
  };
  return {
    meta,
    name: (level, code) => index.get(level as Level | 'italy')?.get(code)?.name,
    latestYear: (id) => latestYearIn(rowsOf(id)),
    value(id, level, code, year) {
      const y = year ?? latestYearIn(rowsOf(id));
      if (level === 'italy') {
        const r = rowsForYear(rowsOf(id), y).find((x) => x.level === 'italy' && x.code === code && x.year === y);
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
