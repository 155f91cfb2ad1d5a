// SLL indicators from their comuni (data/build/sll_indicators.ts), on a SYNTHETIC fixture worked by hand:
// SLL A = comuni c1, c2; SLL B = comune c3.
import { describe, it, expect } from 'vitest';
import { aggregateToSll, type ComuneValue } from '../../data/build/sll_indicators.ts';
import type { Aggregation } from '../../src/contract/index.ts';

const sllOf = new Map([
  ['c1', 'A'],
  ['c2', 'A'],
  ['c3', 'B'],
]);
const v = (
  code: string,
  indicator: string,
  value: number,
  numerator: number | null = null,
  denominator: number | null = null,
): ComuneValue => ({
  code,
  indicator,
  year: 2021,
  value,
  numerator,
  denominator,
});
const how: Record<string, Aggregation> = { n: 'sum', r: 'ratio_of_sums', w: 'weighted_mean', k: 'none' };
const run = (rows: ComuneValue[]) =>
  aggregateToSll(
    rows,
    sllOf,
    (i) => how[i],
    (i) => (i === 'r' ? 100 : 1),
  );

describe('SLL indicators from their comuni', () => {
  it('a count is the sum of the comuni: A = 10 + 5, B = 7', () => {
    const { rows } = run([v('c1', 'n', 10), v('c2', 'n', 5), v('c3', 'n', 7)]);
    expect(rows.map((r) => [r.code, r.value])).toEqual([
      ['A', 15],
      ['B', 7],
    ]);
  });
  it('a rate is the ratio of the sums (3 / 50 × 100 = 6), not the mean of the rates (11.25)', () => {
    const { rows, incomplete } = run([v('c1', 'r', 20, 2, 10), v('c2', 'r', 2.5, 1, 40)]);
    expect(rows).toEqual([{ code: 'A', indicator: 'r', year: 2021, value: 6, numerator: 3, denominator: 50 }]);
    // B's only comune has no value: B has none, and the report says so
    expect(incomplete).toEqual([
      { indicator: 'r', year: 2021, sll: 1, example: 'SLL B: 1 of 1 comuni without a value (e.g. c3)' },
    ]);
  });
  it('a weighted mean weights by the denominator: (30·100 + 60·300) / 400 = 52.5', () => {
    const { rows } = run([v('c1', 'w', 30, null, 100), v('c2', 'w', 60, null, 300)]);
    expect(rows[0]).toMatchObject({ code: 'A', value: 52.5, numerator: 21000, denominator: 400 });
  });
  it('one member missing leaves the SLL without a value (never a partial sum); classes are not carried', () => {
    const { rows, incomplete } = run([v('c1', 'n', 10), v('c3', 'n', 7), v('c1', 'k', 1), v('c2', 'k', 2)]);
    expect(rows.map((r) => [r.code, r.indicator, r.value])).toEqual([['B', 'n', 7]]);
    expect(incomplete[0]).toMatchObject({ indicator: 'n', sll: 1 });
  });
  it('a ratio without its numerator cannot be carried', () => {
    const { rows } = run([v('c1', 'r', 20, null, 10), v('c2', 'r', 2.5, 1, 40), v('c3', 'r', 1, 1, 100)]);
    expect(rows.map((r) => r.code)).toEqual(['B']);
  });
});
