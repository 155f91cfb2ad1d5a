// The profile of a European region (SYNTHETIC fixtures, not real data).
import { describe, it, expect } from 'vitest';
import { keyFigures } from '../../src/profile/figures';
import { fixtureMeta, fixtureRow, fixtureTerritory } from '../fixtures/catalogue';

describe('key figures of a NUTS2 region', () => {
  it('only the figures measured at nuts2, with no Italian parent beside them', () => {
    const territories = [
      fixtureTerritory('italy', 'IT', null, null),
      fixtureTerritory('region', '18', null, '18'),
      fixtureTerritory('nuts2', 'ITF6', null, '18'),
      fixtureTerritory('nuts2', 'AT13', null, null),
    ];
    const r = (level: 'italy' | 'region' | 'nuts2', code: string, value: number, indicator: string) =>
      fixtureRow(level, code, value, indicator);
    const catalogue = [
      fixtureMeta('gap', -1, { levels: ['region', 'nuts2'], aggregation: 'none' }),
      fixtureMeta('italy_only', 1, { levels: ['italy', 'region'] }),
    ];
    const rows = new Map([
      [
        'gap',
        [
          r('italy', 'IT', 9, 'gap'),
          r('region', '18', 7, 'gap'),
          r('nuts2', 'ITF6', 7, 'gap'),
          r('nuts2', 'AT13', 8.9, 'gap'),
        ],
      ],
      ['italy_only', [r('italy', 'IT', 1, 'italy_only')]],
    ]);
    const f = keyFigures(catalogue, rows, territories, territories[2]);
    expect(f.map((x) => x.meta.id)).toEqual(['gap']);
    expect(f[0].own.value).toBe(7);
    expect(f[0].parents).toEqual([]);
    // lower is better: 7 beats 8.9
    expect(f[0].rank?.rank).toBe(1);
  });
});
