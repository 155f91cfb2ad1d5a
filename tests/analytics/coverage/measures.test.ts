import { describe, it, expect } from 'vitest';
import {
  coverageMeasures,
  noMeasure,
  aggregateCoverage,
  perCapita,
  distanceGap,
  accessGap,
  weightedMean,
  type DemandPoint,
  type ServicePoint,
  type CoverageMeasure,
} from '../../../src/analytics/coverage/index';
import { expectClose } from '../asserts';

// Points on the equator: 1° of longitude = 111.195 km, so comuni at lon 0, 0.1, 1 are 0, 11.1, 111.2 km from lon 0.
const demand: DemandPoint[] = [
  { code: '001001', lon: 0, lat: 0, population: 1000 },
  { code: '001002', lon: 0.1, lat: 0, population: 3000 },
  { code: '002001', lon: 1, lat: 0, population: 6000 },
];
const services: ServicePoint[] = [
  { id: 'a', lon: 0, lat: 0, capacity: 10, comune_code: '001001' },
  { id: 'b', lon: 0, lat: 0, capacity: null, comune_code: '001001' },
];

describe('coverageMeasures', () => {
  const m = coverageMeasures(demand, services, { d0: 50, decay: 'stepped', gapKm: 20 });
  it('nearest km and the k nearest ids (ties by position)', () => {
    expect(m.map((r) => r.nearest_ids)).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expectClose(m[1].nearest_km, 0.1 * 111.19508, 1e-6);
  });
  it('services counted in their comune, per 10,000 residents', () => {
    expect(m.map((r) => r.services)).toEqual([2, 0, 0]);
    expect(m.map((r) => r.per_10k)).toEqual([20, 0, 0]);
  });
  it('2SFCA per 10,000: supply 10 + 1 shared by the 4,000 residents within 50 km → 27.5', () => {
    // R_a = 10/4000, R_b = 1/4000; A = 11/4000 per person = 27.5 per 10,000 for 001001 and 001002; 0 for 002001.
    expect(m.map((r) => r.access_2sfca)).toEqual([27.5, 27.5, 0]);
    // stepped: 001002 at 11.1 km is in the first zone (≤ 16.67 km) too → same numbers
    expect(m.map((r) => r.access_e2sfca)).toEqual([27.5, 27.5, 0]);
  });
  it('gap: population farther than 20 km', () => expect(m.map((r) => r.gap_population)).toEqual([0, 0, 6000]));
  it('hasData: outside the covered territories every measure is null ("no data"), not 0', () => {
    const n = coverageMeasures(demand, services, { d0: 50, hasData: (c) => c.startsWith('001') });
    expect(n[2]).toMatchObject({
      nearest_km: null,
      services: null,
      per_10k: null,
      access_2sfca: null,
      access_e2sfca: null,
    });
    expect(n[0].access_2sfca).toBe(27.5);
  });
});

describe('aggregateCoverage', () => {
  const rows: CoverageMeasure[] = [
    {
      code: '001001',
      population: 1000,
      nearest_km: 2,
      nearest_ids: [],
      services: 2,
      per_10k: 20,
      access_2sfca: 10,
      access_e2sfca: 8,
      gap_population: 0,
    },
    {
      code: '001002',
      population: 3000,
      nearest_km: 6,
      nearest_ids: [],
      services: 1,
      per_10k: 10 / 3,
      access_2sfca: 2,
      access_e2sfca: 4,
      gap_population: 3000,
    },
    noMeasure('002001', 500),
  ];
  const agg = aggregateCoverage(rows, (c) => c.slice(0, 3));
  it('population-weighted means: km (1000·2 + 3000·6)/4000 = 5; access (1000·10 + 3000·2)/4000 = 4', () => {
    expect(agg[0]).toMatchObject({
      code: '001',
      population: 4000,
      nearest_km: 5,
      access_2sfca: 4,
      access_e2sfca: 5,
      services: 3,
      gap_population: 3000,
    });
  });
  it('per 10k as ratio of sums: 3 / 4000 × 10,000 = 7.5 (not the mean of 20 and 3.33)', () =>
    expect(agg[0].per_10k).toBe(7.5));
  it('a parent with no data gets nulls', () =>
    expect(agg[1]).toMatchObject({
      code: '002',
      nearest_km: null,
      services: null,
      per_10k: null,
      gap_population: null,
    }));
  it('weightedMean skips nulls and zero weights', () => {
    expect(weightedMean([1, null, 3], [1, 5, 3])).toBe(2.5);
    expect(weightedMean([null], [1])).toBeNull();
  });
});

describe('perCapita', () => {
  const terr = [
    { code: '001001', population: 1000, province_code: '001' },
    { code: '001002', population: 0, province_code: '001' },
    { code: '001', population: 4000, non_eu_population: 200 },
  ];
  it('counts per 10,000; null when the population is 0; non-EU only when known', () => {
    const r = perCapita(terr, services);
    expect(r[0]).toMatchObject({
      services: 2,
      per_10k: 20,
      non_eu_population: null,
      per_10k_non_eu: null,
      estimated: false,
    });
    expect(r[1].per_10k).toBeNull();
    expect(r[2]).toMatchObject({ non_eu_population: 200, estimated: false });
  });
  it('estimates comune non-EU residents from the province share only when asked, flagged estimated', () => {
    const r = perCapita(terr, services, { estimateNonEuFromProvince: new Map([['001', 0.05]]) });
    expect(r[0]).toMatchObject({ non_eu_population: 50, per_10k_non_eu: 400, estimated: true });
  });
  it('capacity-weighted: 10 + 1 (unknown capacity counts 1)', () =>
    expect(perCapita(terr, services, { useCapacity: true })[0].services).toBe(11));
});

describe('gaps', () => {
  it('distanceGap: farther than X km, null nearest counts as farther', () => {
    const g = distanceGap(demand, [0, 11, null], 10);
    expect(g.population).toBe(9000);
    expect(g.codes).toEqual(['001002', '002001']);
  });
  it('accessGap: access strictly below the threshold, null not counted', () => {
    expect(accessGap(demand, [5, 1, null], 2).codes).toEqual(['001002']);
  });
});
