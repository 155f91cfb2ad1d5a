import { describe, it, expect } from 'vitest';
import { toBinary, ringsOf, boundsOf, ringsInBox } from '../../../src/core/geometry/binary';
import type { Feature, Geometry } from 'geojson';

// Synthetic fixture: A = a 4×4 square with a 2×2 hole (two rings), B = a multipolygon of two unit squares.
const A: Feature<Geometry, { code: string; name: string }> = {
  type: 'Feature',
  properties: { code: 'A', name: 'Square with hole' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    ],
  },
};
const B: Feature<Geometry, { code: string; name: string }> = {
  type: 'Feature',
  properties: { code: 'B', name: 'Two squares' },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [10, 0],
          [11, 0],
          [11, 1],
          [10, 1],
          [10, 0],
        ],
      ],
      [
        [
          [12, 0],
          [13, 0],
          [13, 1],
          [12, 1],
          [12, 0],
        ],
      ],
    ],
  },
};

describe('toBinary', () => {
  const b = toBinary([A, B]);
  it('lays out vertices per feature and rings per feature', () => {
    // A: 5 + 5 vertices (closed rings), B: 5 + 5
    expect(b.length).toBe(2);
    expect([...b.startIndices]).toEqual([0, 10, 20]);
    expect([...b.featureRings]).toEqual([0, 2, 4]);
    expect([...b.ringStarts]).toEqual([0, 5, 10, 15, 20]);
    expect(b.codes).toEqual(['A', 'B']);
  });
  it('triangulates with the hole left out: areas add up to 16 − 4 = 12 and 1 + 1 = 2', () => {
    const area = (from: number, to: number) => {
      let s = 0;
      for (let t = 0; t < b.indices.length; t += 3) {
        const [i, j, k] = [b.indices[t], b.indices[t + 1], b.indices[t + 2]];
        if (i < from || i >= to) continue;
        const [x1, y1, x2, y2, x3, y3] = [
          b.positions[2 * i],
          b.positions[2 * i + 1],
          b.positions[2 * j],
          b.positions[2 * j + 1],
          b.positions[2 * k],
          b.positions[2 * k + 1],
        ];
        s += Math.abs((x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1)) / 2;
      }
      return s;
    };
    expect(area(0, 10)).toBeCloseTo(12, 10);
    expect(area(10, 20)).toBeCloseTo(2, 10);
  });
  it('gives back rings and bounds of one feature', () => {
    expect(ringsOf(b, 1)).toHaveLength(2);
    expect(ringsOf(b, 0)[1][1]).toEqual([1, 3]);
    expect(boundsOf(b, 1)).toEqual([10, 0, 13, 1]);
  });
  it('keeps a feature without geometry as an empty entry', () => {
    const e = toBinary([{ type: 'Feature', properties: { code: 'X', name: 'none' }, geometry: null }, A]);
    expect([...e.startIndices]).toEqual([0, 0, 10]);
  });
});

describe('ringsInBox', () => {
  const b = toBinary([A, B]);
  it('keeps the rings of the features whose box meets the view (A: x 0–4, B: x 10–13)', () => {
    const onlyB = ringsInBox(b, [9, -1, 14, 2]);
    expect(onlyB.length).toBe(2);
    expect([...onlyB.startIndices]).toEqual([0, 5, 10]);
    expect([...onlyB.positions.subarray(0, 4)]).toEqual([10, 0, 11, 0]);
    expect([...onlyB.positions.subarray(10, 12)]).toEqual([12, 0]);
    // a box touching A's edge keeps A's two rings (outer and hole), nothing of B
    const onlyA = ringsInBox(b, [4, 4, 5, 5]);
    expect(onlyA.length).toBe(2);
    expect(onlyA.positions.length).toBe(20);
    expect(ringsInBox(b, [-1, -1, 14, 5]).length).toBe(4);
    expect(ringsInBox(b, [5, 2, 9, 3])).toMatchObject({ length: 0 });
  });
});
