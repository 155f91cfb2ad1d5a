import { describe, it, expect } from 'vitest';
import crypto from 'node:crypto';
import { META, buildCatalogue } from '../../data/build/catalogue.ts';
import { sortIndicators, sortTerritories, type TerritoryRow } from '../../data/build/write.ts';
import type { IndicatorRow } from '../../data/build/types.ts';

const sha = (x: unknown) => crypto.createHash('sha256').update(JSON.stringify(x)).digest('hex');

/** Deterministic shuffle (LCG) so the test itself is reproducible. */
function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const rows: IndicatorRow[] = [];
for (const indicator of ['population', 'density', 'unemployment_rate', 'longterm_permit_share'])
  for (const [level, code] of [
    ['italy', 'IT'],
    ['region', '01'],
    ['region', '12'],
    ['province', '001'],
    ['comune', '001001'],
  ] as const)
    for (const year of [2019, 2023])
      rows.push({ level, code, indicator, year, value: year + code.length, numerator: null, denominator: null });

describe('determinism of pure transforms', () => {
  it('indicator sort gives the same order whatever the input order (indicator, level order, code, year)', () => {
    const a = sortIndicators(shuffle(rows, 1));
    const b = sortIndicators(shuffle(rows, 2));
    expect(sha(a)).toBe(sha(b));
    expect(a.slice(0, 3).map((r) => `${r.indicator}|${r.level}|${r.code}|${r.year}`)).toEqual([
      'density|italy|IT|2019',
      'density|italy|IT|2023',
      'density|region|01|2019',
    ]);
  });

  it('catalogue is identical for any row order and lists levels/years where data exists', () => {
    const a = buildCatalogue(META, shuffle(rows, 3));
    const b = buildCatalogue(META, shuffle(rows, 4));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.map((c) => c.id)).toEqual(['population', 'density', 'longterm_permit_share', 'unemployment_rate']);
    expect(a[0].levels).toEqual(['italy', 'region', 'province', 'comune']);
    expect(a[0].years).toEqual([2019, 2023]);
  });

  it('catalogue refuses rows of an indicator it does not describe', () => {
    expect(() => buildCatalogue(META, [{ ...rows[0], indicator: 'mystery' }])).toThrow(/mystery/);
  });

  it('territories sort by level order then code', () => {
    const t = (level: TerritoryRow['level'], code: string): TerritoryRow => ({
      level,
      code,
      name: code,
      province_code: null,
      region_code: null,
      population: 1,
      area_km2: 1,
      lon: 0,
      lat: 0,
      has_geometry: true,
      capital: false,
      sll_code: null,
    });
    const s = sortTerritories([
      t('comune', '001001'),
      t('region', '12'),
      t('italy', 'IT'),
      t('province', '001'),
      t('region', '01'),
    ]);
    expect(s.map((x) => x.code)).toEqual(['IT', '01', '12', '001', '001001']);
  });
});
