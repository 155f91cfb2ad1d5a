/**
 * The key figures of a territory profile: every indicator of the catalogue for the territory (as the
 * map shows it at its level, inherited values marked), beside its province (for a comune), its region
 * and Italy (their own values), with year, source and date.
 */
import { levelTable } from '../compare/values';
import type { LevelValue } from '../analytics/levels';
import { latestYearIn, rowsForYear } from '../analytics/rowView';
import { kindOf, listedAt, type IndicatorMeta, type IndicatorRow, type Territory } from '../analytics/catalogue';
import type { Rank } from '../analytics/rank';
import type { Level } from '../state/url';

export interface KeyFigure {
  meta: IndicatorMeta;
  year: number | null;
  own: LevelValue;
  /** a count or class not measured at this level ("not available at this level", never a parent's value) */
  notAtLevel: boolean;
  rank: Rank | null;
  /** the same indicator for the parents: province (comuni only), region (not for regions), Italy */
  parents: { level: 'province' | 'region' | 'italy'; code: string; value: number | null }[];
}

export function parentsOf(t: Territory): { level: 'province' | 'region' | 'italy'; code: string }[] {
  const out: { level: 'province' | 'region' | 'italy'; code: string }[] = [];
  if (t.level === 'comune' && t.province_code) out.push({ level: 'province', code: t.province_code });
  if ((t.level === 'comune' || t.level === 'province') && t.region_code)
    out.push({ level: 'region', code: t.region_code });
  out.push({ level: 'italy', code: 'IT' });
  return out;
}

export function keyFigures(
  catalogue: readonly IndicatorMeta[],
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  t: Territory,
): KeyFigure[] {
  const level = t.level as Level;
  // a European region (nuts2): its own figures only, beside no Italian parent
  const european = t.level === 'nuts2';
  const parents = european ? [] : parentsOf(t);
  return catalogue
    .filter((m) => listedAt(m, level))
    .map((meta) => {
      // the latest year's rows only (an imported indicator makes no other year's)
      const all = rowsByIndicator.get(meta.id) ?? [];
      const year = latestYearIn(all);
      const rows = rowsForYear(all, year);
      const tab = levelTable(rows, territories, level, meta.polarity, year, kindOf(meta));
      const own = tab.values.get(t.code) ?? { code: t.code, value: null, sourceLevel: null, inherited: false };
      const p = parents.map((x) => {
        const r = rows.find((row) => row.level === x.level && row.code === x.code && row.year === year);
        return { ...x, value: r?.value ?? null };
      });
      return {
        meta,
        year,
        own,
        notAtLevel: tab.notAtLevel,
        rank: own.inherited ? null : (tab.ranks.get(t.code) ?? null),
        parents: p,
      };
    });
}

/** Every distinct source of the catalogue with its reference date and licence, in catalogue order. */
export function sourcesOf(
  catalogue: readonly IndicatorMeta[],
  lang: 'it' | 'en',
): { source: string; date: string; licence: string; indicators: string[] }[] {
  const out = new Map<string, { source: string; date: string; licence: string; indicators: string[] }>();
  for (const m of catalogue) {
    const key = `${m.source[lang]}|${m.reference_date}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { source: m.source[lang], date: m.reference_date, licence: m.licence, indicators: [] }));
    e.indicators.push(m.label[lang]);
  }
  return [...out.values()];
}
