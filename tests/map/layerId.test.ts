import { describe, expect, it } from 'vitest';
import { choroplethLayerId, layerLevel } from '../../src/map/layerId';

describe('the choropleth layer id', () => {
  it('is written as the tests and bench read it (body.dataset.layer)', () => {
    expect(choroplethLayerId('comune', null)).toBe('choropleth-comune');
    expect(choroplethLayerId('region', 'user_ats')).toBe('choropleth-group-user_ats');
  });
  it('reads back the level it was built for', () => {
    for (const l of ['region', 'province', 'comune'] as const) expect(layerLevel(choroplethLayerId(l, null))).toBe(l);
    // a grouping whose id contains a level name is still a grouping
    expect(layerLevel(choroplethLayerId('province', 'user_comune'))).toBe('group');
  });
});
