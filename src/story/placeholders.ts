/**
 * Placeholders in captions, filled from the data at run time, so that every number a story shows
 * comes from the data files (with its source listed under the slide):
 *   {value:IND:LEVEL:CODE[:YEAR]}  the value with its unit (⚑ when inherited, as on the map)
 *   {rank:IND:LEVEL:CODE}          rank among the territories of the level ("3rd of 107")
 *   {name:LEVEL:CODE}              the territory's name
 *   {max:IND:LEVEL} / {min:IND:LEVEL}  the territory with the highest / lowest value, with the value
 *   {year:IND}                     the latest year of the indicator
 * LEVEL is italy, region, province or comune (Italy's code is IT). Anything unknown shows as "[?]" and
 * is reported as a problem.
 */
import { formatValue, formatInt, missingLabel, type Lang } from '../analytics/format';
import type { IndicatorMeta } from '../analytics/catalogue';
import type { Rank } from '../analytics/rank';
import { LEVELS as CONTRACT_LEVELS, OWN_LEVELS } from '../contract';

export interface Lookup {
  meta(id: string): IndicatorMeta | undefined;
  name(level: string, code: string): string | undefined;
  /** value as the map shows it at the level (null: missing) */
  value(
    id: string,
    level: string,
    code: string,
    year?: number,
  ): { value: number | null; inherited: boolean; year: number | null } | undefined;
  rank(id: string, level: string, code: string): Rank | undefined;
  /** the territories of the level with a value, for max/min */
  extreme(id: string, level: string, which: 'max' | 'min'): { code: string; value: number } | undefined;
  latestYear(id: string): number | null;
}

export interface Filled {
  text: string;
  /** indicator ids the numbers came from */
  indicators: string[];
  problems: string[];
}

// Italy's levels and the levels of their own (Europe's NUTS2 regions: {value:IND:nuts2:ITF6})
const LEVELS = new Set<string>([...CONTRACT_LEVELS, ...OWN_LEVELS]);

export function ordinal(n: number, lang: Lang): string {
  if (lang === 'it') return `${n}°`;
  const t = n % 100;
  const s = t >= 11 && t <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${s}`;
}

export function fill(text: string, lookup: Lookup, lang: Lang): Filled {
  const indicators = new Set<string>();
  const problems: string[] = [];
  const fmt = (m: IndicatorMeta, v: number | null) =>
    v === null
      ? missingLabel(lang)
      : m.decimals === 0
        ? `${formatInt(v, lang)} ${m.unit[lang]}`
        : formatValue(v, { decimals: m.decimals, unit: m.unit[lang], lang });
  const out = text.replace(/\{([a-z]+):([A-Za-z0-9_:]+)\}/g, (whole, kind: string, rest: string) => {
    const a = rest.split(':');
    const bad = () => {
      problems.push(`${whole}: not understood`);
      return '[?]';
    };
    if (kind === 'name') {
      if (a.length !== 2 || !LEVELS.has(a[0])) return bad();
      return lookup.name(a[0], a[1]) ?? bad();
    }
    const m = lookup.meta(a[0]);
    if (!m) return bad();
    if (kind === 'year') {
      if (a.length !== 1) return bad();
      indicators.add(m.id);
      return String(lookup.latestYear(m.id) ?? missingLabel(lang));
    }
    if (!LEVELS.has(a[1] ?? '')) return bad();
    if (kind === 'value') {
      if (a.length < 3 || a.length > 4) return bad();
      const year = a[3] !== undefined ? Number(a[3]) : undefined;
      if (year !== undefined && !Number.isInteger(year)) return bad();
      const v = lookup.value(m.id, a[1], a[2], year);
      if (!v) return bad();
      indicators.add(m.id);
      return fmt(m, v.value) + (v.inherited ? ' ⚑' : '');
    }
    if (kind === 'rank') {
      if (a.length !== 3) return bad();
      indicators.add(m.id);
      const r = lookup.rank(m.id, a[1], a[2]);
      if (!r) return missingLabel(lang);
      return lang === 'it' ? `${ordinal(r.rank, lang)} su ${r.of}` : `${ordinal(r.rank, lang)} of ${r.of}`;
    }
    if (kind === 'max' || kind === 'min') {
      if (a.length !== 2) return bad();
      const e = lookup.extreme(m.id, a[1], kind);
      indicators.add(m.id);
      if (!e) return missingLabel(lang);
      return `${lookup.name(a[1], e.code) ?? e.code} (${fmt(m, e.value)})`;
    }
    return bad();
  });
  return { text: out, indicators: [...indicators], problems };
}
