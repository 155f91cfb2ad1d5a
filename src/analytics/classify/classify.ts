import { ckmeansBreaks } from './ckmeans';
import { classCounts } from './classIndex';
import { equalBreaks } from './equal';
import { validateManualBreaks } from './manual';
import { quantileBreaks } from './quantile';
import { clampClasses, sample, tidyBreaks } from './sample';
import { stddevBreaks } from './stddev';

export type ClassifyMethod = 'quantile' | 'equal' | 'ckmeans' | 'stddev' | 'manual';

export const CLASSIFY_METHODS: readonly ClassifyMethod[] = ['quantile', 'equal', 'ckmeans', 'stddev', 'manual'];

export interface Classification {
  method: ClassifyMethod;
  /** number of classes actually produced = breaks.length + 1 (0 when there is no data) */
  k: number;
  /** inner thresholds, strictly ascending; a value equal to a break belongs to the upper class */
  breaks: number[];
  /** smallest / largest non-missing value; null when every value is missing */
  min: number | null;
  max: number | null;
  /** values per class, length k */
  counts: number[];
  /** number of missing values (null, NaN, ±Infinity) */
  noData: number;
}

/**
 * Classify values for a choropleth.
 *
 * - Missing values (null, undefined, NaN, ±Infinity) are ignored and counted in `noData`.
 * - `k` is clamped to 3..9. Automatic methods then use at most as many classes
 *   as there are distinct values, and drop thresholds that would leave a class
 *   empty (≤ min, > max, or repeated) — so `result.k` may be smaller than asked
 *   (1 class when all values are equal, 0 when there is no data).
 * - `manual` ignores `k`: 2..8 strictly ascending finite thresholds are required
 *   (an Error otherwise) and used as given, so classes may be empty.
 * - quantile: type-7 quantiles (see quantileSorted); equal: equal widths over
 *   [min, max]; ckmeans: simple-statistics ckmeans; stddev: one-σ classes
 *   around the mean (population σ).
 */
export function classify(
  values: readonly (number | null | undefined)[],
  method: ClassifyMethod,
  k: number,
  manualBreaks?: readonly number[],
): Classification {
  const manual = method === 'manual' ? validateManualBreaks(manualBreaks) : null;
  const { sorted, noData, distinct } = sample(values);
  const n = sorted.length;
  const min = n > 0 ? sorted[0] : null;
  const max = n > 0 ? sorted[n - 1] : null;

  let breaks: number[];
  if (manual) {
    breaks = manual;
  } else if (min === null || max === null) {
    return { method, k: 0, breaks: [], min, max, counts: [], noData };
  } else {
    const kk = Math.min(clampClasses(k), distinct);
    let raw: number[];
    switch (method) {
      case 'quantile':
        raw = quantileBreaks(sorted, kk);
        break;
      case 'equal':
        raw = equalBreaks(min, max, kk);
        break;
      case 'ckmeans':
        raw = ckmeansBreaks(sorted, kk);
        break;
      case 'stddev':
        raw = stddevBreaks(sorted, kk);
        break;
      default:
        throw new Error(`Unknown classification method: ${String(method)}`);
    }
    breaks = tidyBreaks(raw, min, max);
  }
  return { method, k: breaks.length + 1, breaks, min, max, counts: classCounts(sorted, breaks), noData };
}
