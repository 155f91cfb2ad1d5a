import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/state/url';
import { DEFAULT_SPATIAL, readCoverageLink, readSettings, writeSettings } from '../../src/spatial/model.svelte';

describe('spatial settings in the URL (opt=)', () => {
  it('round trip', () => {
    const s = {
      weights: 'knn:8',
      permutations: 9999,
      alpha: 0.01,
      fdr: true,
      attachK: 3,
      seed: 42,
      variable: 'coefficient',
    };
    expect(readSettings(writeSettings(s))).toEqual(s);
    const c = { ...DEFAULT_SPATIAL, variable: 'coverage:access_e2sfca' };
    expect(readSettings(writeSettings(c))).toEqual(c);
    expect(readSettings(null)).toEqual(DEFAULT_SPATIAL);
  });
  it('the map’s indicator (the default variable) leaves the link as it was before variables existed', () => {
    expect(writeSettings(DEFAULT_SPATIAL)).toBe(
      toBase64Url({ sw: 'queen', sp: 999, sa: 0.05, sf: 0, si: 0, ss: DEFAULT_SPATIAL.seed }),
    );
    // an unknown variable or coverage measure: the map's indicator
    expect(readSettings(toBase64Url({ sv: 'coverage:nonsense' })).variable).toBe('indicator');
    expect(readSettings(toBase64Url({ sv: 42 })).variable).toBe('indicator');
  });
  it('damaged or foreign settings fall back to the defaults field by field', () => {
    expect(readSettings('%%%')).toEqual(DEFAULT_SPATIAL);
    // the coverage view's opt= (other keys) leaves the defaults
    expect(readSettings(toBase64Url({ layer: 'hospitals', d0: 50 }))).toEqual(DEFAULT_SPATIAL);
    const bad = readSettings(toBase64Url({ sw: 'rook', sp: -1, sa: 2, sf: 'yes', si: 99, ss: 1.5 }));
    expect(bad).toEqual(DEFAULT_SPATIAL);
    expect(readSettings(toBase64Url({ sw: 'band:30', sa: 0.1 }))).toEqual({
      ...DEFAULT_SPATIAL,
      weights: 'band:30',
      alpha: 0.1,
    });
  });
  it('a coverage measure keeps the coverage view’s layer and settings in the link (sc); nothing else does', () => {
    const cov = {
      layer: 'cpia',
      measure: 'per_10k',
      types: null,
      d0: 40,
      decay: 'stepped',
      useCapacity: false,
      gapKm: 30,
    };
    const s = { ...DEFAULT_SPATIAL, variable: 'coverage:access_e2sfca' };
    const link = writeSettings(s, cov);
    expect(readSettings(link)).toEqual(s);
    expect(readCoverageLink(link)).toEqual(cov);
    expect(readCoverageLink(writeSettings(DEFAULT_SPATIAL, cov))).toBeNull();
    expect(readCoverageLink(writeSettings(s))).toBeNull();
    expect(readCoverageLink(toBase64Url({ sc: [1, 2] }))).toBeNull();
    expect(readCoverageLink('%%%')).toBeNull();
  });
});
