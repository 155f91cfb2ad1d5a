import { describe, it, expect } from 'vitest';
import { unpackValues, withRatios, type PackedValues } from '../../src/state/tableParts';

// a synthetic fixture, packed by hand: three rows, two comuni, one missing value, one missing numerator
const packed: PackedValues = {
  part: 'values',
  level: { values: ['comune', 'province'], index: Uint32Array.of(0, 0, 1) },
  code: { values: ['101010', '101'], index: Uint32Array.of(0, 0, 1) },
  indicator: { values: ['x', 'y'], index: Uint32Array.of(0, 1, 0) },
  year: Float64Array.of(2024, 2023, 2024),
  value: Float64Array.of(12.5, NaN, 0),
};

describe('the indicators file in two packed parts', () => {
  it('unpacks each row; NaN is missing (null), 0 stays 0; numerators come with the second part', () => {
    const rows = unpackValues(packed);
    expect(rows).toEqual([
      { level: 'comune', code: '101010', indicator: 'x', year: 2024, value: 12.5, numerator: null, denominator: null },
      { level: 'comune', code: '101010', indicator: 'y', year: 2023, value: null, numerator: null, denominator: null },
      { level: 'province', code: '101', indicator: 'x', year: 2024, value: 0, numerator: null, denominator: null },
    ]);
    const full = withRatios(rows, {
      part: 'ratios',
      numerator: Float64Array.of(25, NaN, 0),
      denominator: Float64Array.of(2, NaN, 7),
    });
    expect(full.map((r) => [r.value, r.numerator, r.denominator])).toEqual([
      [12.5, 25, 2],
      [null, null, null],
      [0, 0, 7],
    ]);
  });

  it('refuses parts of different lengths (another release of the file between the two reads)', () => {
    expect(() =>
      withRatios(unpackValues(packed), {
        part: 'ratios',
        numerator: Float64Array.of(1),
        denominator: Float64Array.of(1),
      }),
    ).toThrow(/3 rows of values but 1 of numerators/);
  });
});
