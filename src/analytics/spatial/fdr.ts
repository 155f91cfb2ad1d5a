/**
 * False discovery rate: Benjamini & Hochberg (1995), the STEP-UP procedure. With the m p-values sorted,
 * p(1) ≤ … ≤ p(m), the cut-off is p(k) for the LARGEST k with p(k) ≤ k·α/m, and every p ≤ p(k) is
 * significant. When no k qualifies nothing is significant (the cut-off is 0) — esda's `fdr` would return
 * the Bonferroni α/m instead, and GeoDa's stops at the first failure from the smallest (step-down),
 * which can give a smaller cut-off on the same p-values.
 */
export function bhCutoff(pValues: ArrayLike<number>, alpha: number): number {
  const p = Array.from(pValues)
    .filter((x) => Number.isFinite(x))
    .sort((a, b) => a - b);
  const m = p.length;
  for (let k = m; k >= 1; k--) if (p[k - 1] <= (k * alpha) / m) return p[k - 1];
  return 0;
}
