import { describe, it, expect } from 'vitest';
import { nonEuResidents, withNonEu } from '../../src/coverage/measures';
import type { Territory } from '../../src/analytics/catalogue';
import type { CoverageMeasure } from '../../src/analytics/coverage';

// Synthetic fixture: one province 001 (population 100,000) with two comuni (60,000 and 40,000).
const T = (
  level: Territory['level'],
  code: string,
  population: number,
  province_code: string | null = null,
): Territory => ({
  level,
  code,
  name: code,
  province_code,
  region_code: '01',
  population,
  area_km2: null,
  lon: null,
  lat: null,
  has_geometry: true,
});
const territories = [
  T('region', '01', 100000),
  T('province', '001', 100000, '001'),
  T('comune', '001001', 60000, '001'),
  T('comune', '001002', 40000, '001'),
];
const rows = new Map([
  [
    'foreign_residents',
    [
      { level: 'province', code: '001', year: 2023, value: 8000 },
      { level: 'province', code: '001', year: 2022, value: 7000 },
    ],
  ],
  ['non_eu_share', [{ level: 'province', code: '001', year: 2023, value: 75 }]],
]);

describe('services per 10,000 non-EU residents', () => {
  it('province: foreign residents × non-EU share of the latest year (8,000 × 75 % = 6,000), not estimated', () => {
    expect(nonEuResidents(rows, territories, 'province').get('001')).toEqual({ value: 6000, estimated: false });
  });
  it('comuni: the province share applied to their population, flagged as an estimate (6,000 × 60 % = 3,600)', () => {
    const m = nonEuResidents(rows, territories, 'comune');
    expect(m.get('001001')).toEqual({ value: 3600, estimated: true });
    expect(m.get('001002')).toEqual({ value: 2400, estimated: true });
  });
  it('region without its own rows: no entry (no data), never 0', () => {
    expect(nonEuResidents(rows, territories, 'region').size).toBe(0);
  });
  it('per 10,000: 3 services for 6,000 non-EU residents = 5; unknown counts stay null', () => {
    const base = {
      population: 100000,
      nearest_km: null,
      nearest_ids: [],
      per_10k: null,
      access_2sfca: null,
      access_e2sfca: null,
      gap_population: null,
    } as unknown as CoverageMeasure;
    const [a, b] = withNonEu(
      [
        { ...base, code: '001', services: 3 },
        { ...base, code: '999', services: 3 },
      ],
      new Map([['001', { value: 6000, estimated: false }]]),
    );
    expect(a.per_10k_noneu).toBeCloseTo(5, 12);
    expect(b.per_10k_noneu).toBeNull();
  });
});
