/**
 * Ranks of territories on one indicator.
 * polarity 1 (higher is better) and 0 (no polarity; ranked as 1): the highest value is rank 1;
 * polarity −1 (lower is better): the lowest value is rank 1.
 */
export type Polarity = 1 | -1 | 0;

export interface Rank {
  /** 1 = best; ties share the minimum rank ("competition" ranking: 1, 2, 2, 4) */
  rank: number;
  /** number of ranked (non-missing) territories */
  of: number;
}

const present = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function oriented(values: ReadonlyMap<string, number | null>, polarity: Polarity): [string, number][] {
  const sign = polarity === -1 ? -1 : 1;
  const out: [string, number][] = [];
  for (const [code, v] of values) if (present(v)) out.push([code, sign * v]);
  return out;
}

/**
 * Rank every code with a value; missing values (null, NaN, ±Infinity) get no
 * entry in the result, so `result.get(code)` is undefined for them.
 */
export function rankAmong(values: ReadonlyMap<string, number | null>, polarity: Polarity): Map<string, Rank> {
  const list = oriented(values, polarity).sort((a, b) => b[1] - a[1]);
  const of = list.length;
  const out = new Map<string, Rank>();
  let rank = 1;
  list.forEach(([code, v], i) => {
    if (i > 0 && v !== list[i - 1][1]) rank = i + 1;
    out.set(code, { rank, of });
  });
  return out;
}

/**
 * Percentile rank of `x` among `values` (missing ignored), mid-rank definition:
 * 100 · (#below + ½·#equal) / n. Null when x is missing or there are no values.
 */
export function percentileRank(values: readonly (number | null)[], x: number | null): number | null {
  if (!present(x)) return null;
  let n = 0;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (!present(v)) continue;
    n++;
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return n === 0 ? null : (100 * (below + 0.5 * equal)) / n;
}

/**
 * Percentile rank (0..100, mid-rank) of every code with a value, oriented so
 * that higher is better (for polarity −1 the lowest value scores highest).
 * Missing values get no entry.
 */
export function percentileRanks(values: ReadonlyMap<string, number | null>, polarity: Polarity): Map<string, number> {
  const list = oriented(values, polarity);
  const sorted = list.map(([, v]) => v).sort((a, b) => a - b);
  const n = sorted.length;
  const lowerBound = (x: number, strict: boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = new Map<string, number>();
  for (const [code, v] of list) {
    const below = lowerBound(v, true);
    const equal = lowerBound(v, false) - below;
    out.set(code, (100 * (below + 0.5 * equal)) / n);
  }
  return out;
}
