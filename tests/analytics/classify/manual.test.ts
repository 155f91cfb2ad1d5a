import { describe, expect, it } from 'vitest';
import { validateManualBreaks } from '../../../src/analytics/classify';

describe('validateManualBreaks', () => {
  it('validateManualBreaks([10, 20]) returns a copy', () => {
    const b = [10, 20];
    const v = validateManualBreaks(b);
    expect(v).toEqual([10, 20]);
    expect(v).not.toBe(b);
  });
  it.each([
    [undefined, /needs an array/],
    [[1], /expected 2 to 8 thresholds/],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9], /expected 2 to 8 thresholds.*got 9/],
    [[1, Number.NaN], /#2 is not a finite number/],
    [[1, Number.POSITIVE_INFINITY], /#2 is not a finite number/],
    [[3, 1], /strictly ascending: threshold #2 \(1\) is not greater than #1 \(3\)/],
    [[1, 1], /strictly ascending/],
  ])('validateManualBreaks(%j) throws %s', (breaks, message) => {
    expect(() => validateManualBreaks(breaks as number[] | undefined)).toThrow(message);
  });
});
