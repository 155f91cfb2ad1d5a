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
      eu('BE31', 'Prov. Brabant wallon', 4.6, 50.7),
      eu('LU00', 'Luxembourg', 5.0, 50.5),
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
    // zoom 3.5 (5,793-px world): countries only. Belgium's name sits at BE31, the point nearest the medians
    // (4.6° E, 50.8° N); Luxembourg's is 6 px east and 5 px south of it, inside both boxes: Belgium (3 regions,
    // priority 806) wins over Luxembourg (1, 802); Germany (802) is far away
    expect(labelsAt(en, 3.5).map((x) => x.text)).toEqual(['Belgium', 'Germany']);
    expect(labelsAt(en, EU_REGION_ZOOM - 0.01).every((x) => x.kind === 'country')).toBe(true);
    expect(labelsAt(en, 7).map((x) => x.code)).toEqual(['BE10', 'BE21', 'BE31', 'DE21', 'LU00', 'XX11']);
  });

  it('moves a label to its first free alternative where its place is taken, and leaves it out if none is free', () => {
    const at = (lon: number, lat: number): [number, number] => [lon, lat];
    const base = { kind: 'country' as const, minZoom: 0, maxZoom: 5 };
    const de = { ...base, code: 'DE', text: 'Germania', position: at(9.44, 51.1), priority: 876 };
    const be = { ...base, code: 'BE', text: 'Belgio', position: at(4.77, 50.92), priority: 822 };
    // zoom 3.1: a 4,390-px world, 12.19 px a degree of longitude. Germania's box is 8 × 13 × 0.62 + 6 = 70.5 px wide
    // (±2.89°: from 6.55° E), Belgio's 54.4 px (±2.23°), both 21.6 px high (a 0.2° difference in latitude is 4 px):
    // at 4.77° and 4.5° Belgio would reach 7.00° and 6.73° E, at 3.7° only 5.93°
    const free = labelsAt([de, { ...be, alternatives: [at(4.5, 50.8), at(3.7, 51.0)] }], 3.1);
    expect(free.map((l) => [l.code, l.position])).toEqual([
      ['DE', [9.44, 51.1]],
      ['BE', [3.7, 51.0]],
    ]);
    expect(labelsAt([de, { ...be, alternatives: [at(4.5, 50.8)] }], 3.1).map((l) => l.code)).toEqual(['DE']);
  });
});
