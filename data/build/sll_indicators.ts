/**
 * Indicators of the local labour systems, from their comuni's own values (pure).
 *
 * Only what adds up is carried up, and only where every member comune has a value for that year:
 *  - a count ('sum') is the sum of its comuni's counts;
 *  - a ratio ('ratio_of_sums') is Σ numerators ÷ Σ denominators × its scale — never a mean of the comuni's rates;
 *  - 'weighted_mean' is the mean of the comuni's values weighted by their denominators (e.g. minutes to the
 *    nearest pole weighted by population), where every member has a value and a weight;
 *  - 'none' (classes, values that do not add up) is not carried.
 * An SLL with a member comune missing gets no value for that indicator and year (missing, never a partial sum);
 * the report says how many SLL were left without one and why.
 */
import type { Aggregation } from '../../src/contract/index.ts';

export interface ComuneValue {
  code: string;
  indicator: string;
  year: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** An SLL's value: the same fields, `code` being the SLL's. */
export type SllValue = ComuneValue;

export interface SllAggregation {
  rows: SllValue[];
  /** per indicator and year: SLL left without a value because a member comune has none */
  incomplete: { indicator: string; year: number; sll: number; example: string }[];
}

export function aggregateToSll(
  rows: readonly ComuneValue[],
  sllOf: ReadonlyMap<string, string>,
  aggregationOf: (indicator: string) => Aggregation,
  scaleOf: (indicator: string) => number,
): SllAggregation {
  const members = new Map<string, string[]>();
  for (const [comune, sll] of sllOf) members.set(sll, [...(members.get(sll) ?? []), comune]);
  const groups = new Map<string, Map<string, ComuneValue>>();
  for (const r of rows) {
    const k = `${r.indicator}|${r.year}`;
    if (!groups.has(k)) groups.set(k, new Map());
    groups.get(k)!.set(r.code, r);
  }
  const out: SllValue[] = [];
  const incomplete: SllAggregation['incomplete'] = [];
  for (const [k, byComune] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [indicator, y] = k.split('|');
    const year = Number(y);
    const how = aggregationOf(indicator);
    if (how === 'none') continue;
    let left = 0;
    let example = '';
    for (const [sll, comuni] of [...members].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const vals = comuni.map((c) => byComune.get(c));
      const missing = comuni.filter((_, i) => !usable(vals[i], how));
      if (missing.length) {
        left++;
        example ||= `SLL ${sll}: ${missing.length} of ${comuni.length} comuni without a value (e.g. ${missing[0]})`;
        continue;
      }
      out.push({ code: sll, indicator, year, ...combine(vals as ComuneValue[], how, scaleOf(indicator)) });
    }
    if (left) incomplete.push({ indicator, year, sll: left, example });
  }
  return { rows: out, incomplete };
}

function usable(v: ComuneValue | undefined, how: Aggregation): boolean {
  if (!v || !Number.isFinite(v.value)) return false;
  const den = v.denominator !== null && v.denominator > 0;
  if (how === 'ratio_of_sums') return den && v.numerator !== null;
  if (how === 'weighted_mean') return den;
  return true;
}

function combine(
  vals: readonly ComuneValue[],
  how: Aggregation,
  scale: number,
): { value: number; numerator: number | null; denominator: number | null } {
  if (how === 'sum') return { value: vals.reduce((s, v) => s + v.value, 0), numerator: null, denominator: null };
  const den = vals.reduce((s, v) => s + v.denominator!, 0);
  if (how === 'ratio_of_sums') {
    const num = vals.reduce((s, v) => s + v.numerator!, 0);
    return { value: (num / den) * scale, numerator: num, denominator: den };
  }
  // stored like the other levels' weighted means: numerator = Σ value × weight, so value = numerator / denominator
  const num = vals.reduce((s, v) => s + v.value * v.denominator!, 0);
  return { value: num / den, numerator: num, denominator: den };
}
