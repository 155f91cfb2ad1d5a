import { describe, it, expect } from 'vitest';
import { guessAggregation } from '../../src/import/core/aggregation';

const none = new Float64Array(0);
const g = (h: string, v: ArrayLike<number> = none) => guessAggregation(h, v);

describe('guessAggregation: a mean, rate or share is never summed', () => {
  it('Italian header words → population-weighted mean', () => {
    for (const [h, w] of [
      ['reddito_medio', 'medio'],
      ['Età media', 'media'],
      ['tasso_disoccupazione', 'tasso'],
      ['quota stranieri', 'quota'],
      ['percentuale laureati', 'percentuale'],
      ['occupati (%)', '%'],
      ['occupati %', '%'],
      ['nati per 1000 abitanti', 'per 1000'],
      ['medici_x1000', 'x1000'],
      ['Indice di vecchiaia', 'indice'],
      ['reddito pro capite', 'pro capite'],
      ['reddito', 'reddito'],
    ] as const)
      expect(g(h, [1200, 3400]), h).toEqual({ aggregation: 'weighted_mean', basis: 'header_mean', word: w });
  });
  it('English header words → population-weighted mean', () => {
    for (const [h, w] of [
      ['mean age', 'mean'],
      ['Average income', 'average'],
      ['unemployment_rate', 'rate'],
      ['share_foreign', 'share'],
      ['percent_graduates', 'percent'],
      ['ageing index', 'index'],
      ['income per capita', 'per capita'],
      ['income', 'income'],
    ] as const)
      expect(g(h, [1200, 3400]), h).toEqual({ aggregation: 'weighted_mean', basis: 'header_mean', word: w });
  });
  it('a rate word wins over a total word; a total of income is a sum', () => {
    expect(g('tasso di occupazione totale').aggregation).toBe('weighted_mean');
    expect(g('reddito_totale')).toEqual({ aggregation: 'sum', basis: 'header_count', word: 'totale' });
    expect(g('n_imprese')).toEqual({ aggregation: 'sum', basis: 'header_count', word: 'n' });
    expect(g('Number of firms')).toEqual({ aggregation: 'sum', basis: 'header_count', word: 'number' });
  });
  it('from the values when the header does not tell', () => {
    expect(g('occupati', [400, 1300, 2500])).toEqual({ aggregation: 'sum', basis: 'values_count', word: null });
    expect(g('valore', [1.5, 20.25, NaN, 99.9])).toEqual({
      aggregation: 'weighted_mean',
      basis: 'values_share',
      word: null,
    });
  });
  it('cannot be told → null: the preview asks', () => {
    expect(g('valore', [1, 2, 3])).toEqual({ aggregation: null, basis: 'unknown', word: null }); // small integers: a count or a rounded share
    expect(g('saldo', [-3, 40, 250])).toEqual({ aggregation: null, basis: 'unknown', word: null }); // negatives
    expect(g('superficie', [12.5, 1287.4])).toEqual({ aggregation: null, basis: 'unknown', word: null }); // decimals above 100
    expect(g('valore', [NaN, NaN])).toEqual({ aggregation: null, basis: 'unknown', word: null });
    expect(g('valore')).toEqual({ aggregation: null, basis: 'unknown', word: null });
  });
});
