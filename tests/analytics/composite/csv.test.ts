import { describe, expect, it } from 'vitest';
import { toCSV } from '../../../src/analytics/composite/csv';
import { resultRows, type ResultRow } from '../../../src/analytics/composite/rows';
import { computeIndex } from '../../../src/analytics/composite/compute';
import { A, B, C, EXAMPLE, config } from '../../fixtures/composite/example';

describe('toCSV(resultRows(...))', () => {
  it('fixed columns, pillars in fixed order, \\n line ends', () => {
    const r = computeIndex(EXAMPLE, config([A, B, C], { minObservedShare: 0.8 }));
    const text = toCSV(resultRows(EXAMPLE, r), ['stability', 'labour']);
    // B is insufficient (observed ¾ < 0.8): no score, no rank; its labour sub-score is shown (fully
    // observed) but not its stability one (within the pillar only b is observed: ½ < 0.8); every value
    // of the fixture is the provinces' own, so own_level_weight is 1 where scored, empty for B
    expect(text).toBe(
      [
        'code,name,score,rank,rank_p05,rank_p50,rank_p95,observed_weight,own_level_weight,status,labour,stability',
        'A,Alfa,16.6667,3,,,,1.0000,1.0000,ok,0.0000,33.3333',
        'B,Beta,,,,,,0.7500,,insufficient,25.0000,',
        'C,Gamma,37.5000,2,,,,1.0000,1.0000,ok,50.0000,25.0000',
        'D,Delta,83.3333,1,,,,1.0000,1.0000,ok,100.0000,66.6667',
        '',
      ].join('\n'),
    );
  });
  it('a name starting with a minus is neutralised, a negative score is not', () => {
    const row: ResultRow = {
      code: '1',
      name: '-Nome',
      score: -1.5,
      rank: 1,
      rank_p05: 1,
      rank_p50: 1,
      rank_p95: 2,
      observed_weight: 1,
      own_level_weight: 0.125,
      status: 'ok',
      labour: -2,
    };
    expect(toCSV([row], ['labour']).split('\n')[1]).toBe("1,'-Nome,-1.5000,1,1,1,2,1.0000,0.1250,ok,-2.0000");
  });
});
