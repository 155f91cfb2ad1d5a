import { describe, it, expect } from 'vitest';
import { categorise, OKABE_ITO } from '../../src/analytics/categories';

const labels = [
  { value: 1, label: { it: 'Città', en: 'Cities' } },
  { value: 2, label: { it: 'Piccole città e sobborghi', en: 'Towns and suburbs' } },
  { value: 3, label: { it: 'Zone rurali', en: 'Rural areas' } },
];

describe('categorise', () => {
  it('counts each named class, and missing or unknown values as no data', () => {
    const c = categorise([1, 3, 3, null, 7, 2], labels);
    expect(c.counts).toEqual([1, 1, 2]);
    expect(c.noData).toBe(2);
    expect(c.indexOf(3)).toBe(2);
    expect(c.indexOf(7)).toBeUndefined();
    expect(c.indexOf(null)).toBeUndefined();
  });
  it('gives each class its own colour of the Okabe–Ito palette', () => {
    expect(categorise([], labels).colours).toEqual(['#E69F00', '#56B4E9', '#009E73']);
    expect(new Set(OKABE_ITO).size).toBe(8);
  });
});
