/**
 * Missing values (methods.md §1.3).
 *
 * - reweight (default): a territory's missing indicators are left out and the weights of the others
 *   re-scaled to sum 1 (done by aggregateInto: w̃_ij = w_j / Σ_available w).
 * - impute_parent: a missing value takes the parent territory's value (comune ← province, province ←
 *   region, region ← Italy), as the parent shows it on the map at its own level; where the parent has
 *   none either, the indicator is left out as in reweight. Imputation happens before winsorising
 *   and normalising, so imputed values enter the indicator's statistics like observed ones.
 *
 * In both cases the observed share of weight counts only the territory's own or inherited values
 * (imputed = not observed), and a territory whose observed share is below minObservedShare gets no
 * score (status 'insufficient'), not a guess. Inherited values (an indicator not measured at the
 * level, shown from the province or region as on the map) count as observed.
 */
import type { MissingPolicy } from './config';

export interface Imputed {
  /** values with imputations (NaN = still missing) */
  values: Float64Array;
  /** 1 = the territory's own or inherited value, 0 = imputed or missing */
  observed: Uint8Array;
  imputed: number;
}

export function applyMissing(
  values: ArrayLike<number>,
  parentValues: ArrayLike<number>,
  policy: MissingPolicy,
): Imputed {
  const n = values.length;
  const out = new Float64Array(n);
  const observed = new Uint8Array(n);
  let imputed = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v) {
      out[i] = v;
      observed[i] = 1;
    } else if (policy === 'impute_parent' && parentValues[i] === parentValues[i]) {
      out[i] = parentValues[i];
      imputed++;
    } else out[i] = NaN;
  }
  return { values: out, observed, imputed };
}
