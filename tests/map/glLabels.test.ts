import { describe, it, expect } from 'vitest';
import { labelQuads } from '../../src/map/glLabels';
import type { PlaceLabel } from '../../src/map/labelPlan';

// Synthetic fixture: one label at lon 0, lat 0 (the mercator centre 0.5, 0.5), 11 × 6 device px, at (100, 20)
// in a 200 × 40 atlas.
const label: PlaceLabel = {
  code: 'X',
  kind: 'region',
  text: 'X',
  position: [0, 0],
  minZoom: 0,
  maxZoom: 24,
  priority: 0,
};

describe('labelQuads: two triangles per label, anchored at its place', () => {
  const q = labelQuads([{ label, x: 100, y: 20, w: 11, h: 6 }], 200, 40);
  const corner = (k: number) => [...q.subarray(6 * k, 6 * k + 6)].map((v) => Math.round(v * 1e6) / 1e6);
  it('six vertices of anchor, offset (whole device pixels, y up) and texture coordinates', () => {
    expect(q.length).toBe(36);
    // top left: 5 px left (floor of 11 / 2), 3 px up; the atlas box's top left corner
    expect(corner(0)).toEqual([0.5, 0.5, -5, 3, 0.5, 0.5]);
    // bottom left, top right
    expect(corner(1)).toEqual([0.5, 0.5, -5, -3, 0.5, 0.65]);
    expect(corner(2)).toEqual([0.5, 0.5, 6, 3, 0.555, 0.5]);
    // bottom right: the box's far corner (100 + 11) / 200, (20 + 6) / 40
    expect(corner(5)).toEqual([0.5, 0.5, 6, -3, 0.555, 0.65]);
  });
});
