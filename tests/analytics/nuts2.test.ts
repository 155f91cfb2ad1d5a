// Europe's NUTS2 regions are a level of their own, outside Italy's hierarchy (SYNTHETIC fixtures, not real data).
import { describe, it, expect } from 'vitest';
import { valuesAtLevel } from '../../src/analytics/levels';
import { territoryProfile } from '../../src/analytics/territoryProfile';
import { candidateIndicators, INDEX_LEVELS } from '../../src/analytics/composite/config';
import { isLevel, LEVELS, LEVEL_ORDER_SQL, MAP_LEVELS } from '../../src/contract';
import { fixtureMeta, fixtureRow, fixtureTerritory } from '../fixtures/catalogue';

const territories = [
  fixtureTerritory('italy', 'IT', null, null),
  fixtureTerritory('region', '18', null, '18'),
  fixtureTerritory('province', '101', '101', '18'),
  // a NUTS2 region carries its ISTAT region code, but takes nothing from it and gives nothing to it
  fixtureTerritory('nuts2', 'ITF6', null, '18'),
  fixtureTerritory('nuts2', 'AT13', null, null),
];
const row = (level: 'italy' | 'region' | 'province' | 'nuts2', code: string, value: number) =>
  fixtureRow(level, code, value);

describe('the contract: nuts2 is a level and a map level, not part of the hierarchy', () => {
  it('LEVELS stays Italy’s chain; nuts2 is a level, a map level, and sorts after comune in SQL', () => {
    expect(LEVELS).toEqual(['italy', 'region', 'province', 'comune', 'sll']);
    expect(isLevel('nuts2')).toBe(true);
    expect(isLevel('nuts3')).toBe(false);
    expect(MAP_LEVELS).toContain('nuts2');
    expect(LEVEL_ORDER_SQL).toContain("WHEN 'nuts2' THEN 5");
  });
});

describe('no inheritance into or out of nuts2', () => {
  it('a NUTS2 region without its own value stays missing though its ISTAT region has one', () => {
    const rows = [row('region', '18', 60), row('nuts2', 'AT13', 66.7)];
    expect(valuesAtLevel(rows, territories, 'nuts2')).toEqual([
      { code: 'ITF6', value: null, sourceLevel: null, inherited: false },
      { code: 'AT13', value: 66.7, sourceLevel: 'nuts2', inherited: false },
    ]);
  });
  it('a province takes its region’s value, never the NUTS2 row with the same region code', () => {
    const rows = [row('nuts2', 'ITF6', 50), row('region', '18', 60)];
    expect(valuesAtLevel(rows, territories, 'province')).toEqual([
      { code: '101', value: 60, sourceLevel: 'region', inherited: true },
    ]);
    expect(valuesAtLevel([row('nuts2', 'ITF6', 50)], territories, 'province')[0].value).toBeNull();
  });
});

describe('the territory profile of a European region', () => {
  const catalogue = [
    fixtureMeta('gap', -1, { levels: ['region', 'nuts2'] }),
    fixtureMeta('italy_only', 1, { levels: ['italy', 'region'] }),
  ];
  const withId = (indicator: string, rows: ReturnType<typeof row>[]) => rows.map((r) => ({ ...r, indicator }));
  const rowsByIndicator = new Map([
    [
      'gap',
      withId('gap', [
        row('italy', 'IT', 9),
        row('region', '18', 7),
        row('nuts2', 'ITF6', 7),
        row('nuts2', 'AT13', 8.9),
      ]),
    ],
    ['italy_only', withId('italy_only', [row('italy', 'IT', 1), row('region', '18', 2)])],
  ]);
  it('lists only the figures measured at nuts2, ranked among the European regions, beside no Italian figure', () => {
    const p = territoryProfile(rowsByIndicator, territories, catalogue, 'nuts2', 'ITF6');
    expect(p.map((r) => r.indicator)).toEqual(['gap']);
    // polarity −1: 7 beats 8.9 → 1st of 2
    expect(p[0]).toMatchObject({
      value: 7,
      sourceLevel: 'nuts2',
      rank: 1,
      ranked: 2,
      parentValue: null,
      italyValue: null,
    });
  });
});

describe('the coefficient needs Italy’s hierarchy', () => {
  it('is not computed at nuts2, and a figure measured only at nuts2 never enters it', () => {
    expect(INDEX_LEVELS).toEqual(['region', 'province', 'comune', 'sll']);
    const cat = [fixtureMeta('eu_only', 1, { levels: ['nuts2'] }), fixtureMeta('reg', 1, { levels: ['region'] })];
    expect(candidateIndicators(cat, 'comune').map((m) => m.id)).toEqual(['reg']);
  });
});

describe('the territory index', () => {
  it('holds the NUTS2 regions by code, beside Italy’s levels', async () => {
    const { indexTerritories } = await import('../../src/analytics/catalogue');
    const idx = indexTerritories(territories);
    expect(idx.get('nuts2')?.get('ITF6')?.code).toBe('ITF6');
    expect(idx.get('nuts2')?.size).toBe(2);
    expect(idx.get('region')?.size).toBe(1);
  });
});

describe('listedAt: which figures a level shows', () => {
  it('Europe’s level only its own; Italy’s levels all but the figures only Europe has', async () => {
    const { listedAt } = await import('../../src/analytics/catalogue');
    const euOnly = { levels: ['nuts2' as const] };
    const both = { levels: ['region' as const, 'nuts2' as const] };
    const italian = { levels: ['comune' as const] };
    expect([euOnly, both, italian].map((m) => listedAt(m, 'nuts2'))).toEqual([true, true, false]);
    expect([euOnly, both, italian].map((m) => listedAt(m, 'comune'))).toEqual([false, true, true]);
    // an imported indicator without levels yet stays on Italy's levels
    expect(listedAt({ levels: [] }, 'province')).toBe(true);
  });
});
