/**
 * Quantile of an ascending array, linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and numpy):
 *   h = (n − 1)·p,  Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])   (0-based x).
 * Deterministic and independent of input order once sorted.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const frac = h - i;
  if (frac === 0 || i + 1 >= n) return sorted[i];
  return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

/** Raw quantile thresholds Q(i/k), i = 1..k−1, of an ascending array. */
export function quantileBreaks(sorted: readonly number[], k: number): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) breaks.push(quantileSorted(sorted, i / k));
  return breaks;
}
