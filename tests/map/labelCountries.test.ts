import { describe, it, expect } from 'vitest';
import { COUNTRY_NAMES, countryAnchors } from '../../src/map/labelCountries';

describe('country label points', () => {
  it('puts a country name at the region point nearest the median, not the mean, of its regions', () => {
    // SYNTHETIC fixture: real French NUTS2 codes, rounded points (two outermost regions among them)
    const fr = [
      { code: 'FR10', position: [2.5, 48.7] as [number, number] },
      { code: 'FRK2', position: [5.5, 45.3] as [number, number] },
      { code: 'FRI1', position: [0, 44.5] as [number, number] },
      { code: 'FRY1', position: [-61.5, 16.2] as [number, number] },
      { code: 'FRY4', position: [55.5, -21.1] as [number, number] },
    ];
    // medians: lon 2.5, lat 44.5; squared distances (cos 44.5° = 0.713): FR10 4.2² = 17.6, FRK2 (3·0.713)² + 0.8² = 5.2,
    // FRI1 (2.5·0.713)² = 3.2 → FRI1 (the mean, 0.4° E 26.7° N, is in the Sahara)
    // distances from the medians: FRI1 1.78, FRK2 2.28, FR10 4.20, FRY1 53.7, FRY4 75.7 → median 4.20, twice that 8.4:
    // the places tried are FRI1, FRK2, FR10 — never an outermost region
    expect(countryAnchors(fr)).toEqual([
      {
        country: 'FR',
        position: [0, 44.5],
        alternatives: [
          [5.5, 45.3],
          [2.5, 48.7],
        ],
        regions: 5,
      },
    ]);
  });

  it('gives one anchor per country, sorted by code', () => {
    const a = countryAnchors([
      { code: 'LU00', position: [6.1, 49.8] },
      { code: 'BE10', position: [4.4, 50.8] },
      { code: 'BE21', position: [4.6, 51.2] },
    ]);
    expect(a.map((x) => [x.country, x.regions])).toEqual([
      ['BE', 2],
      ['LU', 1],
    ]);
  });

  it('names every country of the NUTS2 file in both languages (NUTS writes Greece EL)', () => {
    const file =
      'AT BE BG CH CY CZ DE DK EE EL ES FI FR HR HU IE IS IT LT LU LV ME MK MT NL NO PL PT RO RS SE SI SK TR'.split(
        ' ',
      );
    for (const c of file) {
      expect(COUNTRY_NAMES[c]?.it, c).toBeTruthy();
      expect(COUNTRY_NAMES[c]?.en, c).toBeTruthy();
    }
    expect(COUNTRY_NAMES.EL).toEqual({ it: 'Grecia', en: 'Greece' });
    expect(COUNTRY_NAMES.DE).toEqual({ it: 'Germania', en: 'Germany' });
  });
});
