/**
 * Normalisation of one indicator over the territories, polarity applied so that HIGHER = BETTER
 * afterwards. NaN (missing) in → NaN out; statistics use the non-missing values only.
 *
 * - minmax: 100·(x − min)/(max − min); polarity −1: 100·(max − x)/(max − min). A constant indicator
 *   (max = min) gives 50 to everyone: it carries no information, and NaN would wrongly count it as
 *   missing.
 * - zscore: polarity·(x − mean)/sd with the SAMPLE standard deviation (n − 1), as COINr's n_zscore;
 *   0 when sd = 0 or fewer than 2 values. Unbounded, centred on 0.
 * - percentile: mid-rank percentile 100·(#worse + ½·#equal)/n (as rank.ts percentileRank), in (0, 100).
 * - distance_to_ref: Italy = 100. Two forms, chosen per indicator (distanceForm):
 *   ratio (the OECD Handbook's ratio to a reference), linear in x: 100·(1 + polarity·(x − ref)/|ref|),
 *     i.e. 100·x/ref for polarity +1, and 100·(2 − x/ref) for −1. We do not use 100·ref/x for −1: it
 *     is undefined at x = 0, non-linear, and reverses the order when x changes sign.
 *   difference, for an indicator that is not a positive level: its reference is ≤ 0, or some value
 *     is negative (a gap, a change: a ratio to the reference means nothing when x changes sign), or
 *     the reference is small against the spread (ref < sd, coefficient of variation above 1):
 *     100 + 10·polarity·(x − ref)/sd, with sd the sample standard deviation (as zscore). A ratio to a reference near 0 explodes (a change of
 *     −3 points as the reference gave −372…778 and dominated the index) and has no meaning for a
 *     negative one; the scaled difference keeps "100 = Italy" and 10 points per standard deviation.
 *     sd = 0 → 100 for everyone.
 *   Missing reference → NaN.
 */
import type { Normalisation } from './config';
import { radixOrder, rankScratch } from './ranking';

export type Polarity = 1 | -1;

function alloc(n: number, out?: Float64Array): Float64Array {
  return out ?? new Float64Array(n);
}

export function minmax(x: ArrayLike<number>, polarity: Polarity, out?: Float64Array): Float64Array {
  const res = alloc(x.length, out);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) res[i] = NaN;
    else if (!(range > 0)) res[i] = 50;
    else res[i] = polarity === 1 ? (100 * (v - min)) / range : (100 * (max - v)) / range;
  }
  return res;
}

export function zscore(x: ArrayLike<number>, polarity: Polarity, out?: Float64Array): Float64Array {
  const res = alloc(x.length, out);
  const { mean, sd } = meanSd(x);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    res[i] = v !== v ? NaN : sd > 0 ? (polarity * (v - mean)) / sd : 0;
  }
  return res;
}

export function percentile(x: ArrayLike<number>, polarity: Polarity, out?: Float64Array): Float64Array {
  const res = alloc(x.length, out);
  res.fill(NaN);
  const s = rankScratch(x.length);
  const n = radixOrder(x, s);
  const idx = s.idx;
  // walk the groups of equal values in ascending order: a group at positions a..a+e−1 has a values
  // below it and e equal, so n − a − e above
  for (let a = 0; a < n;) {
    const v = x[idx[a]];
    let e = 1;
    while (a + e < n && x[idx[a + e]] === v) e++;
    const worse = polarity === 1 ? a : n - a - e;
    const p = (100 * (worse + 0.5 * e)) / n;
    for (let t = a; t < a + e; t++) res[idx[t]] = p;
    a += e;
  }
  return res;
}

/** Mean and sample standard deviation (n − 1) of the non-missing values: mean NaN with none, sd 0 with fewer than 2. */
function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++)
    if (x[i] === x[i]) {
      n++;
      sum += x[i];
    }
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) ss += (x[i] - mean) * (x[i] - mean);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/** Sample standard deviation (n − 1) of the non-missing values; 0 with fewer than 2. */
export function sampleSd(x: ArrayLike<number>): number {
  return meanSd(x).sd;
}

export type DistanceForm = 'ratio' | 'difference';
/** ref below this many standard deviations → the scaled difference (see the file comment). */
export const RATIO_MIN_REF_SDS = 1;
/** Points per standard deviation in the scaled-difference form. */
export const DIFFERENCE_POINTS_PER_SD = 10;

/** Which form of distance_to_ref an indicator gets: 'ratio' when ref > 0, no value < 0 and ref ≥ sd. */
export function distanceForm(x: ArrayLike<number>, ref: number): DistanceForm {
  for (let i = 0; i < x.length; i++) if (x[i] < 0) return 'difference';
  return ref > 0 && ref >= RATIO_MIN_REF_SDS * sampleSd(x) ? 'ratio' : 'difference';
}

export function distanceToRef(x: ArrayLike<number>, polarity: Polarity, ref: number, out?: Float64Array): Float64Array {
  const res = alloc(x.length, out);
  const ok = ref === ref && Number.isFinite(ref);
  const form = ok ? distanceForm(x, ref) : 'ratio';
  const sd = sampleSd(x);
  const a = Math.abs(ref);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!ok || v !== v) res[i] = NaN;
    else if (form === 'ratio') res[i] = 100 * (1 + (polarity * (v - ref)) / a);
    else res[i] = sd > 0 ? 100 + (DIFFERENCE_POINTS_PER_SD * polarity * (v - ref)) / sd : 100;
  }
  return res;
}

export function normalise(
  method: Normalisation,
  x: ArrayLike<number>,
  polarity: Polarity,
  ref: number,
  out?: Float64Array,
): Float64Array {
  switch (method) {
    case 'minmax':
      return minmax(x, polarity, out);
    case 'zscore':
      return zscore(x, polarity, out);
    case 'percentile':
      return percentile(x, polarity, out);
    case 'distance_to_ref':
      return distanceToRef(x, polarity, ref, out);
  }
}
