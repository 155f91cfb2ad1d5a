/**
 * The bivariate 3 × 3 classes: terciles of x (employability coefficient) and of y (coverage, oriented so that
 * higher = better), and Cynthia Brewer's blue × orange sequential–sequential scheme (Brewer 1994; "BlueOr"
 * family: the blue–orange hue pair stays distinct for the common red–green colour-vision deficiencies,
 * checked by simulation in tests/priority/bivariate.test.ts).
 */

/** Brewer seq–seq blue × orange, index = xClass + 3 · yClass (0 = low); x → blue, y → orange. */
export const BIVARIATE_PALETTE: readonly string[] = [
  '#f3f3f3',
  '#b4d3e1',
  '#509dc2',
  '#f3e6b3',
  '#b3b3b3',
  '#376387',
  '#f3b300',
  '#b36600',
  '#000000',
];

/** Quantile of sorted values, linear interpolation between order statistics (R type 7, d3.quantileSorted). */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (!n) return null;
  if (n === 1) return sorted[0];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The two cut points (1/3 and 2/3 quantiles) of the finite values; null when there are none. */
export function tercileBreaks(values: Iterable<number | null>): [number, number] | null {
  const v: number[] = [];
  for (const x of values) if (typeof x === 'number' && Number.isFinite(x)) v.push(x);
  if (!v.length) return null;
  v.sort((a, b) => a - b);
  return [quantileSorted(v, 1 / 3) as number, quantileSorted(v, 2 / 3) as number];
}

/** 0 (low), 1, 2 (high): a value equal to a break goes to the lower class. */
export function tercile(v: number, breaks: readonly [number, number]): 0 | 1 | 2 {
  return v <= breaks[0] ? 0 : v <= breaks[1] ? 1 : 2;
}

/** Class index 0–8 (= xClass + 3 · yClass) of a territory; y must already be oriented (higher = better). */
export function bivariateClass(
  x: number,
  y: number,
  xBreaks: readonly [number, number],
  yBreaks: readonly [number, number],
): number {
  return tercile(x, xBreaks) + 3 * tercile(y, yBreaks);
}
