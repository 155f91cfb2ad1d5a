/**
 * Competition ranks of scores, higher = better: 1 = best, ties share the minimum rank (1, 2, 2, 4),
 * 0 = not scored (NaN); rank_i = 1 + #{scores > s_i}.
 *
 * Sorting is an LSD radix sort of the IEEE-754 bit patterns (8-bit digits, passes where every key has
 * the same digit skipped), O(n) per call: the Monte Carlo ranks 7,900 comuni 1,000 times, and a
 * comparison sort (or even the native typed-array sort) costs several times more. Exact: equal
 * doubles give equal keys (−0 is first turned into +0).
 */
export interface RankScratch {
  lo: Uint32Array;
  hi: Uint32Array;
  idx: Uint32Array;
  tmp: Uint32Array;
  count: Uint32Array;
}

export function rankScratch(n: number): RankScratch {
  return {
    lo: new Uint32Array(n),
    hi: new Uint32Array(n),
    idx: new Uint32Array(n),
    tmp: new Uint32Array(n),
    count: new Uint32Array(256),
  };
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// little-endian hosts keep the low word first (all current JS engines' platforms)
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

/** Writes into scratch.idx the indices of the non-NaN values in ascending order; returns how many. */
export function radixOrder(scores: ArrayLike<number>, s: RankScratch): number {
  const n = scores.length;
  const { lo, hi } = s;
  let idx = s.idx;
  let tmp = s.tmp;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    if (v !== v) continue;
    f64[0] = v + 0; // −0 → +0
    let h = u32[HI];
    let l = u32[LO];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[i] = l;
    hi[i] = h;
    idx[m++] = i;
  }
  const count = s.count;
  for (let pass = 0; pass < 8; pass++) {
    const keys = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    count.fill(0);
    for (let k = 0; k < m; k++) count[(keys[idx[k]] >>> shift) & 255]++;
    let skip = false;
    for (let b = 0; b < 256; b++) {
      if (count[b] === m) skip = true;
      if (count[b] !== 0) break;
    }
    if (skip) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < m; k++) {
      const i = idx[k];
      tmp[count[(keys[i] >>> shift) & 255]++] = i;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  if (idx !== s.idx) s.idx.set(idx.subarray(0, m));
  return m;
}

export function rankScores(scores: ArrayLike<number>, out?: Int32Array, scratch?: RankScratch): Int32Array {
  const n = scores.length;
  const res = out ?? new Int32Array(n);
  const s = scratch && scratch.idx.length >= n ? scratch : rankScratch(n);
  for (let i = 0; i < n; i++) res[i] = 0;
  const m = radixOrder(scores, s);
  const idx = s.idx;
  let rank = 0;
  let prev = NaN;
  for (let t = 0; t < m; t++) {
    const i = idx[m - 1 - t];
    const v = scores[i];
    if (t === 0 || v !== prev) rank = t + 1;
    res[i] = rank;
    prev = v;
  }
  return res;
}
