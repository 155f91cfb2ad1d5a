import { describe, expect, it } from 'vitest';
import { MISSING, formatInt, formatValue, missingLabel } from '../../src/analytics/format';

describe('formatValue', () => {
  it.each([
    [1234.5, 1, 'it', undefined, '1.234,5'],
    [1234.5, 1, 'en', undefined, '1,234.5'],
    [1234.5, 0, 'it', undefined, '1.235'], // half away from zero
    [12.345, 2, 'it', '%', '12,35%'],
    [12.5, 1, 'en', '%', '12.5%'],
    [3.2, 1, 'it', 'per 1.000 ab.', '3,2 per 1.000 ab.'],
    [-1.5, 1, 'it', undefined, '-1,5'],
    [-0.04, 1, 'it', undefined, '0,0'], // no "-0,0"
    [1234567, 0, 'en', undefined, '1,234,567'],
    [0.5, 3, 'en', '', '0.500'],
  ] as const)('formatValue(%d, {decimals: %d, lang: %s, unit: %s}) = %s', (v, decimals, lang, unit, out) => {
    expect(formatValue(v, { decimals, lang, unit })).toBe(out);
  });
  it('decimals default to 1', () => {
    expect(formatValue(2, { lang: 'it' })).toBe('2,0');
  });
  it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])('formatValue(%s) = "—"', (v) => {
    expect(formatValue(v, { decimals: 1, lang: 'it', unit: '%' })).toBe(MISSING);
    expect(MISSING).toBe('—');
  });
});

describe('formatInt', () => {
  it("formatInt(1234, 'it') = '1.234' (grouped even with 4 digits)", () => {
    expect(formatInt(1234, 'it')).toBe('1.234');
  });
  it("formatInt(12345.6, 'en') = '12,346'", () => {
    expect(formatInt(12345.6, 'en')).toBe('12,346');
  });
  it("formatInt(-0.2, 'it') = '0'; formatInt(null) = '—'", () => {
    expect(formatInt(-0.2, 'it')).toBe('0');
    expect(formatInt(null, 'it')).toBe('—');
  });
});

describe('missingLabel', () => {
  it("missingLabel('it') / ('en')", () => {
    expect(missingLabel('it')).toBe('dato non disponibile');
    expect(missingLabel('en')).toBe('no data');
  });
});
