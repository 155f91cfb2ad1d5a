import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  fca,
  fcaBruteForce,
  fcaMatrix,
  fcaFromPairs,
  pairsFromArrays,
  decayWeight,
  supplyOf,
  type DemandPoint,
  type ServicePoint,
} from '../../../src/analytics/coverage/index';
import { expectAllClose, expectClose } from '../asserts';

/*
 * Hand-worked example: 3 comuni, 2 services, catchment d0 = 30 km, distances injected (km):
 *
 *            S1 (capacity 10)   S2 (capacity 20)
 *   C1 P=1000      5                 40   (out of S2's catchment)
 *   C2 P=2000     15                  8
 *   C3 P=1000     50 (out)           25
 */
const P = [1000, 2000, 1000];
const S = [10, 20];
const D = [
  [5, 40],
  [15, 8],
  [50, 25],
];

describe('fcaMatrix — 2SFCA (decay none) on the hand-worked example', () => {
  // Step 1: R1 = 10 / (1000 + 2000) = 1/300; R2 = 20 / (2000 + 1000) = 1/150.
  // Step 2: A1 = R1 = 1/300; A2 = R1 + R2 = 3/300 = 0.01; A3 = R2 = 1/150.
  // Per 10,000 residents: 33.333…, 100, 66.666…; Σ P·A = 10/3 + 20 + 20/3 = 30 = Σ S (supply is conserved).
  const r = fcaMatrix(P, S, D, { d0: 30, decay: 'none' });
  it('gives R = [1/300, 1/150]', () => expectAllClose([...r.ratio], [1 / 300, 1 / 150], 1e-12));
  it('gives A = [1/300, 1/100, 1/150]', () => expectAllClose([...r.access], [1 / 300, 1 / 100, 1 / 150], 1e-12));
  it('conserves supply: Σ P·A = Σ S = 30', () =>
    expectClose(
      P.reduce((a, p, i) => a + p * r.access[i], 0),
      30,
      1e-12,
    ));
});

describe('fcaMatrix — E2SFCA stepped (zones 0–10: 1, 10–20: 0.68, 20–30: 0.22) on the hand-worked example', () => {
  // Weights: d=5 → 1; d=15 → 0.68; d=8 → 1; d=25 → 0.22; d=40, 50 → 0 (outside d0).
  // Step 1: R1 = 10 / (1000·1 + 2000·0.68) = 10/2360; R2 = 20 / (2000·1 + 1000·0.22) = 20/2220.
  // Step 2: A1 = 1·10/2360 = 0.00423729; A2 = 0.68·10/2360 + 1·20/2220 = 0.00288136 + 0.00900901 = 0.01189037;
  //         A3 = 0.22·20/2220 = 0.00198198.
  const r = fcaMatrix(P, S, D, { d0: 30, decay: 'stepped' });
  it('gives R = [10/2360, 20/2220]', () => expectAllClose([...r.ratio], [10 / 2360, 20 / 2220], 1e-12));
  it('gives A = [0.00423729, 0.01189037, 0.00198198]', () => {
    expectAllClose([...r.access], [10 / 2360, (0.68 * 10) / 2360 + 20 / 2220, (0.22 * 20) / 2220], 1e-12);
    expectAllClose([...r.access], [0.00423729, 0.01189037, 0.00198198], 1e-6);
  });
});

describe('decayWeight', () => {
  it('gaussian: W(0) = 1, W(d0) = 0, W(d0/2) = (e^−⅛ − e^−½)/(1 − e^−½) = 0.2759662 / 0.3934693 = 0.701367', () => {
    expectClose(decayWeight('gaussian', 0, 30), 1, 1e-15);
    expectClose(decayWeight('gaussian', 30, 30) + 1, 1, 1e-15);
    expectClose(decayWeight('gaussian', 15, 30), 0.701367, 1e-6);
  });
  it('stepped: upper bounds inclusive; none: 1 inside; every decay 0 beyond d0', () => {
    expect([10, 10.0001, 20, 20.0001, 30].map((d) => decayWeight('stepped', d, 30))).toEqual([
      1, 0.68, 0.68, 0.22, 0.22,
    ]);
    expect(decayWeight('none', 30, 30)).toBe(1);
    for (const k of ['none', 'gaussian', 'stepped'] as const) expect(decayWeight(k, 30.0001, 30)).toBe(0);
  });
});

describe('fcaFromPairs (the core) equals the textbook double loop', () => {
  it('on the hand-worked example, for every decay', () => {
    const I: number[] = [],
      J: number[] = [],
      Dk: number[] = [];
    D.forEach((row, i) => row.forEach((d, j) => d <= 30 && (I.push(i), J.push(j), Dk.push(d))));
    for (const decay of ['none', 'gaussian', 'stepped'] as const) {
      const a = fcaFromPairs(pairsFromArrays(I, J, Dk), P, S, { d0: 30, decay });
      const b = fcaMatrix(P, S, D, { d0: 30, decay });
      expectAllClose([...a.access], [...b.access], 1e-12);
    }
  });
  it('a service with nobody in its catchment gets R = 0; a comune with no service gets A = 0', () => {
    const r = fcaMatrix([100], [5, 7], [[10, 99]], { d0: 30 });
    expect([...r.ratio]).toEqual([0.05, 0]);
    expect([...fcaMatrix([100], [5], [[99]], { d0: 30 }).access]).toEqual([0]);
  });
  it('refuses a non-positive catchment', () => expect(() => fcaMatrix([1], [1], [[1]], { d0: 0 })).toThrow(/d0/));
});

describe('supplyOf', () => {
  it('capacity when known, else 1; all 1 when capacity is ignored', () => {
    const s: Pick<ServicePoint, 'capacity'>[] = [{ capacity: 120 }, { capacity: null }, { capacity: 0 }];
    expect([...supplyOf(s)]).toEqual([120, 1, 0]);
    expect([...supplyOf(s, false)]).toEqual([1, 1, 1]);
  });
});

/** Deterministic random points around Italy. */
const pointArb = fc.record({
  lon: fc.double({ min: 6.5, max: 18.5, noNaN: true }),
  lat: fc.double({ min: 36.5, max: 47, noNaN: true }),
});

describe('fca (spatial index) equals fcaBruteForce and fcaMatrix on random points', () => {
  it('for 2SFCA and E2SFCA, with and without capacity (fast-check, seed 42)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: pointArb, population: fc.integer({ min: 0, max: 100000 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.record({ p: pointArb, capacity: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }) }), {
          minLength: 0,
          maxLength: 25,
        }),
        fc.double({ min: 5, max: 300, noNaN: true }),
        fc.constantFrom('none', 'gaussian', 'stepped') as fc.Arbitrary<'none' | 'gaussian' | 'stepped'>,
        fc.boolean(),
        (ds, ss, d0, decay, useCapacity) => {
          const demand: DemandPoint[] = ds.map((d, i) => ({ code: String(i), ...d.p, population: d.population }));
          const services: ServicePoint[] = ss.map((s, j) => ({ id: String(j), ...s.p, capacity: s.capacity }));
          const a = fca(demand, services, { d0, decay, useCapacity });
          const b = fcaBruteForce(demand, services, { d0, decay, useCapacity });
          expectAllClose([...a.access], [...b.access], 1e-9);
          expectAllClose([...a.ratio], [...b.ratio], 1e-9);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
