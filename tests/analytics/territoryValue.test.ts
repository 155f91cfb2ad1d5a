import { describe, it, expect, beforeAll } from 'vitest';
import { levelTable, valueIn, territoryValue } from '../../src/analytics/territoryValue';
import { territoryProfile } from '../../src/analytics/territoryProfile';
import { compareRows } from '../../src/compare/values';
import { ChoroplethModel } from '../../src/state/choropleth.svelte';
import { kindOf, type IndicatorMeta, type IndicatorRow, type Territory } from '../../src/analytics/catalogue';
import type { DataStore } from '../../src/state/data.svelte';
import type { ViewState } from '../../src/state/view.svelte';
import { fixtureMeta, fixtureTerritories } from '../fixtures/catalogue';
import { readBuiltTables } from '../builtData';

// Synthetic fixture (not real data): Italy, two regions, four provinces.
const territories: Territory[] = fixtureTerritories();
const meta = (id: string, polarity: 1 | -1 | 0, kind: IndicatorMeta['kind'] = 'rate') =>
  fixtureMeta(id, polarity, { kind });
const R = (level: IndicatorRow['level'], code: string, year: number, value: number | null): IndicatorRow => ({
  indicator: 'x',
  level,
  code,
  year,
  value,
  numerator: null,
  denominator: null,
});
// 'rate' (lower is better): measured on provinces; 2024 is announced with rows but no values yet, so the
// year every view shows by default is 2023.
const rate = [
  ...[5, 7, 7, null].map((v, i) => R('province', `00${i + 1}`, 2022, v)),
  ...[6, 4, 4, 9].map((v, i) => R('province', `00${i + 1}`, 2023, v)),
  ...[null, null, null, null].map((v, i) => R('province', `00${i + 1}`, 2024, v)),
  R('region', '01', 2023, 5),
  R('region', '02', 2023, 6),
  R('italy', 'IT', 2023, 5.5),
];
// 'reg' (higher is better): regions only, so provinces inherit it (⚑); 'cnt': a count on regions only, never inherited
const reg = [R('region', '01', 2023, 10), R('region', '02', 2023, 20)];
const cnt = [R('region', '01', 2023, 100), R('region', '02', 2023, 200)];
const catalogue = [meta('rate', -1), meta('reg', 1), meta('cnt', 0, 'count')];
const rowsByIndicator = new Map([
  ['rate', rate],
  ['reg', reg],
  ['cnt', cnt],
]);

describe('territoryValue (golden numbers by hand)', () => {
  it('rate 2023, lower is better: 4, 4, 6, 9 → 002 and 003 share rank 1, 001 is 3rd, 004 4th of 4', () => {
    const t = levelTable(rate, territories, 'province', { polarity: -1 });
    expect(t.year).toBe(2023);
    expect(['001', '002', '003', '004'].map((c) => valueIn(t, c).rank)).toEqual([3, 1, 1, 4]);
    expect(valueIn(t, '001')).toMatchObject({ value: 6, sourceLevel: 'province', peers: 4, inherited: false });
  });

  it('an asked year: 2022 ranks the three values 5, 7, 7 (004 missing stays missing, never inherited)', () => {
    const t = levelTable(rate, territories, 'province', { polarity: -1, year: 2022 });
    expect(['001', '002', '003', '004'].map((c) => valueIn(t, c).rank)).toEqual([1, 2, 2, null]);
    expect(valueIn(t, '004')).toMatchObject({ value: null, inherited: false, peers: 3, notAtLevel: false });
  });

  it('a region-only rate is inherited on provinces, unranked; a region-only count is "not available at this level"', () => {
    const r = levelTable(reg, territories, 'province', { polarity: 1 });
    expect(valueIn(r, '003')).toMatchObject({
      value: 20,
      sourceLevel: 'region',
      inherited: true,
      rank: null,
      peers: 0,
    });
    const c = levelTable(cnt, territories, 'province', { kind: 'count' });
    expect(valueIn(c, '003')).toMatchObject({ value: null, notAtLevel: true });
  });

  it('one territory alone gives what its level table gives', () => {
    for (const [id, rows] of rowsByIndicator) {
      const m = catalogue.find((x) => x.id === id)!;
      const o = { polarity: m.polarity, kind: kindOf(m) };
      const table = levelTable(rows, territories, 'province', o);
      for (const t of territories.filter((x) => x.level === 'province'))
        expect(territoryValue(rows, territories, t, o)).toEqual(valueIn(table, t.code));
    }
  });
});

describe('the map, the comparison and the profile show the same value, rank and year', () => {
  const data = {
    catalogue,
    territories,
    rowsByIndicator,
    index: new Map([['province', new Map(territories.filter((t) => t.level === 'province').map((t) => [t.code, t]))]]),
  } as unknown as DataStore;
  const view = (indicator: string) =>
    ({
      mode: 'indicator',
      level: 'province',
      indicator,
      year: null,
      group: null,
      method: 'quantile',
      k: 3,
      breaks: [],
      scheme: 'YlGnBu',
    }) as unknown as ViewState;
  const picks = ['001', '003'].map((code) => ({
    code,
    level: 'province' as const,
    territory: territories.find((t) => t.code === code),
  }));
  const compared = compareRows(catalogue, rowsByIndicator, territories, picks);

  it.each(['rate', 'reg', 'cnt'])('%s', (id) => {
    const map = new ChoroplethModel(data, view(id));
    const row = compared.find((r) => r.meta.id === id)!;
    expect(row.year).toBe(map.year);
    picks.forEach((p, i) => {
      const profile = territoryProfile(rowsByIndicator, territories, catalogue, 'province', p.code).find(
        (r) => r.indicator === id,
      )!;
      const shown = map.byCode.get(p.code);
      expect(profile.year).toBe(map.year);
      expect(profile.value).toBe(shown?.value ?? null);
      expect(profile.notAtLevel).toBe(map.notAtLevel && (shown?.value ?? null) === null);
      expect(profile.rank).toBe(map.ranks.get(p.code)?.rank ?? null);
      expect(row.cells[i].value).toBe(shown?.value ?? null);
      if (!shown?.inherited) expect(row.cells[i].rank?.rank ?? null).toBe(map.ranks.get(p.code)?.rank ?? null);
    });
  });

  it('the year is 2023 for rate (not 2024, whose rows have no value) and province 001 shows 6, 3rd of 4', () => {
    const p = territoryProfile(rowsByIndicator, territories, catalogue, 'province', '001').find(
      (r) => r.indicator === 'rate',
    );
    expect(p).toMatchObject({ year: 2023, value: 6, rank: 3, ranked: 4, parentValue: 5, italyValue: 5.5 });
  });
});

// The real data contract (public/data, built by `npm run data`): the single-territory path equals the table.
describe('territoryValue = the level table on the real data', () => {
  let territoriesReal: Territory[];
  let rowsReal: Map<string, IndicatorRow[]>;
  let cat: IndicatorMeta[];
  beforeAll(async () => {
    ({ territories: territoriesReal, rowsByIndicator: rowsReal, catalogue: cat } = await readBuiltTables());
  }, 120000);

  // sll: a local labour system inherits a regional rate as the map does (INHERIT_FROM: sll → region)
  it.each(['comune', 'province', 'region', 'sll', 'nuts2'] as const)(
    '%s: every indicator, a sample of its territories',
    (level) => {
      const ts = territoriesReal.filter((t) => t.level === level);
      const peers = new Set(ts.map((t) => t.code));
      for (const m of cat) {
        const rows = rowsReal.get(m.id) ?? [];
        const o = { polarity: m.polarity, kind: kindOf(m) };
        const table = levelTable(rows, territoriesReal, level, o);
        for (let i = 0; i < ts.length; i += level === 'comune' ? 50 : 3)
          expect(territoryValue(rows, territoriesReal, ts[i], { ...o, peers })).toEqual(valueIn(table, ts[i].code));
      }
    },
    60000,
  );
});
