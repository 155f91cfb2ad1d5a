import { isPresent } from './sample';

/**
 * Class of `value` given ascending inner thresholds `breaks`:
 * class i holds breaks[i-1] <= value < breaks[i] (class 0 is below breaks[0],
 * the last class is >= the last break). A value EQUAL to a break goes to the
 * upper class. Missing values (null, undefined, NaN, ±Infinity) give null.
 * Result is in 0..breaks.length.
 */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (!isPresent(value)) return null;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values per class (missing values are not counted). */
export function classCounts(values: readonly (number | null | undefined)[], breaks: readonly number[]): number[] {
  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const v of values) {
    const c = classIndex(v, breaks);
    if (c !== null) counts[c]++;
  }
  return counts;
}
