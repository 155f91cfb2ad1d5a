/**
 * The whole analysis of one variable on one set of territories (pure): missing values dropped (a
 * missing value is never 0), islands set apart as "isolated" (or attached to their k nearest), rows
 * standardised, global Moran's I and LISA with the significance rule. Units in the order given.
 *
 * The statistics are computed on the ANALYSED units: those with a value and, among those, at least one
 * neighbour with a value. A unit whose neighbours all lack a value is isolated too (it has no lag).
 */
import { bhCutoff } from './fdr';
import { CLUSTER, localMoran, type ClusterCode } from './lisa';
import { moranGlobal, SpatialError, type MoranGlobal } from './moran';
import { attachIslands, islands, rowStandardise, subsetWeights, type Weights } from './weights';

export interface SpatialOptions {
  permutations: number;
  seed: number;
  /** significance threshold of the LISA pseudo p-values */
  alpha: number;
  /** Benjamini–Hochberg false discovery rate instead of a fixed α */
  fdr: boolean;
  /** islands attached to their k nearest units (0: kept apart as "isolated") */
  attachK: number;
}

export const DEFAULT_OPTIONS: SpatialOptions = { permutations: 999, seed: 12345, alpha: 0.05, fdr: false, attachK: 0 };

export interface SpatialUnitResult {
  value: number | null;
  /** spatial lag of the VALUES (row-standardised mean of the neighbours' values), null when isolated */
  lag: number | null;
  lisa_i: number | null;
  lisa_p: number | null;
  cluster: ClusterCode | null;
  /** neighbours with a value (after islands were attached) */
  neighbours: number;
}

export interface SpatialResult {
  units: SpatialUnitResult[];
  global: MoranGlobal | null;
  /** why the global statistic is missing */
  error: string | null;
  /** units with a value */
  withValue: number;
  /** units kept apart (no neighbour with a value) */
  isolated: number;
  /** islands attached to their k nearest */
  attached: number;
  /** the p-value cut-off used (α, or the Benjamini–Hochberg cut-off) */
  cutoff: number;
  /** links in the final weights, for the weights export: pairs of unit indices */
  links: [number, number][];
}

/**
 * `w`: binary weights over all units; `xy`: a point per unit (for attaching islands; may be null when
 * attachK is 0).
 */
export function analyseSpatial(
  values: readonly (number | null)[],
  w: Weights,
  xy: Float64Array | null,
  options: Partial<SpatialOptions> = {},
): SpatialResult {
  const o = { ...DEFAULT_OPTIONS, ...options };
  if (values.length !== w.n) throw new SpatialError(`${values.length} values for ${w.n} units`);
  const has = values.map((v) => v !== null && Number.isFinite(v));
  const { weights: wv, index: idxV } = subsetWeights(w, has);
  let wa = wv;
  let attached = 0;
  if (o.attachK > 0 && xy) {
    const sub = new Float64Array(2 * idxV.length);
    idxV.forEach((i, q) => {
      sub[2 * q] = xy[2 * i];
      sub[2 * q + 1] = xy[2 * i + 1];
    });
    attached = islands(wv).length;
    wa = attachIslands(wv, sub, o.attachK);
  }
  const isl = new Set(islands(wa));
  const keep = idxV.map((_, q) => !isl.has(q));
  const { weights: wk, index: idxK } = subsetWeights(wa, keep);
  const wr = rowStandardise(wk);
  const y = Float64Array.from(idxK, (q) => values[idxV[q]] as number);
  const units: SpatialUnitResult[] = values.map((v, i) => ({
    value: has[i] ? (v as number) : null,
    lag: null,
    lisa_i: null,
    lisa_p: null,
    cluster: null,
    neighbours: 0,
  }));
  const links: [number, number][] = [];
  for (let q = 0; q < wa.n; q++) {
    const u = units[idxV[q]];
    u.neighbours = wa.offsets[q + 1] - wa.offsets[q];
    for (let k = wa.offsets[q]; k < wa.offsets[q + 1]; k++) links.push([idxV[q], idxV[wa.neighbours[k]]]);
    if (isl.has(q)) u.cluster = CLUSTER.isolated;
  }
  let global: MoranGlobal | null = null;
  let error: string | null = null;
  let cutoff = o.alpha;
  try {
    global = moranGlobal(y, wr, { permutations: o.permutations, seed: o.seed });
    const local = localMoran(y, wr, { permutations: o.permutations, seed: o.seed + 1 });
    cutoff = o.fdr ? bhCutoff(local.p, o.alpha) : o.alpha;
    idxK.forEach((q, r) => {
      const u = units[idxV[q]];
      u.lag = spatialLagOfValues(y, wr, r);
      u.lisa_i = local.Is[r];
      u.lisa_p = Number.isFinite(local.p[r]) ? local.p[r] : null;
      const sig = u.lisa_p !== null && u.lisa_p <= cutoff;
      u.cluster = sig ? (local.quadrant[r] as ClusterCode) : CLUSTER.none;
    });
  } catch (e) {
    if (!(e instanceof SpatialError)) throw e;
    error = e.message;
  }
  return { units, global, error, withValue: idxV.length, isolated: isl.size, attached, cutoff, links };
}

function spatialLagOfValues(y: Float64Array, w: Weights, i: number): number {
  let s = 0;
  for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k] * y[w.neighbours[k]];
  return s;
}
