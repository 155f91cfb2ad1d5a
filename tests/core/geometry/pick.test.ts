import { describe, it, expect } from 'vitest';
import type { Feature, Geometry, Position } from 'geojson';
import { toBinary } from '../../../src/core/geometry/binary';
import { featureAt, featureContains } from '../../../src/core/geometry/pick';

// Synthetic fixture: A = a 4×4 square at the origin with a 2×2 hole in the middle; B = the 4×4 square right of
// it (sharing the edge x = 4); C = a multipolygon of two unit squares at x 10–11 and 13–14; D = no geometry.
const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const f = (code: string, geometry: Geometry | null): Feature<Geometry | null, { code: string; name: string }> => ({
  type: 'Feature',
  properties: { code, name: code },
  geometry,
});
const b = toBinary([
  f('A', { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] }),
  f('B', { type: 'Polygon', coordinates: [square(4, 0, 4)] }),
  f('C', { type: 'MultiPolygon', coordinates: [[square(10, 0, 1)], [square(13, 0, 1)]] }),
  f('D', null),
]);
const at = (x: number, y: number) => b.codes[featureAt(b, x, y)] ?? null;

describe('featureAt: the territory under a point (CPU picking)', () => {
  it('finds the square a point falls in', () => {
    expect(at(0.5, 0.5)).toBe('A');
    expect(at(3.5, 2)).toBe('A');
    expect(at(6, 3.9)).toBe('B');
  });
  it('a point in the hole is in no territory (A has a hole, nothing fills it)', () => {
    expect(at(2, 2)).toBeNull();
    expect(featureContains(b, 0, 2, 2)).toBe(false);
    expect(featureContains(b, 0, 0.5, 2)).toBe(true);
  });
  it('finds both parts of a multipolygon, and nothing in the gap between them', () => {
    expect(at(10.5, 0.5)).toBe('C');
    expect(at(13.5, 0.5)).toBe('C');
    expect(at(12, 0.5)).toBeNull();
  });
  it('a point on no polygon, or outside every box, gives −1', () => {
    expect(featureAt(b, 9, 0.5)).toBe(-1);
    expect(featureAt(b, 5, 10)).toBe(-1);
    expect(featureAt(b, -50, -50)).toBe(-1);
  });
  it('a feature without geometry is never picked, and empty boundaries pick nothing', () => {
    expect(b.codes.map((_, i) => featureContains(b, i, 0.5, 0.5))).toEqual([true, false, false, false]);
    expect(featureAt(toBinary([]), 0, 0)).toBe(-1);
  });
});
