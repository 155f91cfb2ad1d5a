import { describe, expect, it } from 'vitest';
import {
  constrain,
  fitBounds,
  initialCamera,
  ITALY_BOUNDS,
  latOf,
  linearProjection,
  lonOf,
  mercX,
  mercY,
} from '../../src/map/mercator';
import type { Camera } from '../../src/state/url';

const projector = (c: Camera, w: number, h: number) => {
  const p = linearProjection(c, w, h);
  return (lon: number, lat: number): [number, number] => [lon * p.kx + p.ox, mercY(lat) * p.ky + p.oy];
};

// Golden numbers worked by hand (Web Mercator, 512-pixel world at zoom 0):
//   mercY(lat) = 1/2 − ln(tan(π/4 + lat/2)) / 2π
//   Italy [6.6, 36.6, 18.5, 47.1] in 1280 × 800: x-extent 11.9/360 = 0.033056, y-extent
//   mercY(36.6) − mercY(47.1) = 0.390618 − 0.351319 = 0.039299; world size = min(1280/0.033056,
//   800/0.039299) = 20356.67 px (the height binds) → zoom log2(20356.67/512) = 5.31321;
//   centre: lon (6.6 + 18.5)/2 = 12.55, lat at mercator y 0.370968 → 42.06656.
describe('Web Mercator as MapLibre draws it', () => {
  it('maps the equator and Greenwich to the middle of the world', () => {
    expect(mercX(0)).toBe(0.5);
    expect(mercY(0)).toBeCloseTo(0.5, 12);
    expect(mercY(47.1)).toBeCloseTo(0.351318542, 8);
    expect(latOf(mercY(41.9))).toBeCloseTo(41.9, 10);
    expect(lonOf(mercX(-3.7))).toBeCloseTo(-3.7, 12);
  });

  it('fits Italy in 1280 × 800 with the golden camera', () => {
    const c = fitBounds(ITALY_BOUNDS, 1280, 800);
    expect(c.zoom).toBeCloseTo(5.313214, 5);
    expect(c.lon).toBeCloseTo(12.55, 9);
    expect(c.lat).toBeCloseTo(42.066558, 5);
  });

  it('projects Rome (12.4964, 41.9028) to (636.97, 412.46) in that view', () => {
    const c = fitBounds(ITALY_BOUNDS, 1280, 800);
    const [x, y] = projector(c, 1280, 800)(12.4964, 41.9028);
    expect(x).toBeCloseTo(636.969, 2);
    expect(y).toBeCloseTo(412.457, 2);
  });

  it('zooms in when the view is wider than the max bounds, and centres it (MapLibre constrain)', () => {
    // at zoom 5.313 the max bounds (−2° to 26°) are 1583.30 px wide: a 2000 px view needs
    // zoom + log2(2000/1583.30) = 5.65027, centred on lon 12
    const c = initialCamera(null, 2000, 800);
    const fitted = fitBounds(ITALY_BOUNDS, 2000, 800);
    expect(fitted.zoom).toBeCloseTo(5.313214, 5); // the height still binds the fit
    expect(c.zoom).toBeCloseTo(5.313214 + Math.log2(2000 / 1583.2967), 4);
    expect(c.lon).toBeCloseTo(12, 9);
  });

  it('keeps a camera from the URL, moved back inside the max bounds', () => {
    expect(initialCamera({ lon: 16.9, lat: 39.1, zoom: 9 }, 1280, 800)).toEqual(
      constrain({ lon: 16.9, lat: 39.1, zoom: 9 }, 1280, 800),
    );
    const inside = initialCamera({ lon: 16.9, lat: 39.1, zoom: 9 }, 1280, 800);
    expect(inside.lon).toBeCloseTo(16.9, 9);
    expect(inside.lat).toBeCloseTo(39.1, 9);
    // far out at sea, west of the bounds: the view's left edge is put on lon −2
    const out = initialCamera({ lon: -20, lat: 40, zoom: 8 }, 1280, 800);
    const [left] = projector(out, 1280, 800)(-2, 40);
    expect(left).toBeCloseTo(0, 6);
  });
});
