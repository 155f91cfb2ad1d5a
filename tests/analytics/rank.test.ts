import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileRank, percentileRanks, rankAmong } from '../../src/analytics/rank';
import type { Polarity } from '../../src/analytics/rank';
import { expectClose } from './asserts';

const V = new Map<string, number | null>([
  ['a', 10],
  ['b', 20],
  ['c', 20],
  ['d', null],
  ['e', 5],
]);

describe('rankAmong', () => {
  it('rankAmong(V, 1): 20, 20 share rank 1, then 10 is 3rd, 5 is 4th; null gets no rank', () => {
    expect(rankAmong(V, 1)).toEqual(
      new Map([
        ['b', { rank: 1, of: 4 }],
        ['c', { rank: 1, of: 4 }],
        ['a', { rank: 3, of: 4 }],
        ['e', { rank: 4, of: 4 }],
      ]),
    );
  });
  it('rankAmong(V, -1): lowest first: e 1, a 2, b and c 3', () => {
    const r = rankAmong(V, -1);
    expect([...'eabc'].map((c) => r.get(c)?.rank)).toEqual([1, 2, 3, 3]);
    expect(r.has('d')).toBe(false);
  });
  it('rankAmong(V, 0) ranks like polarity 1', () => {
    expect(rankAmong(V, 0)).toEqual(rankAmong(V, 1));
  });
  it('rankAmong(empty) is empty', () => {
    expect(rankAmong(new Map(), 1).size).toBe(0);
  });

  const values = fc
    .array(fc.tuple(fc.string({ maxLength: 4 }), fc.option(fc.integer({ min: -5, max: 5 }), { nil: null })), {
      maxLength: 30,
    })
    .map((e) => new Map(e));
  const polarity = fc.constantFrom<Polarity>(1, -1, 0);
  it('property: better value ⇔ smaller rank; ranks in 1..of; one rank 1 when any', () => {
    fc.assert(
      fc.property(values, polarity, (m, p) => {
        const r = rankAmong(m, p);
        const sign = p === -1 ? -1 : 1;
        const present = [...m].filter(([, v]) => v !== null) as [string, number][];
        if (r.size !== present.length) return false;
        for (const [c1, v1] of present) {
          const r1 = r.get(c1)!;
          if (r1.of !== present.length || r1.rank < 1 || r1.rank > r1.of) return false;
          // competition rank = 1 + number strictly better
          if (r1.rank !== 1 + present.filter(([, v]) => sign * v > sign * v1).length) return false;
        }
        return true;
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('percentileRank', () => {
  it('percentileRank([1, 2, 3, 4], 3) = 100·(2 + ½)/4 = 62.5', () => {
    expectClose(percentileRank([1, 2, 3, 4], 3), 62.5);
  });
  it('percentileRank([1, 2, 2, 4, null], 2) = 100·(1 + ½·2)/4 = 50', () => {
    expectClose(percentileRank([1, 2, 2, 4, null], 2), 50);
  });
  it('percentileRank of missing, or among nothing, is null', () => {
    expect(percentileRank([1, 2], null)).toBeNull();
    expect(percentileRank([null], 1)).toBeNull();
  });
  it('percentileRanks({a:1,b:2,c:3,d:4}, -1): a best = 100·(3 + ½)/4 = 87.5, d = 12.5', () => {
    const m = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    const r = percentileRanks(m, -1);
    expectClose(r.get('a'), 87.5);
    expectClose(r.get('d'), 12.5);
    expectClose(percentileRanks(m, 1).get('d'), 87.5);
  });
  it('percentileRanks agrees with percentileRank and skips nulls', () => {
    const r = percentileRanks(V, 1);
    expect(r.has('d')).toBe(false);
    expectClose(r.get('b'), percentileRank([...V.values()], 20) as number);
  });
});
