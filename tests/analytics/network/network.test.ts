/**
 * The network of a territory. Fixtures are SYNTHETIC (hand-placed points, not real services); distances
 * worked by hand: along a meridian, 1° of latitude = 6371.0088 km × π/180 = 111.19508 km.
 */
import { describe, expect, it } from 'vitest';
import { contactHref, groupByLayer, insideRings, networkOf, type NetworkPoint } from '../../../src/analytics/network';

const KM_PER_DEG = 111.19508;
const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

// territory = synthetic comuni A and B; their inner points 0.1° apart on the meridian 16° E
const territory = {
  comuni: new Set(['A', 'B']),
  refs: [
    { code: 'A', lon: 16, lat: 39 },
    { code: 'B', lon: 16, lat: 39.1 },
  ],
  rings: [square(15.9, 38.9, 16.1, 39.2)],
};
const pt = (id: string, lat: number, comune_code: string | null, layer = 'schools', lon = 16): NetworkPoint => ({
  layer,
  id,
  name: id,
  lon,
  lat,
  comune_code,
});

describe('networkOf', () => {
  const points = [
    pt('far', 39.3, 'C'), // 0.2° from B = 22.239 km
    pt('near', 39.15, 'C'), // 0.05° from B = 5.5598 km
    pt('inA', 39.0, 'A', 'hospitals'), // on A's point: 0 km
    pt('polygon', 39.04, null), // no code, inside the square, 0.04° from A = 4.4478 km
    pt('inB-by-code-outside-ring', 39.5, 'B'), // code says B: inside although outside the ring (code wins)
  ];

  it('inside by comune code first, then by polygon; near within maxKm; sorted inside → distance', () => {
    const r = networkOf(points, territory, 10);
    expect(r.map((e) => [e.point.id, e.inside, e.by, e.nearest])).toEqual([
      ['inA', true, 'code', 'A'],
      ['polygon', true, 'polygon', 'A'],
      ['inB-by-code-outside-ring', true, 'code', 'B'],
      ['near', false, 'code', 'B'],
    ]);
    expect(r[0].km).toBeCloseTo(0, 9);
    expect(r[1].km).toBeCloseTo(0.04 * KM_PER_DEG, 3); // 4.448
    expect(r[2].km).toBeCloseTo(0.4 * KM_PER_DEG, 3); // 44.478: distance is shown also for points inside
    expect(r[3].km).toBeCloseTo(0.05 * KM_PER_DEG, 3); // 5.560
  });

  it('the distance decides which outside points are kept (inclusive), inside ones always stay', () => {
    expect(networkOf(points, territory, 5).map((e) => e.point.id)).toEqual([
      'inA',
      'polygon',
      'inB-by-code-outside-ring',
    ]);
    expect(networkOf(points, territory, 22.3).map((e) => e.point.id)).toContain('far');
    expect(networkOf(points, territory, 22.2).map((e) => e.point.id)).not.toContain('far');
    expect(networkOf(points, territory, 0).filter((e) => !e.inside)).toEqual([]);
  });

  it('without a polygon a point without a code is never inside, only near', () => {
    const r = networkOf([pt('nocode', 39.04, null)], { ...territory, rings: null }, 10);
    expect(r).toHaveLength(1);
    expect(r[0].inside).toBe(false);
    expect(r[0].by).toBe('none');
  });

  it('a territory without reference points: inside by code only, no distance', () => {
    const r = networkOf(points, { comuni: new Set(['A']), refs: [] }, 100);
    expect(r.map((e) => [e.point.id, e.km])).toEqual([['inA', null]]);
  });
});

describe('insideRings (even–odd)', () => {
  const outer = square(0, 0, 10, 10);
  const hole = square(4, 4, 6, 6);
  it('a hole is outside, the ring around it inside; unclosed rings are closed', () => {
    expect(insideRings(2, 2, [outer, hole])).toBe(true);
    expect(insideRings(5, 5, [outer, hole])).toBe(false);
    expect(insideRings(11, 5, [outer])).toBe(false);
    expect(insideRings(2, 2, [outer.slice(0, 4)])).toBe(true);
  });
});

describe('groupByLayer', () => {
  it('keeps the given layer order, empty layers too, and appends unknown layers', () => {
    const e = [
      { point: { layer: 'x' } },
      { point: { layer: 'b' } },
      { point: { layer: 'a' } },
      { point: { layer: 'b' } },
    ];
    expect(groupByLayer(e, ['a', 'b', 'c']).map((g) => [g.layer, g.entries.length])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 0],
      ['x', 1],
    ]);
  });
});

describe('contactHref: links only for http(s) and mailto', () => {
  it.each([
    ['website', 'www.liceoclassicope.edu.it', 'https://www.liceoclassicope.edu.it/'],
    ['website', 'http://WWW.ASLCAGLIARI.IT', 'http://www.aslcagliari.it/'],
    ['website', 'https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['website', 'javascript:alert(1)', null],
    ['website', 'data:text/html,<b>x</b>', null],
    ['website', 'ftp://example.org', null],
    ['website', 'Non Disponibile', null],
    ['website', '<img src=x onerror=alert(1)>', null],
    ['website', '', null],
    ['email', 'PEPC010009@istruzione.it', 'mailto:PEPC010009@istruzione.it'],
    ['email', 'mailto:a@b.it', 'mailto:a@b.it'],
    ['email', 'a@b', null],
    ['email', 'a@b.it?subject=x', null],
    ['email', 'javascript:a@b.it', null],
  ] as const)('%s %s → %s', (kind, raw, href) => {
    expect(contactHref(kind, raw)).toBe(href);
  });
});
