/**
 * Seeded random numbers for Monte Carlo (never the unseeded global generator in src/analytics).
 *
 * Generator: sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, passes
 * PractRand; the one recommended over mulberry32 whose 32-bit state repeats after 2^32 calls). The
 * 32-bit seed is spread over the four state words with splitmix32, then 12 outputs are discarded.
 * Uniforms are in the OPEN interval (0, 1): (u32 + 0.5) / 2^32, so log(u) is always finite.
 */
export type Random = () => number;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** A uniform generator on (0, 1), fixed by `seed` (any number; only its low 32 bits count). */
export function createRng(seed: number): Random {
  const sm = splitmix32(Number.isFinite(seed) ? Math.trunc(seed) : 0);
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return ((t >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Standard normal draw (Marsaglia polar method; the second value of each pair is discarded). */
export function normal(random: Random): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * Gamma(shape, 1) draw: Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
 * For shape < 1: Gamma(shape + 1) · U^(1/shape). shape ≤ 0 or not finite gives NaN.
 */
export function gamma(random: Random, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) return NaN;
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Dirichlet(alphas) draw, written into `out` (allocated when absent): normalised Gamma(α_j) draws.
 * α_j ≤ 0 gives a 0 component (and draws nothing, so zero weights stay zero). If every gamma draw
 * underflows to 0 (only for tiny α), the mean α / Σα is returned instead.
 */
export function dirichlet(random: Random, alphas: ArrayLike<number>, out?: Float64Array): Float64Array {
  const k = alphas.length;
  const res = out ?? new Float64Array(k);
  let sum = 0;
  let asum = 0;
  for (let j = 0; j < k; j++) {
    const a = alphas[j];
    const g = a > 0 ? gamma(random, a) : 0;
    res[j] = g;
    sum += g;
    if (a > 0) asum += a;
  }
  if (sum > 0 && Number.isFinite(sum)) {
    for (let j = 0; j < k; j++) res[j] /= sum;
  } else {
    for (let j = 0; j < k; j++) res[j] = alphas[j] > 0 ? alphas[j] / asum : 0;
  }
  return res;
}
