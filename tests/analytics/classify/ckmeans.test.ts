import { describe, expect, it } from 'vitest';
import { ckmeansBreaks } from '../../../src/analytics/classify';

describe('ckmeansBreaks', () => {
  it('ckmeansBreaks of three clear groups = the first value of groups 2 and 3', () => {
    // {1,2,3} {10,11,12} {20,21,22}
    expect(ckmeansBreaks([1, 2, 3, 10, 11, 12, 20, 21, 22], 3)).toEqual([10, 20]);
  });
  it('ckmeansBreaks([], 3) = []', () => {
    expect(ckmeansBreaks([], 3)).toEqual([]);
  });
});
