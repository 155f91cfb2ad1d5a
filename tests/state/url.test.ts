import { describe, it, expect } from 'vitest';
import { decodeView, encodeView, isNavigation, defaultView, toBase64Url, fromBase64Url } from '../../src/state/url';
// the modes' and tools' URL parameters, registered as the app registers them
import '../../src/features';

const DEFAULT_VIEW = defaultView();

describe('the view as a URL', () => {
  it('round-trips a full view', () => {
    const v = {
      ...DEFAULT_VIEW,
      mode: 'coefficient' as const,
      level: 'comune' as const,
      indicator: 'avg_taxable_income',
      year: 2019,
      selected: '101010',
      method: 'manual' as const,
      k: 7,
      scheme: 'viridis',
      breaks: [10000, 15000.5, 20000],
      lang: 'en' as const,
      camera: { lon: 17.1234, lat: 39.0812, zoom: 9.5 },
      table: true,
      cfg: 'eyJ2IjoxfQ',
      fade: true,
      tool: 'compare' as const,
      compare: ['001272', '101010'],
      slide: 0,
    };
    expect(decodeView(encodeView(v))).toEqual(v);
  });

  it('keeps the defaults out of the URL', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('?level=region&ind=foreign_per_100');
  });

  it('falls back to defaults on malformed parameters instead of failing', () => {
    const v = decodeView(
      '?level=planet&ind=<script>&k=42&class=magic&lang=fr&at=1,2&sel=DROP%20TABLE&cmp=001272,x,101010&slide=-3',
    );
    expect(v.level).toBe('region');
    expect(v.indicator).toBe('foreign_per_100');
    expect(v.k).toBe(5);
    expect(v.method).toBe('quantile');
    expect(v.lang).toBe('it');
    expect(v.camera).toBeNull();
    expect(v.selected).toBeNull();
    expect(v.compare).toEqual(['001272', '101010']);
    expect(v.slide).toBe(0);
  });

  it('treats level, indicator, selection, language, mode and tool changes as navigation, camera moves and settings not', () => {
    const a = DEFAULT_VIEW;
    expect(isNavigation(a, { ...a, level: 'province' })).toBe(true);
    expect(isNavigation(a, { ...a, selected: '058' })).toBe(true);
    expect(isNavigation(a, { ...a, tool: 'story' })).toBe(true);
    expect(isNavigation(a, { ...a, camera: { lon: 12, lat: 42, zoom: 6 } })).toBe(false);
    expect(isNavigation(a, { ...a, cfg: 'abc' })).toBe(false);
    expect(isNavigation(a, { ...a, k: 7 })).toBe(false);
  });

  it('encodes JSON as base64url and back, with non-ASCII text', () => {
    const obj = { name: 'Forlì-Cesena', w: [0.5, 1], nested: { a: '→' } };
    const s = toBase64Url(obj);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(s)).toEqual(obj);
  });
});

describe('mode settings in the URL', () => {
  it('keeps the coverage settings (opt=) and the grouping (grp=)', () => {
    const v = {
      ...DEFAULT_VIEW,
      mode: 'coverage' as const,
      opts: toBase64Url({ layer: 'cpia', d0: 25 }),
      group: 'user_ats',
    };
    const back = decodeView(encodeView(v));
    expect(back.opts).toBe(v.opts);
    expect(fromBase64Url(back.opts as string)).toEqual({ layer: 'cpia', d0: 25 });
    expect(back.group).toBe('user_ats');
  });
});
