// Over 300 lines: the audit statistics (correlations, alpha, PCA, outliers), each with its formula comment.
/**
 * Statistics of the index audit (COINr conventions, see docs/references: COINr's treat.R, get_corr,
 * get_cronbach, get_PCA). Pure; NaN = missing everywhere.
 *
 * - skewness / kurtosis: "type 2" (e1071 type 2, Excel's SKEW and KURT, COINr's skew() and kurt()):
 *     G1 = √n·Σd³/(Σd²)^{3/2} · √(n(n−1))/(n−2)
 *     G2 = ((n+1)·(n·Σd⁴/(Σd²)² − 3) + 6)·(n−1)/((n−2)(n−3))      (excess kurtosis)
 * - outlier rule (COINr check_SkewKurt): an indicator passes when |skew| < 2 OR kurtosis < 3.5;
 *   it is flagged otherwise (|skew| ≥ 2 and kurtosis ≥ 3.5) and treatment is suggested.
 * - suggested winsorising (COINr winsorise, winmax 5): while it fails and fewer than 5 points have
 *   been changed, the highest value(s) (skew ≥ 0) or the lowest (skew < 0) take the next value in.
 * - correlations: Pearson, and Spearman = Pearson of the mid-ranks, on the pairwise complete
 *   observations; two-sided p-value from t = r·√((n−2)/(1−r²)) with n − 2 degrees of freedom (R's
 *   cor.test for Pearson; for Spearman the same t approximation, R's cor.test with exact = FALSE).
 * - Cronbach's alpha: k/(k−1)·(1 − Σ var(x_j)/var(Σ_j x_j)) on the complete cases (COINr, as psych).
 * - PCA: eigen-decomposition of the correlation matrix of the complete cases (prcomp on scaled
 *   data), by the cyclic Jacobi method; variance explained = λ/k; PC1 loadings = its eigenvector,
 *   signed so that the loadings sum to ≥ 0.
 */

const ok = (v: number) => v === v;

/** The non-missing values. */
export function present(x: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (ok(x[i])) out.push(x[i]);
  return out;
}

function moments(x: ArrayLike<number>) {
  const v = present(x);
  const n = v.length;
  let mean = 0;
  for (const a of v) mean += a;
  mean /= n || 1;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const a of v) {
    const d = a - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { n, mean, m2, m3, m4 };
}

/** Type-2 skewness; NaN with fewer than 3 values or no spread. */
export function skewness(x: ArrayLike<number>): number {
  const { n, m2, m3 } = moments(x);
  if (n < 3 || !(m2 > 0)) return NaN;
  return ((Math.sqrt(n) * m3) / Math.pow(m2, 1.5)) * (Math.sqrt(n * (n - 1)) / (n - 2));
}

/** Type-2 (excess) kurtosis; NaN with fewer than 4 values or no spread. */
export function kurtosis(x: ArrayLike<number>): number {
  const { n, m2, m4 } = moments(x);
  if (n < 4 || !(m2 > 0)) return NaN;
  const r = (n * m4) / (m2 * m2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

export const SKEW_THRESHOLD = 2;
export const KURT_THRESHOLD = 3.5;
export const WINSOR_MAX_POINTS = 5;

/** COINr check_SkewKurt: true when |skew| < 2 or kurtosis < 3.5 (NaN statistics pass: nothing to treat). */
export function passesSkewKurt(skew: number, kurt: number): boolean {
  if (!ok(skew) || !ok(kurt)) return true;
  return Math.abs(skew) < SKEW_THRESHOLD || kurt < KURT_THRESHOLD;
}

export interface WinsorSuggestion {
  /** values after the suggested winsorising (NaN stays NaN) */
  values: Float64Array;
  /** points changed */
  points: number;
  /** which end: 'high' (positive skew), 'low', or null when nothing changed */
  side: 'high' | 'low' | null;
  skew: number;
  kurt: number;
  /** passes the rule after winsorising (else COINr would log-transform) */
  passes: boolean;
}

/** COINr's winsorise(x, winmax = 5): see the file comment. */
export function suggestWinsorising(x: ArrayLike<number>, maxPoints = WINSOR_MAX_POINTS): WinsorSuggestion {
  const v = Float64Array.from(x as ArrayLike<number>);
  const changed = new Uint8Array(v.length);
  let points = 0;
  let side: 'high' | 'low' | null = null;
  let s = skewness(v);
  let k = kurtosis(v);
  while (!passesSkewKurt(s, k) && points < maxPoints) {
    const high = s >= 0;
    let ext = high ? -Infinity : Infinity;
    for (const a of v) if (ok(a) && (high ? a > ext : a < ext)) ext = a;
    let next = high ? -Infinity : Infinity;
    for (const a of v) if (ok(a) && a !== ext && (high ? a > next : a < next)) next = a;
    if (!Number.isFinite(next)) break;
    for (let i = 0; i < v.length; i++) {
      if (v[i] === ext) {
        v[i] = next;
        if (!changed[i]) {
          changed[i] = 1;
          points++;
        }
      }
    }
    side = high ? 'high' : 'low';
    s = skewness(v);
    k = kurtosis(v);
  }
  return { values: v, points, side, skew: s, kurt: k, passes: passesSkewKurt(s, k) };
}

export interface OutlierCheck {
  skew: number;
  kurt: number;
  /** fails the rule: |skew| ≥ 2 and kurtosis ≥ 3.5 */
  flagged: boolean;
  /** for a flagged indicator, what COINr's winsorising would do */
  suggestion: WinsorSuggestion | null;
}

export function checkOutliers(x: ArrayLike<number>): OutlierCheck {
  const skew = skewness(x);
  const kurt = kurtosis(x);
  const flagged = !passesSkewKurt(skew, kurt);
  return { skew, kurt, flagged, suggestion: flagged ? suggestWinsorising(x) : null };
}

// ---------- distributions ----------

/** ln Γ(x), Lanczos (g = 7, n = 9), x > 0. */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta (modified Lentz). */
function betacf(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const bt = Math.exp(lbt);
  return x < (a + 1) / (a + b + 2) ? (bt * betacf(a, b, x)) / a : 1 - (bt * betacf(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t with df degrees of freedom: P(|T| ≥ |t|). */
export function tTwoSided(t: number, df: number): number {
  if (!ok(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

// ---------- correlations ----------

/** Mid-ranks (1-based, ties share the mean rank) of the values; NaN stays NaN. */
export function midRanks(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (ok(x[i])) idx.push(i);
  idx.sort((a, b) => x[a] - x[b]);
  for (let a = 0; a < idx.length;) {
    let e = 1;
    while (a + e < idx.length && x[idx[a + e]] === x[idx[a]]) e++;
    const r = a + (e + 1) / 2;
    for (let t = a; t < a + e; t++) out[idx[t]] = r;
    a += e;
  }
  return out;
}

export interface Correlation {
  r: number;
  /** two-sided p-value (t approximation) */
  p: number;
  /** pairs used (pairwise complete) */
  n: number;
}

export type CorrelationMethod = 'pearson' | 'spearman';

function pearsonPairs(x: ArrayLike<number>, y: ArrayLike<number>): Correlation {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++)
    if (ok(x[i]) && ok(y[i])) {
      n++;
      sx += x[i];
      sy += y[i];
    }
  if (n < 3) return { r: NaN, p: NaN, n };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(ok(x[i]) && ok(y[i]))) continue;
    const a = x[i] - mx;
    const b = y[i] - my;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  if (!(sxx > 0) || !(syy > 0)) return { r: NaN, p: NaN, n };
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const t = Math.abs(r) >= 1 ? Infinity : r * Math.sqrt((n - 2) / (1 - r * r));
  return { r, p: tTwoSided(t, n - 2), n };
}

/** Correlation of two columns on their pairwise complete observations. */
export function correlation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: CorrelationMethod = 'pearson',
): Correlation {
  if (method === 'pearson') return pearsonPairs(x, y);
  // ranks among the pairs both present
  const xs = new Float64Array(x.length);
  const ys = new Float64Array(y.length);
  for (let i = 0; i < x.length; i++) {
    const both = ok(x[i]) && ok(y[i]);
    xs[i] = both ? x[i] : NaN;
    ys[i] = both ? y[i] : NaN;
  }
  return pearsonPairs(midRanks(xs), midRanks(ys));
}

/** The full matrix (symmetric; 1 on the diagonal, NaN for a constant or too short column). */
export function correlationMatrix(
  cols: readonly ArrayLike<number>[],
  method: CorrelationMethod = 'pearson',
): Correlation[][] {
  const k = cols.length;
  const out: Correlation[][] = Array.from({ length: k }, () => new Array<Correlation>(k));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      // the diagonal is 1 where the column varies (a constant column correlates with nothing)
      const c = correlation(cols[a], cols[b], method);
      if (a === b && c.r === c.r) {
        c.r = 1;
        c.p = 0;
      }
      out[a][b] = c;
      out[b][a] = c;
    }
  }
  return out;
}

// ---------- reliability and PCA ----------

/** Rows (territories) where every column has a value. */
export function completeCases(cols: readonly ArrayLike<number>[]): number[] {
  if (cols.length === 0) return [];
  const n = cols[0].length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (cols.every((c) => ok(c[i]))) rows.push(i);
  return rows;
}

function sampleVar(v: readonly number[]): number {
  const n = v.length;
  if (n < 2) return NaN;
  let m = 0;
  for (const a of v) m += a;
  m /= n;
  let s = 0;
  for (const a of v) s += (a - m) * (a - m);
  return s / (n - 1);
}

export interface Alpha {
  alpha: number;
  /** indicators */
  k: number;
  /** complete cases used */
  n: number;
}

/** Cronbach's alpha of the columns (see the file comment); NaN with fewer than 2 columns or 2 cases. */
export function cronbachAlpha(cols: readonly ArrayLike<number>[]): Alpha {
  const k = cols.length;
  const rows = completeCases(cols);
  const n = rows.length;
  if (k < 2 || n < 2) return { alpha: NaN, k, n };
  let sumVar = 0;
  for (const c of cols) sumVar += sampleVar(rows.map((i) => c[i]));
  const total = sampleVar(rows.map((i) => cols.reduce((s, c) => s + c[i], 0)));
  if (!(total > 0)) return { alpha: NaN, k, n };
  return { alpha: (k / (k - 1)) * (1 - sumVar / total), k, n };
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix (row-major k×k), cyclic Jacobi rotations until
 * the off-diagonal sum of squares is below 1e-22 × the total. Sorted by eigenvalue, largest first;
 * vectors[c] is the eigenvector of values[c] (unit length).
 */
export function jacobiEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const k = matrix.length;
  const a = matrix.map((r) => [...r]);
  const v: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  let total = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) total += a[i][j] * a[i][j];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += 2 * a[i][j] * a[i][j];
    if (off <= 1e-22 * (total || 1)) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = c * arp - s * arq;
          a[r][q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p][r];
          const aqr = a[q][r];
          a[p][r] = c * apr - s * aqr;
          a[q][r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r][p];
          const vrq = v[r][q];
          v[r][p] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y][y] - a[x][x]);
  return { values: order.map((i) => a[i][i]), vectors: order.map((i) => v.map((row) => row[i])) };
}

export interface Pca {
  /** share of the variance per component, largest first (sums to 1) */
  explained: number[];
  eigenvalues: number[];
  /** PC1 loadings per column (unit eigenvector, signed so that Σ ≥ 0) */
  loadings: number[];
  /** complete cases used */
  n: number;
}

/** PCA of the columns on their correlation matrix (complete cases); null with < 2 columns or < 3 cases. */
export function pca(cols: readonly ArrayLike<number>[]): Pca | null {
  const k = cols.length;
  const rows = completeCases(cols);
  if (k < 2 || rows.length < 3) return null;
  const sub = cols.map((c) => rows.map((i) => c[i]));
  const r: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const v = a === b ? 1 : pearsonPairs(sub[a], sub[b]).r;
      r[a][b] = r[b][a] = ok(v) ? v : a === b ? 1 : 0;
    }
  }
  const { values, vectors } = jacobiEigen(r);
  const sum = values.reduce((s, x) => s + x, 0);
  let pc1 = vectors[0];
  if (pc1.reduce((s, x) => s + x, 0) < 0) pc1 = pc1.map((x) => -x);
  return { explained: values.map((x) => x / sum), eigenvalues: values, loadings: pc1, n: rows.length };
}
