/**
 * The coefficient's matrix over a grouping (src/grouping/matrix.ts), on a small labelled fixture (synthetic
 * territories, groups and values — not real data). Every expected number is read off the fixture by hand.
 */
import { describe, expect, it } from 'vitest';
import { groupMatrix, groupParents } from '../../src/grouping/matrix';
import { sourceLevelOf, type MatrixTerritory } from '../../src/analytics/composite';
import type { IndicatorRow } from '../../src/analytics/levels';
import type { GroupValue } from '../../src/db/queries/groupingIndicators';

// fixture: regions R1 (provinces P1, P2) and R2 (P3); comuni c1, c2, c5 in P1, c3 in P2, c4 in P3
const T = (
  level: MatrixTerritory['level'],
  code: string,
  province: string | null,
  region: string | null,
  population: number | null = null,
) => ({ level, code, name: code, province_code: province, region_code: region, population });
const territories: MatrixTerritory[] = [
  T('region', 'R1', null, 'R1'),
  T('region', 'R2', null, 'R2'),
  T('province', 'P1', 'P1', 'R1'),
  T('province', 'P2', 'P2', 'R1'),
  T('province', 'P3', 'P3', 'R2'),
  T('comune', 'c1', 'P1', 'R1', 100),
  T('comune', 'c2', 'P1', 'R1', 100),
  T('comune', 'c5', 'P1', 'R1', 100),
  T('comune', 'c3', 'P2', 'R1', 300),
  T('comune', 'c4', 'P3', 'R2', 50),
];
// G1 inside P1; G2 spans P1 and P2 (inside R1); G3 inside P3
const grouping = {
  members: new Map([
    ['c1', 'G1'],
    ['c2', 'G1'],
    ['c5', 'G2'],
    ['c3', 'G2'],
    ['c4', 'G3'],
  ]),
  names: new Map([
    ['G1', 'Gruppo uno'],
    ['G2', 'Gruppo due'],
    ['G3', 'Gruppo tre'],
  ]),
};
/** rows from [level, code, year, value] (no numerators: the groups' own values come from the grouping query) */
const rowsOf = (...spec: [IndicatorRow['level'], string, number, number][]): IndicatorRow[] =>
  spec.map(([level, code, year, value]) => ({ level, code, year, value, numerator: null, denominator: null }));
const rows = new Map<string, IndicatorRow[]>([
  // measured per comune; P3's value must not reach G3
  ['rate_own', rowsOf(['comune', 'c1', 2021, 1], ['province', 'P3', 2021, 33], ['italy', 'IT', 2021, 15])],
  // measured per province and region only: inherited by the groups
  [
    'rate_prov',
    rowsOf(
      ['province', 'P1', 2023, 5],
      ['province', 'P2', 2023, 7],
      ['province', 'P3', 2023, 9],
      ['region', 'R1', 2023, 6],
      ['region', 'R2', 2023, 8],
      ['italy', 'IT', 2023, 6.5],
    ),
  ],
  // a count measured per province only: never inherited
  ['count_prov', rowsOf(['province', 'P1', 2023, 100], ['province', 'P3', 2023, 300])],
]);
const own: GroupValue[] = [
  { group: 'G1', indicator: 'rate_own', year: 2021, value: 10, withValue: 2, members: 2 },
  { group: 'G2', indicator: 'rate_own', year: 2021, value: 20, withValue: 2, members: 2 },
  { group: 'G3', indicator: 'rate_own', year: 2021, value: null, withValue: 0, members: 1 },
];
const kinds = { rate_own: 'rate', rate_prov: 'rate', count_prov: 'count' } as const;

describe('groupParents', () => {
  it('is the province holding every comune, else the region, else none', () => {
    const comuni = new Map(territories.filter((t) => t.level === 'comune').map((t) => [t.code, t]));
    expect(Object.fromEntries(groupParents(grouping, comuni))).toEqual({
      G1: { province: 'P1', region: 'R1' },
      G2: { province: null, region: 'R1' },
      G3: { province: 'P3', region: 'R2' },
    });
    const across = {
      members: new Map([
        ['c1', 'X'],
        ['c4', 'X'],
      ]),
      names: new Map([['X', 'X']]),
    };
    expect(groupParents(across, comuni).get('X')).toEqual({ province: null, region: null });
  });
});

describe('groupMatrix', () => {
  const m = groupMatrix(grouping, own, rows, territories, ['rate_own', 'rate_prov', 'count_prov'], kinds);
  const col = (j: number) => [...m.values[j]].map((v) => (Number.isNaN(v) ? null : v));
  const src = (j: number) => m.codes.map((_, i) => sourceLevelOf(m, j, i));

  it('ranks the groups, named, at the comune level', () => {
    expect(m.level).toBe('comune');
    expect(m.codes).toEqual(['G1', 'G2', 'G3']);
    expect(m.names).toEqual(['Gruppo uno', 'Gruppo due', 'Gruppo tre']);
  });

  it('takes the aggregated comune values as the groups’ own; a missing one stays missing', () => {
    expect(col(0)).toEqual([10, 20, null]);
    expect(src(0)).toEqual(['comune', 'comune', null]);
    expect(m.years[0]).toBe(2021);
    expect(m.ref[0]).toBe(15);
  });

  it('inherits a rate not measured per comune from the province holding the group, else its comuni’s mean', () => {
    // G2 spans P1 (c5, 100 inhabitants, 5) and P2 (c3, 300 inhabitants, 7): (5·100 + 7·300) / 400 = 6.5
    expect(col(1)).toEqual([5, 6.5, 9]);
    expect(src(1)).toEqual(['province', 'province', 'province']);
    // impute_parent's parent: the province (none for G2, which spans two)
    expect([...m.parentValues[1]].map((v) => (Number.isNaN(v) ? null : v))).toEqual([5, null, 9]);
    expect(m.ref[1]).toBe(6.5);
    expect(m.refSource[1]).toBe('italy');
  });

  it('never inherits a count', () => {
    expect(col(2)).toEqual([null, null, null]);
  });

  it('a group across regions: the population-weighted mean of its comuni, flagged with the coarsest level', () => {
    // X = c1 (P1, R1, 100 inhabitants) + c4 (P3, R2, 50); Y = c2 (P1) + c3 (P2), c3's population unknown below
    const across = {
      members: new Map([
        ['c1', 'X'],
        ['c4', 'X'],
        ['c2', 'Y'],
        ['c3', 'Y'],
      ]),
      names: new Map([
        ['X', 'X'],
        ['Y', 'Y'],
      ]),
    };
    const byRegion = new Map([...rows, ['rate_reg', rowsOf(['region', 'R1', 2023, 6], ['region', 'R2', 2023, 8])]]);
    const noPopC3 = territories.map((t) => (t.code === 'c3' ? { ...t, population: null } : t));
    const x = groupMatrix(across, [], byRegion, noPopC3, ['rate_prov', 'rate_reg', 'count_prov'], {
      ...kinds,
      rate_reg: 'rate',
    });
    const v = (j: number) => [...x.values[j]].map((n) => (Number.isNaN(n) ? null : n));
    // (5·100 + 9·50) / 150 and (6·100 + 8·50) / 150
    expect(v(0)[0]).toBeCloseTo(950 / 150, 12);
    expect(v(1)[0]).toBeCloseTo(1000 / 150, 12);
    expect([sourceLevelOf(x, 0, 0), sourceLevelOf(x, 1, 0)]).toEqual(['province', 'region']);
    // Y spans P1 and P2 and c3 has no population to weigh by: missing, never a partial mean
    expect([v(0)[1], v(1)[1]]).toEqual([null, null]);
    expect(v(2)).toEqual([null, null]);
  });
});
