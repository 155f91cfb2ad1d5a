import { describe, it, expect, beforeAll } from 'vitest';
import { levelProfiles, mergeProfiles } from '../../src/analytics/levelProfiles';
import { territoryProfile, type ProfileLevel } from '../../src/analytics/territoryProfile';
import { readBuiltTables } from '../builtData';
import type { IndicatorMeta, IndicatorRow, Territory } from '../../src/analytics/catalogue';
import { fixtureMeta, fixtureRow, fixtureTerritories } from '../fixtures/catalogue';

// Synthetic fixture (not real data): Italy, two regions, four provinces; 'rate' (lower is better) on provinces in
// 2023, 'reg' on regions only (provinces inherit it, unranked), 'cnt' a count on regions only (never inherited).
const territories: Territory[] = fixtureTerritories();
const catalogue = [
  fixtureMeta('rate', -1),
  fixtureMeta('reg', 1),
  fixtureMeta('cnt', 0, { kind: 'count', aggregation: 'sum' }),
];
const rows = (id: string, list: [IndicatorRow['level'], string, number | null][]) =>
  list.map(([l, c, v]) => fixtureRow(l, c, v, id, 2023));
const rowsByIndicator = new Map([
  [
    'rate',
    rows('rate', [
      ['province', '001', 6],
      ['province', '002', 4],
      ['province', '003', 4],
      ['province', '004', null],
      ['region', '01', 5],
      ['region', '02', 6],
      ['italy', 'IT', 5.5],
    ]),
  ],
  [
    'reg',
    rows('reg', [
      ['region', '01', 10],
      ['region', '02', 20],
    ]),
  ],
  [
    'cnt',
    rows('cnt', [
      ['region', '01', 100],
      ['region', '02', 200],
    ]),
  ],
]);

describe('levelProfiles (golden numbers by hand)', () => {
  const p = levelProfiles(rowsByIndicator, territories, catalogue, 'province');

  it('every province, its rows in indicator-id order', () => {
    expect([...p.keys()]).toEqual(['001', '002', '003', '004']);
    expect(p.get('001')!.map((r) => r.indicator)).toEqual(['cnt', 'rate', 'reg']);
  });

  it('rate: 4, 4 share rank 1, 6 is 3rd of 3 ranked; 004 missing stays missing; its region and Italy beside', () => {
    const rate = (c: string) => p.get(c)!.find((r) => r.indicator === 'rate');
    expect(rate('001')).toEqual({
      indicator: 'rate',
      year: 2023,
      value: 6,
      sourceLevel: 'province',
      rank: 3,
      ranked: 3,
      parentValue: 5,
      italyValue: 5.5,
      notAtLevel: false,
    });
    expect(rate('002')).toMatchObject({ rank: 1, value: 4 });
    expect(rate('003')).toMatchObject({ rank: 1, value: 4, parentValue: 6 });
    expect(rate('004')).toMatchObject({ value: null, rank: null, sourceLevel: null, notAtLevel: false });
  });

  it('reg inherited from the region, unranked; cnt “not available at this level”', () => {
    expect(p.get('003')!.find((r) => r.indicator === 'reg')).toMatchObject({
      value: 20,
      sourceLevel: 'region',
      rank: null,
      ranked: 0,
    });
    expect(p.get('003')!.find((r) => r.indicator === 'cnt')).toMatchObject({ value: null, notAtLevel: true });
  });

  it('equals territoryProfile for each territory of each level', () => {
    for (const level of ['province', 'region'] as const)
      for (const [code, profile] of levelProfiles(rowsByIndicator, territories, catalogue, level))
        expect(profile).toEqual(territoryProfile(rowsByIndicator, territories, catalogue, level, code));
  });

  it('mergeProfiles: the two parts in indicator-id order', () => {
    const r = (indicator: string) => ({ indicator });
    expect(mergeProfiles([r('b'), r('x')], [r('a'), r('user_c')]).map((x) => x.indicator)).toEqual([
      'a',
      'b',
      'user_c',
      'x',
    ]);
  });
});

// The real data contract (public/data, built by `npm run data`): every region, province and NUTS2 region,
// every third SLL and one comune in 50, have in levelProfiles exactly what territoryProfile gives it.
describe('levelProfiles = territoryProfile on the real data', () => {
  let terr: Territory[];
  let real: Map<string, IndicatorRow[]>;
  let cat: IndicatorMeta[];
  beforeAll(async () => {
    ({ territories: terr, rowsByIndicator: real, catalogue: cat } = await readBuiltTables());
  }, 120000);

  it.each(['region', 'province', 'sll', 'nuts2', 'comune'] as ProfileLevel[])(
    '%s',
    (level) => {
      const all = levelProfiles(real, terr, cat, level);
      expect(all.size).toBe(terr.filter((t) => t.level === level).length);
      const codes = [...all.keys()];
      for (let i = 0; i < codes.length; i += level === 'comune' ? 50 : level === 'sll' ? 3 : 1)
        expect(all.get(codes[i])).toEqual(territoryProfile(real, terr, cat, level, codes[i]));
    },
    120000,
  );
});
