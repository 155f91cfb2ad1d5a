import { describe, it, expect } from 'vitest';
import { metresPerPixel, scaleBar, exportScale } from '../../src/export/scale';
import { initialCamera, linearProjection } from '../../src/map/mercator';
import { tableCsv, neutralise, CSV_HEADER } from '../../src/export/csv';

describe('scale bar', () => {
  it('metres per pixel: equator, zoom 0 = 40,075 km / 512 px ≈ 78,271.5 m', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.52, 1);
    // at 60° N half of that, each zoom level halves it
    expect(metresPerPixel(60, 1)).toBeCloseTo(78271.52 / 4, 1);
  });
  it('picks a round length that fits (lat 42°, zoom 5: 1818 m/px → 120 px = 218 km → 200 km)', () => {
    const s = scaleBar(42, 5, 120, 'en');
    expect(s.metres).toBe(200000);
    expect(s.label).toBe('200 km');
    expect(s.px).toBeCloseTo(200000 / metresPerPixel(42, 5), 6);
    expect(scaleBar(45, 14, 120, 'it').label).toMatch(/ m$/);
  });
  it('the scale bar uses the camera the map starts from: Italy fitted in a 1000×800 map → 100 km = 68.4 px', () => {
    // by hand: the fit gives zoom 5.3132 at lat 42.0666°; 40,075,016.686 · cos 42.0666° / (512 · 2^5.3132) ≈ 1,461.5 m/px,
    // 120 px ≈ 175 km → the round 100 km, drawn 100,000 / 1,461.5 ≈ 68.4 px long
    const s = exportScale(null, 1000, 800, 'en');
    expect(s.metres).toBe(100000);
    expect(s.label).toBe('100 km');
    expect(s.px).toBeCloseTo(68.42, 1);
    // the bar's pixels, projected through the map's own camera and projection, span 100 km on the ground
    const c = initialCamera(null, 1000, 800);
    const p = linearProjection(c, 1000, 800);
    const dLon = s.px / p.kx;
    const ground = (Math.PI / 180) * dLon * 6371008.8 * Math.cos((c.lat * Math.PI) / 180);
    expect(Math.abs(ground - 100000) / 100000).toBeLessThan(0.005);
    // a moved map (camera in the URL: Milano at zoom 10): 53.6 m/px, 120 px ≈ 6.4 km → 5 km
    const moved = exportScale({ lon: 9.19, lat: 45.46, zoom: 10 }, 1000, 800, 'it');
    expect(moved.label).toBe('5 km');
    expect(moved.px).toBeCloseTo(5000 / metresPerPixel(45.46, 10), 6);
  });
});

describe('CSV of the table', () => {
  it('neutralises formula-looking text but keeps negative numbers as numbers', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('@sum')).toBe(`'@sum`);
    expect(neutralise('Forlì')).toBe('Forlì');
    const csv = tableCsv(
      [
        { code: '001', name: '+Torino', value: -3.2, rank: 1, of: 2, inherited: false, sourceLevel: 'province' },
        {
          code: '002',
          name: 'Reggio, "Emilia"',
          value: null,
          rank: null,
          of: null,
          inherited: true,
          sourceLevel: null,
        },
      ],
      { level: 'province', indicator: 'x', label: 'X', year: 2024, unit: 'pp', source: 'ISTAT', date: '2024' },
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines[1]).toBe(`001,'+Torino,province,x,X,2024,-3.2,pp,1,2,false,province,ISTAT,2024`);
    expect(lines[2]).toBe(`002,"Reggio, ""Emilia""",province,x,X,2024,,pp,,,true,,ISTAT,2024`);
  });
});
