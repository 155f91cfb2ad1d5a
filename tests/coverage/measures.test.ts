import { fixtureTerritory } from '../fixtures/catalogue';
import { describe, it, expect } from 'vitest';
import {
  clusterByComune,
  clusterRadius,
  comuniWithoutData,
  demandPoints,
  filterByType,
  measuresAtLevel,
  typeCounts,
  toServicePoints,
  MEASURE_POLARITY,
} from '../../src/coverage/measures';
import { toRecord } from '../../src/coverage/services';
import type { Territory } from '../../src/analytics/catalogue';
import type { ServiceRecord } from '../../src/core/userData';
import type { CoverageMeasure } from '../../src/analytics/coverage/index';
import { expectClose } from '../analytics/asserts';

const rec = (
  id: string,
  comune: string | null,
  lon: number,
  lat: number,
  capacity: number | null,
  type: string | null = 'h',
): ServiceRecord => ({
  layer: 'hospitals',
  id,
  name: `S ${id}`,
  address: null,
  type,
  capacity,
  lon,
  lat,
  comune_code: comune,
  precision: 'exact',
});
const terr = (
  code: string,
  level: Territory['level'],
  province: string | null,
  region: string | null,
  population: number | null,
  lon: number | null = 10,
  lat: number | null = 45,
): Territory => ({ ...fixtureTerritory(level, code, province, region), population, lon, lat });

describe('clusterByComune', () => {
  it('groups points per comune at the mean position, sums known capacities', () => {
    const c = clusterByComune([
      rec('1', '001001', 10, 45, 100),
      rec('2', '001001', 12, 47, null),
      rec('3', '002001', 8, 40, 50),
      rec('4', '001001', 11, 46, 20),
    ]);
    expect(c).toEqual([
      // (10 + 12 + 11)/3 = 11, (45 + 47 + 46)/3 = 46; capacity 100 + 20 (one unknown)
      { key: '001001', lon: 11, lat: 46, count: 3, capacity: 120, withCapacity: 2 },
      { key: '002001', lon: 8, lat: 40, count: 1, capacity: 50, withCapacity: 1 },
    ]);
  });
  it('points without a comune go to a 0.1° cell; no known capacity → null, not 0', () => {
    const c = clusterByComune([rec('1', null, 9.04, 45.46, null), rec('2', null, 9.02, 45.48, null)]);
    expect(c).toHaveLength(1);
    expect(c[0].key).toBe('~9.0,45.5');
    expect(c[0].capacity).toBeNull();
    expectClose(c[0].lon, 9.03);
  });
  it('circle area grows with the count', () => {
    expect(clusterRadius(1)).toBeCloseTo(3.2, 10);
    expect(clusterRadius(4)).toBeCloseTo(5.4, 10); // 1 + 2.2·2
  });
});

describe('type filter', () => {
  const pts = [
    rec('1', 'a', 0, 0, 1, 'x'),
    rec('2', 'a', 0, 0, 1, 'y'),
    rec('3', 'a', 0, 0, 1, 'x'),
    rec('4', 'a', 0, 0, 1, null),
  ];
  it('null keeps everything; a list keeps those types only', () => {
    expect(filterByType(pts, null)).toHaveLength(4);
    expect(filterByType(pts, ['x']).map((p) => p.id)).toEqual(['1', '3']);
    expect(filterByType(pts, [])).toEqual([]);
  });
  it('counts types, most frequent first', () => {
    expect(typeCounts(pts)).toEqual([
      { type: 'x', count: 2 },
      { type: 'y', count: 1 },
    ]);
  });
  it('service points keep capacity and comune', () => {
    expect(toServicePoints([rec('9', '058091', 12.5, 41.9, null)])).toEqual([
      { id: '9', lon: 12.5, lat: 41.9, capacity: null, comune_code: '058091' },
    ]);
  });
});

describe('demand and no-data regions', () => {
  const ts = [
    terr('01', 'region', null, '01', 100),
    terr('001001', 'comune', '001', '01', 1000),
    terr('002001', 'comune', '002', '02', null),
    terr('003001', 'comune', '003', '03', 5, null, null),
  ];
  it('demand = comuni with a point; missing population counts 0', () => {
    expect(demandPoints(ts)).toEqual([
      { code: '001001', lon: 10, lat: 45, population: 1000 },
      { code: '002001', lon: 10, lat: 45, population: 0 },
    ]);
  });
  it('comuni outside regions_with_data are "no data"; null regions = all Italy', () => {
    expect(comuniWithoutData(ts, ['01'])).toEqual(['002001', '003001']);
    expect(comuniWithoutData(ts, null)).toEqual([]);
  });
});

describe('measuresAtLevel', () => {
  const m = (
    code: string,
    population: number,
    km: number | null,
    services: number | null,
    a: number | null,
    gap: number | null,
  ): CoverageMeasure => ({
    code,
    population,
    nearest_km: km,
    nearest_ids: [],
    services,
    per_10k: null,
    access_2sfca: a,
    access_e2sfca: a,
    gap_population: gap,
  });
  const idx = new Map([
    ['001001', terr('001001', 'comune', '001', '01', 1000)],
    ['001002', terr('001002', 'comune', '001', '01', 3000)],
    ['002001', terr('002001', 'comune', '002', '02', 2000)],
  ]);
  const rows = [
    m('001001', 1000, 10, 1, 20, 0),
    m('001002', 3000, 30, 2, 40, 3000),
    m('002001', 2000, null, null, null, null),
  ];
  it('population-weighted means, sums of counts and gap; per 10k as a ratio of sums', () => {
    const [p1, p2] = measuresAtLevel(rows, 'province', idx);
    // km: (10·1000 + 30·3000)/4000 = 25; access: (20·1000 + 40·3000)/4000 = 35; services 3 → 3/4000·10⁴ = 7.5
    expect(p1.code).toBe('001');
    expectClose(p1.nearest_km, 25);
    expectClose(p1.access_e2sfca, 35);
    expect(p1.services).toBe(3);
    expectClose(p1.per_10k, 7.5);
    expect(p1.gap_population).toBe(3000);
    // a province with no data stays null, never 0
    expect(p2).toMatchObject({
      code: '002',
      nearest_km: null,
      services: null,
      per_10k: null,
      access_e2sfca: null,
      gap_population: null,
    });
  });
  it('comune level is the rows themselves', () => {
    expect(measuresAtLevel(rows, 'comune', idx)).toEqual(rows);
  });
  it('SLL level: through each comune’s sll_code (001001 + 002001 in SLL 0001 across two provinces)', () => {
    const sllIdx = new Map([...idx].map(([c, t]) => [c, { ...t, sll_code: c === '001002' ? '0002' : '0001' }]));
    const [s1, s2] = measuresAtLevel(rows, 'sll', sllIdx);
    // 0001: 001001 (10 km, 1 service, 1,000 inh.) and 002001 (no data): as for a province, the comuni with data
    expect(s1).toMatchObject({ code: '0001', population: 3000, nearest_km: 10, services: 1, per_10k: 10 });
    expect(s2).toMatchObject({ code: '0002', services: 2 });
    expectClose(s2.nearest_km, 30);
    expectClose(s2.per_10k, (2 / 3000) * 10000);
  });
  it('distance and gap are "lower = better"; access and per 10k "higher = better"', () => {
    const expected = { nearest_km: -1, per_10k: 1, per_10k_noneu: 1, access_2sfca: 1, access_e2sfca: 1 };
    expect(MEASURE_POLARITY).toEqual({ ...expected, gap_population: -1 });
  });
});

describe('toRecord', () => {
  it('reads a services.parquet row; missing text is null; no coordinates → dropped', () => {
    const row = {
      layer: 'cpia',
      id: 'X1',
      name: 'CPIA 1',
      type: 'cpia_institution',
      capacity: null,
      lon: 9.1,
      lat: 45.4,
      comune_code: '015146',
      precision: 'comune',
    };
    expect(toRecord({ ...row, address: '' })).toEqual({ ...row, address: null });
    expect(toRecord({ layer: 'cpia', id: 'X2', lon: null, lat: 45 })).toBeNull();
  });
});
