import { describe, it, expect } from 'vitest';
import { compareRows, trendSeries } from '../../src/compare/values';
import { similarTerritories } from '../../src/compare/similar';
import { addCode, levelOfCode } from '../../src/compare/codes';
import type { IndicatorMeta, IndicatorRow, Territory } from '../../src/analytics/catalogue';
import { fixtureMeta, fixtureTerritory } from '../fixtures/catalogue';

const T = fixtureTerritory;
// two regions, four provinces (the fourth without values)
const territories: Territory[] = [
  T('region', '01', null, null),
  T('region', '02', null, '01'),
  T('province', '001', '001', '01'),
  T('province', '002', '002', '01'),
  T('province', '003', '003', '02'),
  T('province', '004', '004', '02'),
];
territories[1].region_code = null;
const meta = (id: string, polarity: 1 | -1 | 0, aggregation: IndicatorMeta['aggregation'] = 'ratio_of_sums') =>
  fixtureMeta(id, polarity, { aggregation });
const R = (
  level: IndicatorRow['level'],
  code: string,
  indicator: string,
  year: number,
  value: number | null,
): IndicatorRow => ({
  level,
  code,
  indicator,
  year,
  value,
  numerator: null,
  denominator: null,
});

/** province rows 001, 002, … of one indicator in 2023 (null: no row) */
const P = (indicator: string, ...values: (number | null)[]): IndicatorRow[] =>
  values.flatMap((v, i) => (v === null ? [] : [R('province', String(i + 1).padStart(3, '0'), indicator, 2023, v)]));

describe('compare values', () => {
  const rows = new Map<string, IndicatorRow[]>([
    // measured at province level (3 of 4): province 004 stays missing, never inherits
    ['a', [...P('a', 10, 20, 30), R('region', '02', 'a', 2023, 99)]],
    // measured at region level only: provinces inherit (⚑)
    ['u', [R('region', '01', 'u', 2023, 8), R('region', '02', 'u', 2023, 4)]],
  ]);
  const picks = ['001', '003', '004'].map((code) => ({
    code,
    level: 'province' as const,
    territory: territories.find((t) => t.code === code),
  }));
  const out = compareRows([meta('a', 1), meta('u', -1)], rows, territories, picks);

  it('gives own values with mid-rank percentiles (hand-worked: 10, 20, 30 → 16.7, 50, 83.3)', () => {
    const a = out[0];
    expect(a.cells.map((c) => c.value)).toEqual([10, 30, null]);
    expect(a.cells[0].percentile).toBeCloseTo((100 * 0.5) / 3, 6);
    expect(a.cells[1].percentile).toBeCloseTo((100 * 2.5) / 3, 6);
    expect(a.cells[2].percentile).toBeNull();
    expect(a.cells[1].rank).toEqual({ rank: 1, of: 3 });
    expect(a.cells.every((c) => !c.inherited)).toBe(true);
  });

  it('marks inherited values and places them among the regions (lower is better: 4 is best)', () => {
    const u = out[1];
    expect(u.cells.map((c) => [c.value, c.inherited, c.sourceLevel])).toEqual([
      [8, true, 'region'],
      [4, true, 'region'],
      [4, true, 'region'],
    ]);
    // among two regions, oriented: region 02 (4) → 75, region 01 (8) → 25
    expect(u.cells.map((c) => c.percentile)).toEqual([25, 75, 75]);
  });

  it('builds trend series per year with gaps as null', () => {
    const rowsT = [
      R('province', '001', 't', 2019, 1),
      R('province', '001', 't', 2020, 2),
      R('province', '003', 't', 2020, 5),
      R('province', '002', 't', 2019, 1),
      R('province', '002', 't', 2020, 1),
    ];
    const s = trendSeries(rowsT, territories, picks.slice(0, 2));
    expect(s[0].points).toEqual([
      { x: 2019, y: 1 },
      { x: 2020, y: 2 },
    ]);
    expect(s[1].points).toEqual([
      { x: 2019, y: null },
      { x: 2020, y: 5 },
    ]);
  });
});

describe('similar territories', () => {
  // provinces on two indicators; 'pop' is a count and is left out
  const rows = new Map<string, IndicatorRow[]>([
    ['x', P('x', 0, 1, 10, 11)],
    ['y', P('y', 0, 0, 5, 5)],
    ['pop', P('pop', 1e6, 1)],
    ['r', [R('region', '01', 'r', 2023, 1)]],
  ]);
  const cat = [meta('x', 1), meta('y', 1), meta('pop', 0, 'sum'), meta('r', 1)];

  it('uses z-scores of the indicators measured at the level and names the ones left out', () => {
    const res = similarTerritories(cat, rows, territories, 'province', '001', 2);
    expect(res.used.map((u) => [u.id, u.count])).toEqual([
      ['x', 4],
      ['y', 4],
    ]);
    expect(res.skipped).toEqual([
      { id: 'pop', reason: 'count' },
      { id: 'r', reason: 'not-measured' },
    ]);
    // x: mean 5.5, sd √(((5.5²+4.5²)·2)/4) = √25.25; y: mean 2.5, sd 2.5
    // 001–002: dx = 1/√25.25, dy = 0 → RMS = √((1/25.25)/2) ≈ 0.1407
    expect(res.neighbours[0].code).toBe('002');
    expect(res.neighbours[0].distance).toBeCloseTo(Math.sqrt(1 / 25.25 / 2), 6);
    expect(res.neighbours[1].code).toBe('003');
    expect(res.neighbours).toHaveLength(2);
  });
});

describe('codes', () => {
  it('knows the level by the code length and keeps at most six', () => {
    expect(levelOfCode('01')).toBe('region');
    expect(levelOfCode('101')).toBe('province');
    expect(levelOfCode('101010')).toBe('comune');
    let l: string[] = [];
    for (const c of ['001', '002', '003', '004', '005', '006', '007', '001']) l = addCode(l, c);
    expect(l).toEqual(['001', '002', '003', '004', '005', '006']);
  });
});
