/**
 * Each mode and tool registers its own URL parameters (src/features.ts → src/state/url.ts registerUrl):
 * a round trip per registered parameter, the malformed value falling back to its default, and links written
 * before the parameters moved out of the core view still opening the same view.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeView,
  defaultView,
  encodeView,
  isNavigation,
  registerUrl,
  registeredUrl,
  toBase64Url,
  type View,
} from '../../src/state/url';
import { MODE_LOADERS, TOOL_LOADERS } from '../../src/features';
import { FADE } from '../../src/coefficient/params';

/** per parameter: a value of its own, the view it is written in, and a malformed URL value */
const CASES: Record<string, { value: unknown; view?: Partial<View>; bad: string }> = {
  cfg: { value: toBase64Url({ v: 1, w: [0.5, 0.5] }), view: { mode: 'coefficient' }, bad: 'a+b/c=' },
  fade: { value: true, view: { mode: 'coefficient' }, bad: 'yes' },
  compare: { value: ['001272', '101010'], view: { tool: 'compare' }, bad: 'x,<b>' },
  slide: { value: 3, view: { tool: 'story' }, bad: 'two' },
  opts: { value: toBase64Url({ layer: 'cpia', d0: 25 }), view: { mode: 'coverage' }, bad: '{"a":1}' },
};

describe('registered URL parameters', () => {
  const params = registeredUrl().params;

  it('every mode and tool of src/features.ts is a name the URL accepts', () => {
    expect([...registeredUrl().modes].sort()).toEqual(Object.keys(MODE_LOADERS).sort());
    expect([...registeredUrl().tools].sort()).toEqual(Object.keys(TOOL_LOADERS).sort());
    for (const m of Object.keys(MODE_LOADERS)) expect(decodeView(`?mode=${m}`).mode).toBe(m);
    for (const t of Object.keys(TOOL_LOADERS)) expect(decodeView(`?tool=${t}`).tool).toBe(t);
    expect(decodeView('?mode=astrology&tool=oracle')).toMatchObject({ mode: 'indicator', tool: null });
  });

  it('has a case here for every registered parameter', () => {
    expect(params.map((p) => p.field).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [field, c] of Object.entries(CASES))
    it(`${field}: round trip, default left out of the link, malformed value → default`, () => {
      const p = params.find((x) => x.field === field)!;
      const v = { ...defaultView(), ...c.view, [field]: c.value } as View;
      const url = encodeView(v);
      expect(new URLSearchParams(url).has(p.key), url).toBe(true);
      expect(decodeView(url)).toEqual(v);
      expect(new URLSearchParams(encodeView(defaultView())).has(p.key)).toBe(false);
      expect(decodeView(`?${p.key}=${encodeURIComponent(c.bad)}`)[p.field]).toEqual(p.default);
    });

  it('a link written by the earlier core URL state opens the same view', () => {
    const old =
      '?mode=coefficient&level=comune&ind=avg_taxable_income&year=2019&sel=101010&class=manual&k=7&scheme=viridis' +
      '&breaks=10000,15000.5,20000&lang=en&at=17.1234,39.0812,9.5&table=1&fade=1&tool=story&cmp=001272,101010' +
      '&slide=2&opt=eyJsIjoxfQ&cfg=eyJ2IjoxfQ';
    const v = decodeView(old);
    expect(v).toEqual({
      mode: 'coefficient',
      level: 'comune',
      indicator: 'avg_taxable_income',
      year: 2019,
      selected: '101010',
      method: 'manual',
      k: 7,
      scheme: 'viridis',
      breaks: [10000, 15000.5, 20000],
      lang: 'en',
      camera: { lon: 17.1234, lat: 39.0812, zoom: 9.5 },
      table: true,
      labels: true,
      tool: 'story',
      group: null,
      fade: true,
      compare: ['001272', '101010'],
      slide: 2,
      opts: 'eyJsIjoxfQ',
      cfg: 'eyJ2IjoxfQ',
    });
    // the same parameters come back (fade now after the core ones)
    expect(new URLSearchParams(encodeView(v)).toString()).toBe(
      new URLSearchParams(
        old.replace('&fade=1', '').replace('&tool=story', '&tool=story&fade=1').replace(/,/g, '%2C'),
      ).toString(),
    );
  });

  it('the picked territories and the slide are navigation (a history entry); the settings are not', () => {
    const a = { ...defaultView(), tool: 'story' } as View;
    expect(isNavigation(a, { ...a, compare: ['058091'] })).toBe(true);
    expect(isNavigation(a, { ...a, slide: 1 })).toBe(true);
    // the open story always names its slide, the first one too
    expect(encodeView(a)).toContain('slide=0');
    expect(isNavigation(a, { ...a, fade: true })).toBe(false);
    expect(isNavigation(a, { ...a, opts: 'abc' })).toBe(false);
  });

  it('refuses a parameter registered twice (by field or URL name) or one that takes a core name', () => {
    expect(() => registerUrl({ modes: [], tools: [], params: [FADE] })).toThrow(/registered twice/);
    expect(() => registerUrl({ modes: [], tools: [], params: [{ ...FADE, field: 'cfg' }] })).toThrow();
    expect(() => registerUrl({ modes: [], tools: [], params: [{ ...FADE, key: 'level' }] })).toThrow();
  });
});
