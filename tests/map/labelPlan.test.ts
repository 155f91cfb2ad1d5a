import { describe, it, expect } from 'vitest';
import { EU_REGION_ZOOM, labelText, labelsAt, placeLabels, worldPixel } from '../../src/map/labelPlan';
import type { Territory } from '../../src/analytics/catalogue';

let lon = 0;
// each territory 3° east of the previous one: far apart at the zooms tested, unless a test moves them
const t = (level: Territory['level'], code: string, name: string, population: number, capital = false): Territory => ({
  level,
  code,
  name,
  province_code: null,
  region_code: null,
  population,
  area_km2: null,
  lon: (lon += 3),
  lat: 45,
  has_geometry: true,
  capital,
});
// SYNTHETIC fixture: real names and codes, invented populations
const terr = [
  t('italy', 'IT', 'Italia', 1),
  t('region', '04', 'Trentino-Alto Adige/Südtirol', 1000),
  t('province', '021', 'Bolzano/Bozen', 500),
  t('comune', '021008', 'Bolzano/Bozen', 100000, true),
  t('comune', '021011', 'Bressanone/Brixen', 20000, false),
  t('comune', '101010', 'Crotone', 60000, true),
];

describe('place labels', () => {
  it('shows the Italian form of a bilingual name in Italian, the official bilingual form in English', () => {
    expect(labelText('Bolzano/Bozen', 'it')).toBe('Bolzano');
    expect(labelText('Bolzano/Bozen', 'en')).toBe('Bolzano/Bozen');
    expect(labelText('Crotone', 'it')).toBe('Crotone');
  });

  it('labels regions, provinces, capoluoghi and pilot comuni only, each from its zoom', () => {
    const l = placeLabels(terr, 'it', ['101010']);
    expect(l.map((x) => `${x.kind}:${x.text}`)).toEqual([
      'region:Trentino-Alto Adige',
      'province:Bolzano',
      'capital:Bolzano',
      'pilot:Crotone',
    ]);
    // in order of priority
    expect(labelsAt(l, 5.5).map((x) => x.kind)).toEqual(['pilot', 'region']);
    expect(labelsAt(l, 7).map((x) => x.kind)).toEqual(['pilot', 'region', 'province']);
    expect(labelsAt(l, 8).map((x) => x.kind)).toEqual(['pilot', 'capital', 'province']);
  });

  it('leaves out the lower-priority label of two that would overlap, and keeps both when apart', () => {
    const near = placeLabels(
      [t('region', '18', 'Calabria', 1000), t('comune', '101010', 'Crotone', 60000, true)],
      'it',
      ['101010'],
    ).map((l) => ({ ...l, position: [16.6, 39.1] as [number, number] }));
    expect(labelsAt(near, 5.5).map((x) => x.text)).toEqual(['Crotone']);
    const far = near.map((l, i) => ({ ...l, position: [10 + i * 5, 45] as [number, number] }));
    expect(
      labelsAt(far, 5.5)
        .map((x) => x.text)
        .sort(),
    ).toEqual(['Calabria', 'Crotone']);
  });

  it('places world pixels as Web Mercator does (512-px tiles)', () => {
    expect(worldPixel([0, 0], 0)).toEqual([256, 256]);
    expect(worldPixel([90, 0], 2)).toEqual([1536, 1024]);
    // Rome: 41.9° N is 0.3446 of the way from the equator to the top of the Mercator square at zoom 0
    const [, y] = worldPixel([12.5, 41.9], 0);
    expect(y).toBeCloseTo(256 - (Math.log(Math.tan(Math.PI / 4 + (41.9 * Math.PI) / 360)) / (2 * Math.PI)) * 512, 9);
  });

  it('ranks pilot > region > capoluogo > province where they overlap', () => {
    const p = Object.fromEntries(placeLabels(terr, 'en', ['101010']).map((x) => [x.kind, x.priority]));
    expect(p.pilot).toBeGreaterThan(p.region);
    expect(p.region).toBeGreaterThan(p.capital);
    expect(p.capital).toBeGreaterThan(p.province);
    expect(Math.max(...Object.values(p))).toBeLessThanOrEqual(1000);
  });

  it("Europe's view: country names below EU_REGION_ZOOM, the NUTS2 regions' names from it on, in the interface's language", () => {
    // SYNTHETIC fixture: real codes and names, rounded points
    const eu = (code: string, name: string, lon: number, lat: number): Territory => ({
      ...t('nuts2', code, name, 0),
      population: null,
      lon,
      lat,
    });
    const terr = [
      eu('BE10', 'Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest', 4.4, 50.8),
      eu('BE21', 'Prov. Antwerpen', 4.7, 51.2),
      eu('LU00', 'Luxembourg', 6.1, 50.3),
      eu('DE21', 'Oberbayern', 11.5, 48.0),
      eu('XX11', 'Nowhere', 30, 60),
    ];
    const it = placeLabels(terr, 'it', []);
    const en = placeLabels(terr, 'en', []);
    const countries = (l: typeof it) => l.filter((x) => x.kind === 'country').map((x) => `${x.code}:${x.text}`);
    // a code outside the list of names gets no country label
    expect(countries(it)).toEqual(['BE:Belgio', 'DE:Germania', 'LU:Lussemburgo']);
    expect(countries(en)).toEqual(['BE:Belgium', 'DE:Germany', 'LU:Luxembourg']);
    expect(it.find((x) => x.code === 'BE10')?.text).toBe('Région de Bruxelles-Capitale');
    expect(en.find((x) => x.code === 'BE10')?.text).toBe('Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest');
    // zoom 3.5 (5,793-px world): countries only. Belgium's name sits at BE10 (the two points tie, the first wins);
    // Luxembourg's is 27 px east and 13 px south of it, well inside the two boxes (71 + 99 px wide, 24 high):
    // Belgium (2 regions, priority 804) wins over Luxembourg (1, 802); Germany (802) is far away
    expect(labelsAt(en, 3.5).map((x) => x.text)).toEqual(['Belgium', 'Germany']);
    expect(labelsAt(en, EU_REGION_ZOOM - 0.01).every((x) => x.kind === 'country')).toBe(true);
    expect(labelsAt(en, 7).map((x) => x.code)).toEqual(['BE10', 'BE21', 'DE21', 'LU00', 'XX11']);
  });
});
