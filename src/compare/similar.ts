/**
 * Similar territories: the k nearest to a territory in standardised indicator space.
 * Indicators: those measured at the level itself (own values for at least half of its territories,
 * the same rule as inheritance) and not counts of people (aggregation 'sum': population, foreign
 * residents — they measure size, not conditions). Each indicator is turned into z-scores over the
 * territories of the level; the distance is the root mean square difference over the indicators both
 * territories have, and needs at least half of the indicators in common.
 */
import { latestYearIn, rowsForYear } from '../analytics/rowView';
import { INHERIT_BELOW_COVERAGE } from '../analytics/inheritance';
import type { IndicatorMeta, IndicatorRow, Territory } from '../analytics/catalogue';
import type { Level } from '../state/url';

export interface UsedIndicator {
  id: string;
  year: number;
  /** territories of the level with a value */
  count: number;
  mean: number;
  sd: number;
}

export interface Neighbour {
  code: string;
  distance: number;
  /** indicators compared */
  shared: number;
}

export interface SimilarResult {
  used: UsedIndicator[];
  /** indicators left out, with why */
  skipped: { id: string; reason: 'count' | 'not-measured' | 'constant' }[];
  neighbours: Neighbour[];
  /** indicators the base territory has a value for */
  baseShared: number;
}

export function similarTerritories(
  catalogue: readonly IndicatorMeta[],
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  level: Level,
  code: string,
  k = 5,
): SimilarResult {
  const codes = territories.filter((t) => t.level === level).map((t) => t.code);
  const pos = new Map(codes.map((c, i) => [c, i]));
  const used: UsedIndicator[] = [];
  const skipped: SimilarResult['skipped'] = [];
  const columns: Float64Array[] = [];
  for (const meta of catalogue) {
    if (meta.aggregation === 'sum') {
      skipped.push({ id: meta.id, reason: 'count' });
      continue;
    }
    // the latest year at the level, its rows only (an imported indicator makes no other year's)
    const all = rowsByIndicator.get(meta.id) ?? [];
    const year = latestYearIn(all, level);
    const rows = rowsForYear(all, year);
    const col = new Float64Array(codes.length).fill(NaN);
    let n = 0;
    let sum = 0;
    for (const r of rows) {
      if (r.level !== level || r.year !== year || r.value === null || !Number.isFinite(r.value)) continue;
      const i = pos.get(r.code);
      if (i === undefined) continue;
      col[i] = r.value;
      n++;
      sum += r.value;
    }
    if (year === null || n < INHERIT_BELOW_COVERAGE * codes.length) {
      skipped.push({ id: meta.id, reason: 'not-measured' });
      continue;
    }
    const mean = sum / n;
    let ss = 0;
    for (const v of col) if (v === v) ss += (v - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    if (!(sd > 0)) {
      skipped.push({ id: meta.id, reason: 'constant' });
      continue;
    }
    for (let i = 0; i < col.length; i++) if (col[i] === col[i]) col[i] = (col[i] - mean) / sd;
    columns.push(col);
    used.push({ id: meta.id, year, count: n, mean, sd });
  }
  const b = pos.get(code);
  if (b === undefined || columns.length === 0) return { used, skipped, neighbours: [], baseShared: 0 };
  const baseShared = columns.filter((c) => c[b] === c[b]).length;
  const need = Math.max(1, Math.ceil(columns.length / 2));
  const out: Neighbour[] = [];
  for (let i = 0; i < codes.length; i++) {
    if (i === b) continue;
    let s = 0;
    let m = 0;
    for (const c of columns) {
      const d = c[i] - c[b];
      if (d === d) {
        s += d * d;
        m++;
      }
    }
    if (m >= need) out.push({ code: codes[i], distance: Math.sqrt(s / m), shared: m });
  }
  out.sort((x, y) => x.distance - y.distance || (x.code < y.code ? -1 : 1));
  return { used, skipped, neighbours: out.slice(0, k), baseShared };
}
