import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { rookLattice } from './lattice';
import {
  fromLists,
  moranGlobal,
  normalCdf,
  pseudoP,
  rowStandardise,
  type Weights,
} from '../../../src/analytics/spatial';

const FIX = path.resolve(__dirname, '../../fixtures/spatial');

function readGal(file: string): Weights {
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const n = Number(lines[0].trim().split(/\s+/).pop());
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (let k = 1; k < lines.length; k += 2) {
    const [id] = lines[k].trim().split(/\s+/).map(Number);
    lists[id - 1] = lines[k + 1].trim()
      ? lines[k + 1]
          .trim()
          .split(/\s+/)
          .map((x) => Number(x) - 1)
      : [];
  }
  return fromLists(lists);
}

describe('normalCdf', () => {
  it('matches known values (1e-14 absolute; far tail 1e-7 relative)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    // far tail (continued fraction branch): relative error below 1e-7
    expect(normalCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 7);
  });
});

describe('global Moran', () => {
  it('3×3 lattice y = 1…9, rook, binary: I = 0.5, VI_norm = 0.053125, VI_rand = 0.0596875 (esda)', () => {
    const w = rookLattice(3, 3);
    const m = moranGlobal([1, 2, 3, 4, 5, 6, 7, 8, 9], w, { permutations: 0 });
    expect(m.I).toBeCloseTo(0.5, 14);
    expect(m.EI).toBeCloseTo(-0.125, 15);
    expect(m.VI_norm).toBeCloseTo(0.053125, 14);
    expect(m.VI_rand).toBeCloseTo(0.0596875, 14);
    expect(m.z_norm).toBeCloseTo(0.625 / Math.sqrt(0.053125), 12);
    expect(m.p_sim).toBeNull();
  });

  it('St Louis HR8893, stl.gal row-standardised: I = 0.24365582621771659, one-tailed p_norm = 0.00013573931385468807 (esda)', () => {
    const w = rowStandardise(readGal(path.join(FIX, 'stl.gal')));
    expect(w.n).toBe(78);
    const lines = fs.readFileSync(path.join(FIX, 'stl_hom.txt'), 'utf8').trim().split(/\r?\n/);
    const head = lines[1].split(',').map((s) => s.replace(/"/g, ''));
    const col = head.indexOf('HR8893');
    const y = lines.slice(2).map((l) => Number(l.split(',')[col]));
    expect(y).toHaveLength(78);
    const m = moranGlobal(y, w, { permutations: 999, seed: 7 });
    expect(m.I).toBeCloseTo(0.24365582621771659, 14);
    expect(m.p_norm / 0.00013573931385468807).toBeCloseTo(1, 9);
    expect(m.EI).toBeCloseTo(-1 / 77, 15);
    // a clear positive autocorrelation: no permutation of 999 reaches it → (0 + 1) / 1000
    expect(m.p_sim).toBeLessThanOrEqual(0.002);
    expect(m.z_sim).toBeGreaterThan(3);
  });

  it('permutations are fixed by the seed and change with it', () => {
    const w = rowStandardise(rookLattice(4, 4));
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
    const a = moranGlobal(y, w, { permutations: 199, seed: 1 });
    const b = moranGlobal(y, w, { permutations: 199, seed: 1 });
    const c = moranGlobal(y, w, { permutations: 199, seed: 2 });
    expect(a.EI_sim).toBe(b.EI_sim);
    expect(a.p_sim).toBe(b.p_sim);
    expect(c.EI_sim).not.toBe(a.EI_sim);
    // the permuted I centre on E[I] = −1/15
    const big = moranGlobal(y, w, { permutations: 20000, seed: 3 });
    expect(big.EI_sim!).toBeCloseTo(-1 / 15, 2);
  });

  it('pseudo p-value: GeoDa (min(#≥, #<) + 1) / (P + 1)', () => {
    expect(pseudoP(0, 999)).toBe(0.001);
    expect(pseudoP(999, 999)).toBe(0.001);
    expect(pseudoP(10, 99)).toBe(0.11);
    expect(pseudoP(60, 99)).toBe(0.4);
  });

  it('refuses constant values and too few units in plain words', () => {
    expect(() => moranGlobal([2, 2, 2, 2], rookLattice(2, 2))).toThrow(/same value/);
    expect(() => moranGlobal([1, 2, 3], rookLattice(1, 3))).toThrow(/at least 4/);
  });
});
