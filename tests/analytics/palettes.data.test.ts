import { describe, it, expect } from 'vitest';
import { schemeColors, SCHEME_NAMES } from '../../src/analytics/palettes';
import * as fromD3 from '../../src/analytics/palettes.d3';

// The app's palettes are generated once from d3-scale-chromatic (scripts/gen-palettes.ts): they must agree.
describe('generated palettes equal d3-scale-chromatic', () => {
  for (const name of SCHEME_NAMES) {
    it(name, () => {
      for (let k = 0; k <= 9; k++) {
        expect(schemeColors(name, k)).toEqual(fromD3.d3SchemeColors(name, k));
        expect(schemeColors(name, k, { reverse: true })).toEqual(fromD3.d3SchemeColors(name, k).reverse());
        if (k > 0) expect(schemeColors(name, k)).toHaveLength(k);
      }
    });
  }
});
