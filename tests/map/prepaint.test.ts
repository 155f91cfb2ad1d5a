import { describe, expect, it } from 'vitest';
import {
  drawScene,
  featurePaths,
  fillBoundaries,
  HATCH,
  pathOf,
  regionLineWidth,
  shapePainter,
  SUB,
  type Project,
} from '../../src/map/prepaint';
import { toBinary } from '../../src/core/geometry/binary';
import { mercY } from '../../src/map/mercator';
import type { Feature, Geometry } from 'geojson';
import type { RGBA } from '../../src/map/layers';

// Synthetic fixture. The projection below puts lon 0 at x = 0 and mercator y of lat 0 at y = 0 with
// one CSS pixel per degree of longitude and per 1/360 of mercator y (the equator's scale): at these
// small latitudes a unit square is about 1 × 1 pixel — path units are 1/SUB = 1/4 pixel.
const P: Project = { kx: 100, ox: 0, ky: 36000, oy: -mercY(0) * 36000 };
const sq = (code: string, x: number, y: number, s = 1): Feature<Geometry, { code: string; name: string }> => ({
  type: 'Feature',
  properties: { code, name: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ],
  },
});
const B = toBinary([sq('A', 0, 0), sq('B', 1, 0), sq('C', 0, 1)]);

describe('the 2D first picture (prepaint)', () => {
  it('writes a square as an SVG path in quarter pixels, worked by hand', () => {
    // A: lon 0..1 → x 0..100 px → 0..400 units; lat 0..1 → y = −(mercY(1) − 0.5)·36000·4 = −400.0 units;
    // the first point absolute, then relative moves
    const y1 = Math.round((mercY(1) * 36000 + P.oy) * SUB);
    expect(y1).toBe(-400);
    expect(pathOf(B, [0], P)).toBe('M0 0l400 0 0 -400 -400 0 0 400Z');
  });

  it('drops vertices within three quarters of a pixel of the last one drawn', () => {
    // 1/1000 of a degree = 0.1 px: the corners collapse onto the first point; 0.8 px apart they stay
    expect(pathOf(toBinary([sq('U', 0, 0, 0.008)]), [0], P)).toBe('M0 0l3 0 0 -3 -3 0 0 3Z');
    const tiny = toBinary([sq('T', 0, 0, 0.001)]);
    expect(pathOf(tiny, [0], P)).toBe('M0 0Z');
  });

  it('fills features of the same colour with one path', () => {
    const pt = shapePainter();
    const n = fillBoundaries(pt, B, P, (i) => (i === 1 ? '#f00' : '#00f'));
    expect(n).toBe(2);
    expect(pt.shapes.map((s) => ('fill' in s ? s.fill : s.stroke))).toEqual(['#00f', '#f00']);
    expect(pt.shapes[0].d).toBe(pathOf(B, [0, 2], P));
  });

  it('uses the paths computed in the worker when it has them', () => {
    const cache = featurePaths(B, P);
    expect(cache).toEqual([pathOf(B, [0], P), pathOf(B, [1], P), pathOf(B, [2], P)]);
    expect(pathOf(B, [2, 0], P, SUB / 2, ['a', 'b', 'c'])).toBe('ca');
  });

  it('draws sea, land, the colours, hatched "no data" and the region lines, in that order', () => {
    const pt = shapePainter();
    const red: RGBA = [255, 0, 0, 255];
    drawScene(
      pt,
      {
        sea: '#0af',
        land: '#eee',
        regions: B,
        layer: {
          boundaries: B,
          colours: new Map([
            ['A', red],
            ['B', red],
          ]),
          noData: [230, 230, 230, 255],
          hatch: HATCH,
        },
      },
      P,
      5,
      300,
      200,
    );
    const fills = pt.shapes.map((s) => ('fill' in s ? s.fill : `stroke ${s.stroke} ${s.width}`));
    expect(fills).toEqual([
      '#0af',
      '#eee',
      'rgba(255,0,0,1)',
      'rgba(230,230,230,1)',
      HATCH,
      `stroke #4a4a4a ${0.6 * SUB}`,
    ]);
    // the sea covers the view; C (no value) is grey and hatched, never a class colour
    expect(pt.shapes[0].d).toBe(`M0 0H${300 * SUB}V${200 * SUB}H0Z`);
    expect(pt.shapes[2].d).toBe(pathOf(B, [0, 1], P));
    expect(pt.shapes[3].d).toBe(pathOf(B, [2], P));
    expect(pt.shapes[4].d).toBe(pathOf(B, [2], P));
  });

  it('draws no choropleth before its colours are known (base only)', () => {
    const pt = shapePainter();
    drawScene(pt, { sea: '#0af', land: '#eee', regions: B }, P, 5, 300, 200);
    expect(pt.shapes.length).toBe(3);
  });

  it('follows the MapLibre style for region line widths', () => {
    expect(regionLineWidth(3)).toBe(0.6);
    expect(regionLineWidth(5)).toBe(0.6);
    expect(regionLineWidth(7)).toBeCloseTo(1.1, 12);
    expect(regionLineWidth(12)).toBe(1.6);
  });
});

describe('reference projection (worker paths before the view is known)', () => {
  it('a point in reference units, moved by refTransform, lands where the view projection puts it', async () => {
    const { refProjection, refTransform, REF_ZOOM } = await import('../../src/map/prepaint');
    const { fitBounds, linearProjection, ITALY_BOUNDS } = await import('../../src/map/mercator');
    for (const [w, h] of [
      [960, 740],
      [1600, 900],
    ]) {
      const cam = fitBounds(ITALY_BOUNDS, w, h);
      const view = linearProjection(cam, w, h);
      const t = refTransform(view, cam.zoom);
      expect(t).not.toBeNull();
      const [s, , , , tx, ty] = (t as string)
        .replace(/[^\d.\s-]/g, '')
        .trim()
        .split(/\s+/)
        .map(Number);
      const ref = refProjection();
      for (const [lon, lat] of [
        [12.4964, 41.9028],
        [16.9, 39.1],
        [7.7, 45.07],
      ]) {
        const xr = (lon * ref.kx + ref.ox) * SUB;
        const yr = (mercY(lat) * ref.ky + ref.oy) * SUB;
        expect(s * xr + tx).toBeCloseTo((lon * view.kx + view.ox) * SUB, 6);
        expect(s * yr + ty).toBeCloseTo((mercY(lat) * view.ky + view.oy) * SUB, 6);
      }
    }
    // too far from the reference zoom: no transform (the page draws its own paths)
    const far = fitBounds([16.8, 39.0, 17.2, 39.3], 960, 740);
    expect(far.zoom - REF_ZOOM).toBeGreaterThan(2);
    expect(refTransform(linearProjection(far, 960, 740), far.zoom)).toBeNull();
  });
});
