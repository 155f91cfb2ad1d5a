/**
 * The territory profile (src/analytics/territoryProfile.ts) of every territory of one level at once: one level
 * table per indicator (src/analytics/territoryValue.ts `levelTable`, the map's own) and each territory read from it
 * (`valueIn`), instead of one pass over the rows per territory. The data pipeline writes these per level
 * (data/build/profiles.ts), so that a chosen territory's table of every indicator comes before the full tables;
 * a test holds every territory's entry equal to `territoryProfile` on the real data. Pure.
 */
import { kindOf, listedAt, type IndicatorMeta, type IndicatorRow, type Territory } from './catalogue';
import { rowsForYear } from './rowView';
import { levelTable, valueIn } from './territoryValue';
import {
  PROFILE_PARENT,
  profileParentCode,
  profileRow,
  profileYear,
  type ProfileLevel,
  type ProfileRow,
} from './territoryProfile';

/** Every territory of `level` (in the order of `territories`) with its profile, rows in indicator-id order. */
export function levelProfiles(
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  catalogue: readonly IndicatorMeta[],
  level: ProfileLevel,
): Map<string, ProfileRow[]> {
  const members = territories.filter((t) => t.level === level);
  const out = new Map<string, ProfileRow[]>(members.map((t) => [t.code, []]));
  const metas = new Map(catalogue.map((m) => [m.id, m]));
  const parentLevel = PROFILE_PARENT[level];
  const own = parentLevel === null;
  for (const id of [...rowsByIndicator.keys()].sort()) {
    const all = rowsByIndicator.get(id) ?? [];
    if (!all.length) continue;
    const meta = metas.get(id);
    if (meta ? !listedAt(meta, level) : own) continue;
    const year = profileYear(all);
    const rows = rowsForYear(all, year);
    // the first row of each territory in that year, as territoryProfile's lookup finds it
    const first = new Map<string, number | null>();
    for (const r of rows) {
      const k = `${r.level}:${r.code}`;
      if (r.year === year && !first.has(k)) first.set(k, r.value);
    }
    const at = (lvl: string, c: string | null) => (c === null ? null : (first.get(`${lvl}:${c}`) ?? null));
    const table = levelTable(rows, territories, level, { year, kind: kindOf(meta), polarity: meta?.polarity ?? 0 });
    const italyValue = own ? null : at('italy', 'IT');
    for (const me of members) {
      const parent = parentLevel === null ? null : at(parentLevel, profileParentCode(me, parentLevel));
      out.get(me.code)?.push(profileRow(id, year, valueIn(table, me.code), !!meta, { parent, italy: italyValue }));
    }
  }
  return out;
}

/**
 * A territory's profile from two parts — the built-in indicators' rows written ahead and the imported indicators'
 * rows computed in the page — in the order territoryProfile gives (by indicator id).
 */
export function mergeProfiles<R extends { indicator: string }>(...parts: readonly (readonly R[])[]): R[] {
  return parts.flat().sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
