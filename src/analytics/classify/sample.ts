/**
 * The usable part of a value list: finite numbers, sorted ascending.
 * `null`, `undefined`, NaN and ±Infinity are missing and counted in `noData`.
 */
export interface Sample {
  /** finite values, ascending */
  sorted: number[];
  /** number of missing entries */
  noData: number;
  /** number of distinct finite values */
  distinct: number;
}

export function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function sample(values: readonly (number | null | undefined)[]): Sample {
  const sorted: number[] = [];
  let noData = 0;
  for (const v of values) {
    if (isPresent(v)) sorted.push(v);
    else noData++;
  }
  sorted.sort((a, b) => a - b);
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  }
  return { sorted, noData, distinct };
}

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/** Requested class count clamped to 3..9 (non-integers are rounded). */
export function clampClasses(k: number): number {
  if (!Number.isFinite(k)) return MIN_CLASSES;
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));
}

/**
 * Tidy automatic breaks: keep only thresholds strictly inside (min, max]
 * and strictly ascending. A break ≤ min would leave the lowest class empty,
 * a break > max the highest; duplicates would make an empty class. Dropping
 * them is why a classification may have fewer classes than requested.
 */
export function tidyBreaks(breaks: readonly number[], min: number, max: number): number[] {
  const out: number[] = [];
  for (const b of [...breaks].sort((x, y) => x - y)) {
    if (!Number.isFinite(b) || b <= min || b > max) continue;
    if (out.length > 0 && b === out[out.length - 1]) continue;
    out.push(b);
  }
  return out;
}
