/** Levenshtein distance with an early exit above `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** The `k` nearest strings of `pool` to `q` (ties: shorter distance, then pool order). */
export function nearest<T>(q: string, pool: readonly T[], norm: (t: T) => string, k = 3, max = 4): T[] {
  const scored: { t: T; d: number }[] = [];
  for (const t of pool) {
    const d = editDistance(q, norm(t), max);
    if (d <= max) scored.push({ t, d });
  }
  scored.sort((x, y) => x.d - y.d);
  return scored.slice(0, k).map((s) => s.t);
}
