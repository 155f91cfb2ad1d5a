// Over 300 lines: Saltelli's sampling and the Sobol estimators with their bootstrap, each with its formula.
/**
 * Variance-based sensitivity analysis: Sobol first-order and total indices from a Saltelli design
 * (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Comput. Phys.
 * Commun. 181; the estimators COINr's get_sensitivity uses, docs/references):
 *
 *   A, B: two N × d matrices of independent uniforms on (0, 1) (seeded, rng.ts);
 *   AB_i: A with its column i taken from B;  y = f(row) for A, B and every AB_i → N(d + 2) runs.
 *   V = variance of y over the 2N runs of A and B (population form)
 *   S_i  = (1/N) Σ y_B·(y_ABi − y_A) / V                       (first order, Saltelli 2010)
 *   ST_i = (1/2N) Σ (y_A − y_ABi)² / V                         (total, Jansen 1999)
 *
 * Intervals: bootstrap over the N rows (resampled with replacement, seeded), percentile 5–95 %.
 * A factor can be continuous or a choice among L alternatives (u → ⌊u·L⌋): the estimators only
 * need independent factors.
 *
 * The model may have many outputs (here: the rank of every territory and one summary of the whole
 * ranking). Sums are accumulated per output as the rows come in (memory O(outputs × d)); the runs
 * themselves are kept only for the outputs listed in `keep`, which get bootstrap intervals.
 *
 * `bruteForceSobol` is the naive reference (no reuse of runs): nested Monte Carlo, for each factor
 * S_i = Var_{x_i}(E[y | x_i]) / V and ST_i = E_{x~i}[Var(y | x~i)] / V, with outer × inner fresh
 * runs per factor and index (2·d·outer·inner runs). Used by the benchmark and as a check.
 */
import { createRng, type Random } from '../../rng';
import { stepped, type SteppedRun } from '../stepped';

/** The model: the factor values x (d uniforms in (0, 1)) → outputs written into `out`. */
export type Model = (x: Float64Array, out: Float64Array) => void;

export interface SobolOptions {
  /** base sample size N (runs = N·(d + 2)) */
  n: number;
  seed: number;
  /** outputs with bootstrap intervals (their runs are kept) */
  keep?: readonly number[];
  /** bootstrap resamples (default 500; 0 = no intervals) */
  bootstrap?: number;
}

export interface SobolIndices {
  /** per factor */
  first: Float64Array;
  total: Float64Array;
  /** variance of the output (0 = the output never moves: indices NaN) */
  variance: number;
  mean: number;
}

export interface SobolInterval {
  firstLo: Float64Array;
  firstHi: Float64Array;
  totalLo: Float64Array;
  totalHi: Float64Array;
}

export interface SobolResult {
  d: number;
  n: number;
  seed: number;
  runs: number;
  /** per output */
  indices: SobolIndices[];
  /** per kept output (same order as options.keep) */
  intervals: SobolInterval[];
}

/** A step evaluates one base row (d + 2 runs). */
export type SobolRun = SteppedRun<SobolResult>;

/** Indices from the runs of one output: yA, yB (N each) and yAB[i] (N each). */
export function sobolFromRuns(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
  rows?: ArrayLike<number>,
): SobolIndices {
  const d = yAB.length;
  const N = rows ? rows.length : yA.length;
  let s = 0;
  let s2 = 0;
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  for (let t = 0; t < N; t++) {
    const r = rows ? rows[t] : t;
    const a = yA[r];
    const b = yB[r];
    s += a + b;
    s2 += a * a + b * b;
    for (let i = 0; i < d; i++) {
      const ab = yAB[i][r];
      first[i] += b * (ab - a);
      total[i] += (a - ab) * (a - ab);
    }
  }
  const mean = s / (2 * N);
  const variance = Math.max(0, s2 / (2 * N) - mean * mean);
  const tiny = 1e-12 * Math.max(1, mean * mean);
  for (let i = 0; i < d; i++) {
    first[i] = variance > tiny ? first[i] / N / variance : NaN;
    total[i] = variance > tiny ? total[i] / (2 * N) / variance : NaN;
  }
  return { first, total, variance: variance > tiny ? variance : 0, mean };
}

/** 0-based index of the nearest-rank p-th percentile of n sorted values. */
const pick = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length - 1e-9))) - 1];

export function bootstrapIntervals(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
  reps: number,
  random: Random,
): SobolInterval {
  const d = yAB.length;
  const N = yA.length;
  const fs = Array.from({ length: d }, () => new Float64Array(reps));
  const ts = Array.from({ length: d }, () => new Float64Array(reps));
  const rows = new Int32Array(N);
  for (let b = 0; b < reps; b++) {
    for (let t = 0; t < N; t++) rows[t] = Math.floor(random() * N);
    const ix = sobolFromRuns(yA, yB, yAB, rows);
    for (let i = 0; i < d; i++) {
      fs[i][b] = ix.first[i];
      ts[i][b] = ix.total[i];
    }
  }
  const out: SobolInterval = {
    firstLo: new Float64Array(d),
    firstHi: new Float64Array(d),
    totalLo: new Float64Array(d),
    totalHi: new Float64Array(d),
  };
  for (let i = 0; i < d; i++) {
    const f = fs[i].filter((x) => x === x).sort();
    const t = ts[i].filter((x) => x === x).sort();
    out.firstLo[i] = f.length ? pick(f, 0.05) : NaN;
    out.firstHi[i] = f.length ? pick(f, 0.95) : NaN;
    out.totalLo[i] = t.length ? pick(t, 0.05) : NaN;
    out.totalHi[i] = t.length ? pick(t, 0.95) : NaN;
  }
  return out;
}

/**
 * A Saltelli run of `model` (d factors, m outputs), in steps (for a worker's progress bar). The
 * design is drawn row by row from one seeded generator: row r uses 2d uniforms (A_r then B_r).
 */
export function sobolRun(model: Model, d: number, m: number, options: SobolOptions): SobolRun {
  const N = options.n;
  if (!Number.isInteger(N) || N < 2) throw new Error(`sobol: the base sample must be a whole number ≥ 2, got ${N}`);
  if (!(d >= 1)) throw new Error(`sobol: at least one factor, got ${d}`);
  const keep = options.keep ?? [];
  const reps = options.bootstrap ?? 500;
  const random = createRng(options.seed);
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  const ab = new Float64Array(d);
  const yA = new Float64Array(m);
  const yB = new Float64Array(m);
  const yAB = new Float64Array(m);
  // streaming sums per output
  const sum = new Float64Array(m);
  const sum2 = new Float64Array(m);
  const firstSum = new Float64Array(m * d);
  const totalSum = new Float64Array(m * d);
  // kept runs
  const kA = keep.map(() => new Float64Array(N));
  const kB = keep.map(() => new Float64Array(N));
  const kAB = keep.map(() => Array.from({ length: d }, () => new Float64Array(N)));

  const row = (r: number) => {
    for (let i = 0; i < d; i++) a[i] = random();
    for (let i = 0; i < d; i++) b[i] = random();
    model(a, yA);
    model(b, yB);
    for (let o = 0; o < m; o++) {
      sum[o] += yA[o] + yB[o];
      sum2[o] += yA[o] * yA[o] + yB[o] * yB[o];
    }
    keep.forEach((o, q) => {
      kA[q][r] = yA[o];
      kB[q][r] = yB[o];
    });
    for (let i = 0; i < d; i++) {
      ab.set(a);
      ab[i] = b[i];
      model(ab, yAB);
      for (let o = 0; o < m; o++) {
        const ya = yA[o];
        const x = yAB[o];
        firstSum[o * d + i] += yB[o] * (x - ya);
        totalSum[o * d + i] += (ya - x) * (ya - x);
      }
      keep.forEach((o, q) => {
        kAB[q][i][r] = yAB[o];
      });
    }
  };

  return stepped(
    N,
    row,
    () => {
      const indices: SobolIndices[] = [];
      for (let o = 0; o < m; o++) {
        const mean = sum[o] / (2 * N);
        const v = Math.max(0, sum2[o] / (2 * N) - mean * mean);
        const live = v > 1e-12 * Math.max(1, mean * mean);
        const first = new Float64Array(d);
        const total = new Float64Array(d);
        for (let i = 0; i < d; i++) {
          first[i] = live ? firstSum[o * d + i] / N / v : NaN;
          total[i] = live ? totalSum[o * d + i] / (2 * N) / v : NaN;
        }
        indices.push({ first, total, variance: live ? v : 0, mean });
      }
      const boot = createRng((options.seed ^ 0x5bd1e995) >>> 0);
      const intervals = keep.map((_, q) => bootstrapIntervals(kA[q], kB[q], kAB[q], reps, boot));
      return { d, n: N, seed: options.seed, runs: N * (d + 2), indices, intervals };
    },
    (done) => `sobol: only ${done} of ${N} rows done`,
  );
}

/** Run to the end (scalar or vector model). */
export function sobol(model: Model, d: number, m: number, options: SobolOptions): SobolResult {
  const run = sobolRun(model, d, m, options);
  run.step(options.n);
  return run.result();
}

/**
 * Naive nested Monte Carlo (see the file comment): for factor i, `outer` values of x_i each with
 * `inner` fresh draws of the others → S_i; `outer` draws of the others each with `inner` fresh x_i →
 * ST_i. V from all the runs together. Output `o` of the model only.
 */
export function bruteForceSobol(
  model: Model,
  d: number,
  m: number,
  o: number,
  outer: number,
  inner: number,
  seed: number,
): SobolIndices & { runs: number } {
  const random = createRng(seed);
  const x = new Float64Array(d);
  const y = new Float64Array(m);
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  let s = 0;
  let s2 = 0;
  let runs = 0;
  const evalAt = () => {
    model(x, y);
    runs++;
    s += y[o];
    s2 += y[o] * y[o];
    return y[o];
  };
  const condMeans = new Float64Array(outer);
  const condVars = new Float64Array(outer);
  for (let i = 0; i < d; i++) {
    // S_i: variance over x_i of the conditional mean
    for (let q = 0; q < outer; q++) {
      const xi = random();
      let acc = 0;
      for (let t = 0; t < inner; t++) {
        for (let j = 0; j < d; j++) x[j] = j === i ? xi : random();
        acc += evalAt();
      }
      condMeans[q] = acc / inner;
    }
    // ST_i: mean over the others of the conditional variance in x_i
    const rest = new Float64Array(d);
    for (let q = 0; q < outer; q++) {
      for (let j = 0; j < d; j++) rest[j] = random();
      let acc = 0;
      let acc2 = 0;
      for (let t = 0; t < inner; t++) {
        x.set(rest);
        x[i] = random();
        const v = evalAt();
        acc += v;
        acc2 += v * v;
      }
      const mu = acc / inner;
      condVars[q] = ((acc2 / inner - mu * mu) * inner) / (inner - 1);
    }
    let mm = 0;
    for (const v of condMeans) mm += v;
    mm /= outer;
    let vm = 0;
    for (const v of condMeans) vm += (v - mm) * (v - mm);
    first[i] = vm / (outer - 1);
    let ev = 0;
    for (const v of condVars) ev += v;
    total[i] = ev / outer;
  }
  const mean = s / runs;
  const variance = Math.max(0, s2 / runs - mean * mean);
  for (let i = 0; i < d; i++) {
    first[i] = variance > 0 ? first[i] / variance : NaN;
    total[i] = variance > 0 ? total[i] / variance : NaN;
  }
  return { first, total, variance, mean, runs };
}

/** The Ishigami function on (−π, π)³ from uniforms on (0, 1) (a test function with known indices). */
export function ishigami(a = 7, b = 0.1): Model {
  return (u, out) => {
    const x1 = Math.PI * (2 * u[0] - 1);
    const x2 = Math.PI * (2 * u[1] - 1);
    const x3 = Math.PI * (2 * u[2] - 1);
    out[0] = Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
  };
}
