/**
 * Competition ranks of scores, higher = better: 1 = best, ties share the minimum rank (1, 2, 2, 4),
 * 0 = not scored (NaN). rank_i = 1 + #{scores > s_i}: a native numeric sort of the scores and a
 * binary search per territory (no comparator callback: fast enough for 1,000 Monte Carlo draws).
 */
export function rankScores(scores: ArrayLike<number>, out?: Int32Array, sortedScratch?: Float64Array): Int32Array {
  const n = scores.length;
  const res = out ?? new Int32Array(n);
  let m = 0;
  const buf = sortedScratch && sortedScratch.length >= n ? sortedScratch : new Float64Array(n);
  for (let i = 0; i < n; i++) if (scores[i] === scores[i]) buf[m++] = scores[i];
  const sorted = buf.subarray(0, m).sort();
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (s !== s) {
      res[i] = 0;
      continue;
    }
    // count of values ≤ s, then rank = 1 + (m − count)
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= s) lo = mid + 1;
      else hi = mid;
    }
    res[i] = 1 + m - lo;
  }
  return res;
}
