/**
 * Winsorising: values below the p-th / above the q-th percentile are set to those percentiles.
 * Percentiles by linear interpolation between order statistics (R's type 7, the default of R's
 * quantile() and so of COINr): h = (n − 1)·p, Q = x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_(⌊h⌋)), 0-based.
 * NaN (missing) stays NaN and is not counted.
 */

/** Sorted copy of the non-missing values. */
export function sortedPresent(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i];
  return out.sort();
}

/** Type-7 quantile of sorted values, p in [0, 1]; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function winsorise(values: ArrayLike<number>, lower: number, upper: number, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(values.length);
  const sorted = sortedPresent(values);
  const lo = quantileSorted(sorted, lower);
  const hi = quantileSorted(sorted, upper);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    res[i] = v !== v ? NaN : v < lo ? lo : v > hi ? hi : v;
  }
  return res;
}
