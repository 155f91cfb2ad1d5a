import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  nearestServices,
  nearestBruteForce,
  candidatePairs,
  buildIndex,
  haversineKm,
  capBox,
} from '../../../src/analytics/coverage/index';
import { expectClose } from '../asserts';

const pointArb = fc.record({
  lon: fc.double({ min: 6.5, max: 18.5, noNaN: true }),
  lat: fc.double({ min: 36.5, max: 47, noNaN: true }),
});

describe('haversineKm', () => {
  it('one degree of longitude on the equator = 2πR/360 = 111.195 km (R = 6371.0088)', () => {
    expectClose(haversineKm(0, 0, 1, 0), (2 * Math.PI * 6371.0088) / 360, 1e-12);
  });
  it('Roma–Milano ≈ 477 km, symmetric', () => {
    const d = haversineKm(12.4964, 41.9028, 9.19, 45.4642);
    expect(d).toBeGreaterThan(470);
    expect(d).toBeLessThan(485);
    expect(haversineKm(9.19, 45.4642, 12.4964, 41.9028)).toBe(d);
  });
});

describe('nearestServices (kdbush + geokdbush) vs nearestBruteForce', () => {
  it('same distances and k nearest, random points (fast-check, seed 7)', () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 40 }),
        fc.array(pointArb, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 5 }),
        (demand, services, k) => {
          const a = nearestServices(demand, services, k);
          const b = nearestBruteForce(demand, services, k);
          a.forEach((x, i) => {
            expectClose(x.km, b[i].km!, 1e-9);
            expect(x.kms.length).toBe(Math.min(k, services.length));
            x.kms.forEach((d, m) => expectClose(d, b[i].kms[m], 1e-9));
          });
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
  it('null when there is no service (or none within maxKm)', () => {
    expect(nearestServices([{ lon: 12, lat: 42 }], [])[0]).toEqual({ km: null, idx: [], kms: [] });
    expect(nearestServices([{ lon: 12, lat: 42 }], [{ lon: 13, lat: 42 }], 3, 10)[0].km).toBeNull();
  });
});

describe('candidatePairs', () => {
  it("'range' and 'around' find exactly the brute-force pairs within d0 (fast-check, seed 11)", () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 40 }),
        fc.array(pointArb, { minLength: 1, maxLength: 60 }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        (demand, services, d0) => {
          const expected: string[] = [];
          demand.forEach((p, i) =>
            services.forEach((s, j) => haversineKm(p.lon, p.lat, s.lon, s.lat) <= d0 && expected.push(`${i}:${j}`)),
          );
          const index = buildIndex(services);
          for (const search of ['range', 'around'] as const) {
            const got = candidatePairs(demand, services, d0, index, search);
            const keys = Array.from(got.i, (i, k) => `${i}:${got.j[k]}`);
            expect(keys.sort()).toEqual([...expected].sort());
          }
        },
      ),
      { seed: 11, numRuns: 150 },
    );
  });
  it('capBox contains the cap: the point d0 due east/west is inside the box', () => {
    const [w, s, e, n] = capBox(12, 45, 50);
    expect(w).toBeLessThan(12 - 50 / (111.195 * Math.cos((45 * Math.PI) / 180)) + 1e-6);
    expect(e).toBeGreaterThan(12);
    expect(n - s).toBeCloseTo((2 * 50) / 111.195, 3);
  });
});
