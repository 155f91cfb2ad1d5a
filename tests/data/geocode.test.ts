import { describe, it, expect } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { assignByPoint, buildGazetteer, comuneAreas, comuneContaining } from '../../data/build/geocode.ts';
import type { Comune } from '../../data/build/codes.ts';

// Synthetic fixture (not real boundaries): comune A west of 10.1° E with its inner point at 10.0°, comune B east
// of it with its inner point far east at 10.3°. A point at 10.12° lies in B but is nearer A's inner point.
const comune = (code: string, name: string, lon: number): Comune => ({
  code,
  name,
  province_code: '001',
  region_code: '01',
  sigla: 'TO',
  belfiore: `X${code.slice(3)}`,
  lat: 45,
  lon,
  area_km2: 1,
});
const comuni = [comune('001001', 'Aval', 10.0), comune('001002', 'Bmont', 10.3)];
const square = (x0: number, x1: number) => [
  [
    [x0, 44.9],
    [x1, 44.9],
    [x1, 45.1],
    [x0, 45.1],
    [x0, 44.9],
  ],
];
const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '001001' }, geometry: { type: 'Polygon', coordinates: square(9.8, 10.1) } },
    { type: 'Feature', properties: { code: '001002' }, geometry: { type: 'Polygon', coordinates: square(10.1, 10.5) } },
    { type: 'Feature', properties: { code: '999999' }, geometry: { type: 'Point', coordinates: [10, 45] } },
  ],
};
const g = buildGazetteer(comuni, []);
const points = comuni.map((c) => ({ code: c.code, lon: c.lon, lat: c.lat }));
const areas = comuneAreas(fc);

describe('point in polygon for services with coordinates only (Turf)', () => {
  it('reads polygons with their bounding boxes (a point feature is no area)', () => {
    expect(areas.map((a) => [a.code, a.bbox])).toEqual([
      ['001001', [9.8, 44.9, 10.1, 45.1]],
      ['001002', [10.1, 44.9, 10.5, 45.1]],
    ]);
  });
  it('finds the comune that contains the point, none at sea', () => {
    expect(comuneContaining(areas, 10.12, 45)).toBe('001002');
    expect(comuneContaining(areas, 9.9, 45.05)).toBe('001001');
    expect(comuneContaining(areas, 12, 45)).toBeNull();
  });
  it('no usable name: the containing comune wins over the nearest inner point; without polygons, the nearest point', () => {
    expect(assignByPoint(g, points, 10.12, 45, null, '', 25, areas)).toMatchObject({
      code: '001002',
      how: 'comune polygon containing the point',
    });
    expect(assignByPoint(g, points, 10.12, 45, null)).toMatchObject({ code: '001001', how: 'nearest comune point' });
    // at sea (in no polygon): still the nearest inner point
    expect(assignByPoint(g, points, 12, 45, null, '', 25, areas)).toMatchObject({
      code: '001002',
      how: 'nearest comune point',
    });
  });
  it('a named city near its inner point still decides first', () => {
    expect(assignByPoint(g, points, 10.12, 45, 'AVAL', '', 25, areas)).toMatchObject({ code: '001001' });
  });
});
