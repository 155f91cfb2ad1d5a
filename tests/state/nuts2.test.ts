// Europe's NUTS2 view in the URL, the camera and the comparison's codes.
import { describe, it, expect } from 'vitest';
import { decodeView, encodeView } from '../../src/state/url';
import { initialCamera, EUROPE_BOUNDS, ITALY_BOUNDS } from '../../src/map/mercator';
import { levelOfCode, addCode } from '../../src/compare/codes';

describe('?level=nuts2', () => {
  it('opens Europe’s regions with their default figure (the employment gap), or the one the link names', () => {
    const v = decodeView('?level=nuts2');
    expect(v.level).toBe('nuts2');
    expect(v.indicator).toBe('employment_gap_native_fb');
    expect(decodeView('?level=nuts2&ind=fb_share_15_64&sel=ITF6')).toMatchObject({
      indicator: 'fb_share_15_64',
      selected: 'ITF6',
    });
    expect(decodeView('?level=region').indicator).toBe('foreign_per_100');
    expect(new URLSearchParams(encodeView(v)).get('level')).toBe('nuts2');
  });
});

describe('the camera fits Europe on the NUTS2 level', () => {
  it('the centre of the European box and a smaller zoom than Italy’s', () => {
    const eu = initialCamera(null, 1200, 800, true);
    const it = initialCamera(null, 1200, 800);
    // Mercator centre of [-11, 34, 35, 71]: lon 12 exactly
    expect(eu.lon).toBeCloseTo((EUROPE_BOUNDS[0] + EUROPE_BOUNDS[2]) / 2, 6);
    expect(eu.lat).toBeGreaterThan(50);
    expect(eu.lat).toBeLessThan(60);
    expect(eu.zoom).toBeLessThan(it.zoom - 1.5);
    expect(it.lon).toBeCloseTo((ITALY_BOUNDS[0] + ITALY_BOUNDS[2]) / 2, 6);
  });
});

describe('NUTS2 codes in the comparison', () => {
  it('ITF6 and AT13 are NUTS2 regions; ISTAT codes keep their levels', () => {
    const codes = ['ITF6', 'AT13', '18', '101010', 'itf6'];
    expect(codes.map((c) => levelOfCode(c))).toEqual(['nuts2', 'nuts2', 'region', 'comune', null]);
    expect(addCode(['ITF6'], 'EL43')).toEqual(['ITF6', 'EL43']);
  });
});
