import { describe, expect, it } from 'vitest';
import {
  CLUSTER,
  analyseSpatial,
  bhCutoff,
  fromLists,
  localMoran,
  localMoranNaive,
  moranGlobal,
  quadrantOf,
  rowStandardise,
} from '../../../src/analytics/spatial';
import { rookLattice } from './lattice';

/** a line of 4 cells (rook), y = 1, 2, 3, 6: worked by hand in the comments */
const line = () => fromLists([[1], [0, 2], [1, 3], [2]]);

describe('local Moran (hand-worked line of 4)', () => {
  // mean 3, z = (−2, −1, 0, 3), Σz² = 14; row-standardised lags of z: (−1, −1, 1, 0)
  // Iᵢ = (n−1)·zᵢ·lagᵢ/Σz² = 3·(2, 1, 0, 0)/14 = (3/7, 3/14, 0, 0)
  it('local I, lag and GeoDa quadrants', () => {
    const w = rowStandardise(line());
    const l = localMoran([1, 2, 3, 6], w, { permutations: 0 });
    expect(Array.from(l.z)).toEqual([-2, -1, 0, 3]);
    expect(Array.from(l.lag)).toEqual([-1, -1, 1, 0]);
    expect(l.Is[0]).toBeCloseTo(3 / 7, 15);
    expect(l.Is[1]).toBeCloseTo(3 / 14, 15);
    expect(l.Is[2]).toBe(0);
    expect(l.Is[3]).toBe(0);
    // 1 LL, 2 LL, 3: z = 0 counts as low and lag > 0 → LH (3); 4: z > 0, lag = 0 → HL (4)
    expect(Array.from(l.quadrant)).toEqual([2, 2, 3, 4]);
    // global I = (n/S0)·Σ z·lag / Σz² = (4/4)·3/14; the mean of the local I's times (n)/(n−1)… Σ Iᵢ = (n−1)·I
    const g = moranGlobal([1, 2, 3, 6], w, { permutations: 0 });
    expect(g.I).toBeCloseTo(3 / 14, 15);
    expect(l.Is.reduce((a, b) => a + b, 0)).toBeCloseTo(3 * g.I, 14);
  });

  it('conditional permutation converges to the exact distribution', () => {
    // unit 1 (k = 1) keeps z = −2; its neighbour is drawn from the other three z ∈ {−1, 0, 3}:
    // permuted I = 3·(−2)·lag/14 ∈ {6/14, 0, −18/14}; exactly one of three is ≥ 6/14 → p → 1/3.
    // unit 2 (k = 2) keeps z = −1; pairs of {−2, 0, 3}: lags −1, 0.5, 1.5 → I 3/14, −1.5/14, −4.5/14 → p → 1/3
    const w = rowStandardise(line());
    const l = localMoran([1, 2, 3, 6], w, { permutations: 30000, seed: 11 });
    expect(l.p[0]).toBeCloseTo(1 / 3, 2);
    expect(l.p[1]).toBeCloseTo(1 / 3, 2);
    // unit 3 has z = 0: every permuted I is 0 = observed (ties count as ≥) → min(P, 0) … documented as p = 1
    expect(l.p[2]).toBe(1);
  });

  it('the fast shared draws agree with the naive per-unit version', () => {
    const w = rowStandardise(rookLattice(4, 4));
    const y = [9, 8, 7, 1, 8, 9, 6, 2, 7, 6, 3, 1, 2, 1, 1, 0];
    const fast = localMoran(y, w, { permutations: 9999, seed: 5 }).p;
    const naive = localMoranNaive(y, w, { permutations: 9999, seed: 6 });
    for (let i = 0; i < 16; i++) expect(Math.abs(fast[i] - naive[i])).toBeLessThan(0.03);
  });

  it('is deterministic for a seed', () => {
    const w = rowStandardise(rookLattice(3, 3));
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(Array.from(localMoran(y, w, { seed: 3 }).p)).toEqual(Array.from(localMoran(y, w, { seed: 3 }).p));
    expect(Array.from(localMoran(y, w, { seed: 3 }).p)).not.toEqual(Array.from(localMoran(y, w, { seed: 4 }).p));
  });

  it('quadrantOf: GeoDa codes 1 HH, 2 LL, 3 LH, 4 HL', () => {
    expect([quadrantOf(1, 1), quadrantOf(-1, -1), quadrantOf(-1, 1), quadrantOf(1, -1)]).toEqual([1, 2, 3, 4]);
  });
});

describe('Benjamini–Hochberg step-up', () => {
  it('takes the largest k with p(k) ≤ kα/m', () => {
    // m = 5, α = 0.05: thresholds 0.01, 0.02, 0.03, 0.04, 0.05; p(4) = 0.035 ≤ 0.04 although p(3) = 0.031 > 0.03
    expect(bhCutoff([0.2, 0.005, 0.035, 0.031, 0.011], 0.05)).toBe(0.035);
    expect(bhCutoff([0.5, 0.6], 0.05)).toBe(0);
    expect(bhCutoff([0.01, 0.02], 0.05)).toBe(0.02);
  });
});

describe('analyseSpatial: missing values and islands', () => {
  // 3×3 lattice plus cell 9, an island; cell 4 (the centre) has no value
  const lists = rookLattice(3, 3);
  const w = fromLists([
    ...Array.from({ length: 9 }, (_, i) =>
      Array.from(lists.neighbours.subarray(lists.offsets[i], lists.offsets[i + 1])),
    ),
    [],
  ]);
  const values = [1, 2, 3, 4, null, 6, 7, 8, 9, 100];
  it('isolated units have no lag, no local I, no p, class 6; missing is missing', () => {
    const r = analyseSpatial(values, w, null, { permutations: 99, seed: 1 });
    expect(r.isolated).toBe(1);
    expect(r.withValue).toBe(9);
    expect(r.units[9]).toEqual({
      value: 100,
      lag: null,
      lisa_i: null,
      lisa_p: null,
      cluster: CLUSTER.isolated,
      neighbours: 0,
    });
    expect(r.units[4]).toEqual({ value: null, lag: null, lisa_i: null, lisa_p: null, cluster: null, neighbours: 0 });
    // cell 1 (top middle) loses the centre: neighbours 0 and 2 → lag (1 + 3)/2
    expect(r.units[1].neighbours).toBe(2);
    expect(r.units[1].lag).toBe(2);
    // the island's 100 is not in the mean: global statistic on the 8 ring cells only
    expect(r.global!.n).toBe(8);
    expect(r.global!.EI).toBeCloseTo(-1 / 7, 15);
  });

  it('attaching islands to their k nearest', () => {
    const xy = new Float64Array([0, 0, 1, 0, 2, 0, 0, 1, 1, 1, 2, 1, 0, 2, 1, 2, 2, 2, 2.2, 2.1]);
    const r = analyseSpatial(values, w, xy, { permutations: 99, seed: 1, attachK: 2 });
    expect(r.isolated).toBe(0);
    expect(r.attached).toBe(1);
    // the island's 2 nearest with a value: cells 8 (2,2) and 5 (2,1); links both ways
    expect(r.units[9].neighbours).toBe(2);
    expect(r.units[9].lag).toBe((9 + 6) / 2);
    expect(r.units[8].neighbours).toBe(3);
    expect(r.links.filter(([a, b]) => a === 9 || b === 9).sort()).toEqual(
      [
        [5, 9],
        [8, 9],
        [9, 5],
        [9, 8],
      ].sort(),
    );
  });

  it('FDR is stricter than α alone', () => {
    const y = Array.from({ length: 64 }, (_, i) => (i % 8 < 4 ? 10 : 0) + (Math.floor(i / 8) < 4 ? 5 : 0) + (i % 3));
    const ww = rookLattice(8, 8);
    const a = analyseSpatial(y, ww, null, { permutations: 999, seed: 2 });
    const f = analyseSpatial(y, ww, null, { permutations: 999, seed: 2, fdr: true });
    const sig = (r: typeof a) => r.units.filter((u) => u.cluster !== CLUSTER.none).length;
    expect(f.cutoff).toBeLessThanOrEqual(0.05);
    expect(sig(f)).toBeLessThanOrEqual(sig(a));
    expect(sig(a)).toBeGreaterThan(0);
  });
});
