/** Mean and POPULATION standard deviation (divides by n). */
export function meanSd(sorted: readonly number[]): { mean: number; sd: number } {
  const n = sorted.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) * (v - mean);
  return { mean, sd: Math.sqrt(ss / n) };
}

/**
 * Standard-deviation classes, each one σ wide, centred on the mean:
 *  - k even: thresholds at mean + j·σ, j = −(k/2 − 1) .. (k/2 − 1) (the mean is a threshold);
 *  - k odd:  thresholds at mean ± (j + ½)·σ, j = 0 .. (k − 3)/2 (the mean is the middle of a class).
 * The outermost classes are open-ended. Thresholds outside the data are later
 * dropped by `tidyBreaks`, so skewed data may give fewer classes.
 */
export function stddevBreaks(sorted: readonly number[], k: number): number[] {
  const { mean, sd } = meanSd(sorted);
  if (!(sd > 0) || k < 2) return [];
  const offsets: number[] = [];
  if (k % 2 === 0) {
    for (let j = -(k / 2 - 1); j <= k / 2 - 1; j++) offsets.push(j);
  } else {
    for (let j = (k - 3) / 2; j >= 0; j--) offsets.push(-(j + 0.5));
    for (let j = 0; j <= (k - 3) / 2; j++) offsets.push(j + 0.5);
  }
  return offsets.map((o) => mean + o * sd);
}
