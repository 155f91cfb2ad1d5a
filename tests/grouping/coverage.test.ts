/** Coverage over a grouping (src/grouping/coverage.ts) on a labelled synthetic fixture; numbers worked by hand. */
import { describe, expect, it } from 'vitest';
import { groupCoverage, groupNonEu } from '../../src/grouping/coverage';
import type { CoverageMeasure } from '../../src/analytics/coverage/index';

const m = (code: string, population: number, nearest: number | null, services: number | null): CoverageMeasure => ({
  code,
  population,
  nearest_km: nearest,
  nearest_ids: [],
  services,
  per_10k: null,
  access_2sfca: null,
  access_e2sfca: null,
  gap_population: null,
});
// SYNTHETIC: c1, c2 in group G; c3 in H; c4 in no group
const members = new Map([
  ['c1', 'G'],
  ['c2', 'G'],
  ['c3', 'H'],
]);

describe('groupCoverage', () => {
  it('sums the members’ population and services, weights distance by population', () => {
    const rows = groupCoverage(
      [m('c1', 1000, 2, 1), m('c2', 3000, 6, 2), m('c3', 500, 10, 0), m('c4', 9, 1, 1)],
      members,
    );
    expect(rows.map((r) => r.code)).toEqual(['G', 'H']);
    const g = rows[0];
    expect(g.population).toBe(4000);
    // (1000·2 + 3000·6) / 4000 = 5
    expect(g.nearest_km).toBe(5);
    expect(g.services).toBe(3);
    // 3 services per 4,000 residents = 7.5 per 10,000
    expect(g.per_10k).toBeCloseTo(7.5, 10);
  });
});

describe('groupNonEu', () => {
  it('adds the members’ estimates; a group with a member lacking one is missing, never a partial sum', () => {
    const n = groupNonEu(
      new Map([
        ['c1', { value: 40, estimated: true }],
        ['c2', { value: 60, estimated: true }],
        ['c4', { value: 7, estimated: true }],
      ]),
      members,
    );
    expect(n.get('G')).toEqual({ value: 100, estimated: true });
    expect(n.has('H')).toBe(false);
  });
});
