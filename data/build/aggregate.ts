/** Ratio-of-sums aggregation (never averaging rates). Pure. */
import type { IndicatorRow, Level, Part } from './types.ts';

/** Sum numerators and denominators of child parts into their parents (per year). Sorted by code, year. */
export function rollUp(parts: Part[], parentOf: (code: string) => string | undefined): Part[] {
  const acc = new Map<string, Part>();
  for (const p of parts) {
    const parent = parentOf(p.code);
    if (parent === undefined) throw new Error(`No parent for code ${p.code}`);
    const k = `${parent}|${p.year}`;
    const a = acc.get(k);
    if (a) {
      a.num += p.num;
      a.den += p.den;
    } else acc.set(k, { code: parent, year: p.year, num: p.num, den: p.den });
  }
  return sortParts([...acc.values()]);
}

export function sortParts(parts: Part[]): Part[] {
  return parts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year));
}

/** Rows value = num/den·scale. Parts with den ≤ 0 are skipped (no value), never written as 0. */
export function ratioRows(indicator: string, level: Level, parts: Part[], scale: number): IndicatorRow[] {
  return parts
    .filter((p) => p.den > 0)
    .map((p) => ({
      level,
      code: p.code,
      indicator,
      year: p.year,
      value: (p.num / p.den) * scale,
      numerator: p.num,
      denominator: p.den,
    }));
}

/** Rows for a count (value = num; numerator/denominator null). */
export function sumRows(indicator: string, level: Level, parts: Part[]): IndicatorRow[] {
  return parts.map((p) => ({
    level,
    code: p.code,
    indicator,
    year: p.year,
    value: p.num,
    numerator: null,
    denominator: null,
  }));
}

/** Build ratio rows for a base level and every coarser level given parent functions. */
export function ratioAllLevels(
  indicator: string,
  base: { level: Level; parts: Part[] },
  ups: { level: Level; parentOf: (code: string) => string | undefined }[],
  scale: number,
): IndicatorRow[] {
  const rows = ratioRows(indicator, base.level, sortParts([...base.parts]), scale);
  let cur = base.parts;
  for (const u of ups) {
    cur = rollUp(cur, u.parentOf);
    rows.push(...ratioRows(indicator, u.level, cur, scale));
  }
  return rows;
}

export function sumAllLevels(
  indicator: string,
  base: { level: Level; parts: Part[] },
  ups: { level: Level; parentOf: (code: string) => string | undefined }[],
): IndicatorRow[] {
  const rows = sumRows(indicator, base.level, sortParts([...base.parts]));
  let cur = base.parts;
  for (const u of ups) {
    cur = rollUp(cur, u.parentOf);
    rows.push(...sumRows(indicator, u.level, cur));
  }
  return rows;
}

/** Percentage-point change between two years of the same indicator, per (level, code). Written at `to` year. */
export function changeRows(rows: IndicatorRow[], indicator: string, from: number, to: number): IndicatorRow[] {
  const byKey = new Map<string, { a?: number; b?: number; level: Level; code: string }>();
  for (const r of rows) {
    const k = `${r.level}|${r.code}`;
    const e = byKey.get(k) ?? { level: r.level, code: r.code };
    if (r.year === from) e.a = r.value;
    if (r.year === to) e.b = r.value;
    byKey.set(k, e);
  }
  const out: IndicatorRow[] = [];
  for (const e of byKey.values())
    if (e.a !== undefined && e.b !== undefined)
      out.push({
        level: e.level,
        code: e.code,
        indicator,
        year: to,
        value: e.b - e.a,
        numerator: null,
        denominator: null,
      });
  return out;
}
