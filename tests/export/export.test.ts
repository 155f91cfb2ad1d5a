import { describe, it, expect } from 'vitest';
import { metresPerPixel, scaleBar } from '../../src/export/scale';
import { initialCamera } from '../../src/map/mercator';
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
  it('the scale bar uses the camera the map starts from: Italy fitted in a 1000×800 map', () => {
    const c = initialCamera(null, 1000, 800);
    expect(c.lon).toBeCloseTo(12.55, 6);
    expect(c.zoom).toBeGreaterThan(4.5);
    expect(c.zoom).toBeLessThan(6);
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
