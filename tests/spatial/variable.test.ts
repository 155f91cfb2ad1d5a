// The spatial view's variables: the coefficient's vector is the coefficient mode's scores (labelled fixture).
import { describe, expect, it } from 'vitest';
import { CoefficientModel } from '../../src/coefficient/model.svelte';
import { DEFAULT_SPATIAL, SpatialModel } from '../../src/spatial/model.svelte';
import { coverageOnGroups, formatVariable, parseVariable, valuesOn, variableOffered } from '../../src/spatial/variable';
import type { Hub } from '../../src/modes/types';
import { fixtureMeta, fixtureRow, fixtureTerritory } from '../fixtures/catalogue';

// FIXTURE (synthetic, not real data): five provinces of one region, two labour indicators; P5 has no value at all
const catalogue = [fixtureMeta('a', 1), fixtureMeta('b', -1)];
const territories = [
  fixtureTerritory('italy', 'IT', null, null),
  fixtureTerritory('region', 'R1', null, 'R1'),
  ...['P1', 'P2', 'P3', 'P4', 'P5'].map((c) => fixtureTerritory('province', c, c, 'R1')),
];
const rows = new Map([
  ['a', [10, 20, 30, 25].map((v, i) => fixtureRow('province', `P${i + 1}`, v, 'a'))],
  ['b', [5, 1, 3, 2].map((v, i) => fixtureRow('province', `P${i + 1}`, v, 'b'))],
]);

function setUp() {
  const view = {
    level: 'province',
    cfg: null,
    fade: false,
    mode: 'indicator',
    opts: null,
    indicator: 'a',
    year: null,
    group: null,
  };
  const data = {
    fullStatus: 'ready',
    status: 'ready',
    catalogue,
    territories,
    rowsByIndicator: rows,
    userGroupings: [],
    index: new Map([['province', new Map(territories.filter((t) => t.level === 'province').map((t) => [t.code, t]))]]),
  };
  const coef = new CoefficientModel(data as never, view as never);
  coef.init();
  const hub = { data, view, map: { groupProvider: null }, model: () => Promise.resolve(coef) } as unknown as Hub;
  const sm = new SpatialModel(hub);
  return { coef, sm };
}

describe('the coefficient as a spatial variable', () => {
  it('is the coefficient mode’s scores, territory by territory, in the level’s order; no score is missing, not 0', () => {
    const { coef, sm } = setUp();
    sm.settings = { ...DEFAULT_SPATIAL, variable: 'coefficient' };
    sm.coef = coef;
    const scores = new Map(coef.matrix!.codes.map((c, i) => [c, coef.result!.scores[i]]));
    expect(coef.result!.scored).toBe(4);
    const got = sm.ownValues.values;
    expect(got.map((v) => v.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    for (const v of got.slice(0, 4)) expect(v.value).toBe(scores.get(v.code));
    // P3 (a = 30, b = 3) beats P1 (a = 10, b = 5): a higher a is better, a higher b worse
    expect(got[2].value!).toBeGreaterThan(got[0].value!);
    expect(got[4]).toEqual({ code: 'P5', value: null, sourceLevel: null, inherited: false });
    expect(sm.ownValues.missing).toBe(1);
    expect(sm.variableMeta?.source.it).toMatch(/coefficiente, configurazione predefinita del livello: 2 indicatori/);
    sm.dispose();
  });
  it('the map’s indicator stays the default variable', () => {
    const { sm } = setUp();
    expect(sm.variable).toEqual({ kind: 'indicator' });
    expect(sm.ownValues.values.map((v) => v.value)).toEqual([10, 20, 30, 25, null]);
    sm.dispose();
  });
});

describe('variables (pure)', () => {
  it('round trip and the levels that offer them', () => {
    for (const s of ['indicator', 'coefficient', 'coverage:access_e2sfca', 'coverage:nearest_km'])
      expect(formatVariable(parseVariable(s)!)).toBe(s);
    expect(parseVariable('coverage:')).toBeNull();
    expect(parseVariable('coef')).toBeNull();
    expect(variableOffered({ kind: 'coefficient' }, 'nuts2', false)).toBe(false);
    // a grouping: coverage measures (aggregated from the comuni) but the non-EU rate; no coefficient
    expect(variableOffered({ kind: 'coverage', measure: 'per_10k' }, 'province', true)).toBe(true);
    expect(variableOffered({ kind: 'coverage', measure: 'per_10k_noneu' }, 'province', true)).toBe(false);
    expect(variableOffered({ kind: 'coefficient' }, 'province', true)).toBe(true);
    expect(variableOffered({ kind: 'coverage', measure: 'per_10k' }, 'nuts2', false)).toBe(false);
    expect(variableOffered({ kind: 'coefficient' }, 'sll', false)).toBe(true);
    expect(variableOffered({ kind: 'indicator' }, 'nuts2', true)).toBe(true);
  });
  it('valuesOn: the level’s codes in order, missing (and non-finite) values are null', () => {
    const provided = [
      { code: 'B', value: 2, sourceLevel: 'province' as const, inherited: false },
      { code: 'C', value: Number.NaN, sourceLevel: 'province' as const, inherited: false },
      { code: 'Z', value: 9, sourceLevel: 'province' as const, inherited: false },
    ];
    expect(valuesOn(['A', 'B', 'C'], provided, 'province').map((v) => v.value)).toEqual([null, 2, null]);
  });
});

describe('a coverage measure on the groups of a grouping (worked by hand, synthetic fixture)', () => {
  // c1 (100 residents, E2SFCA 2, 1 service, 10 people beyond X km) and c2 (300, 4, 0 services) form A;
  // c3 (50 residents, no data) forms B; c4 belongs to no group
  const m = (code: string, population: number, e2: number | null, services: number | null, gap: number | null) => ({
    code,
    population,
    nearest_km: null,
    nearest_ids: [],
    services,
    per_10k: null,
    access_2sfca: null,
    access_e2sfca: e2,
    gap_population: gap,
  });
  const comune = [m('c1', 100, 2, 1, 10), m('c2', 300, 4, 0, null), m('c3', 50, null, null, null), m('c4', 1, 9, 9, 9)];
  const members = new Map([
    ['c1', 'A'],
    ['c2', 'A'],
    ['c3', 'B'],
  ]);
  it('E2SFCA is the population-weighted mean (2·100 + 4·300)/400 = 3.5; a group with no data is missing, not 0', () => {
    expect(coverageOnGroups(comune, members, 'access_e2sfca').map((v) => [v.code, v.value])).toEqual([
      ['A', 3.5],
      ['B', null],
    ]);
  });
  it('services per 10,000 is a ratio of sums (1 / 400 × 10,000 = 25); people beyond X km add up', () => {
    expect(coverageOnGroups(comune, members, 'per_10k')[0].value).toBeCloseTo(25, 12);
    expect(coverageOnGroups(comune, members, 'gap_population')[0].value).toBe(10);
  });
});
