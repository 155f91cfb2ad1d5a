import { describe, it } from 'vitest';
import { equalBreaks } from '../../../src/analytics/classify';
import { expectAllClose } from '../asserts';

describe('equalBreaks', () => {
  it('equalBreaks(1, 10, 3) = [4, 7]', () => {
    // width (10 − 1)/3 = 3
    expectAllClose(equalBreaks(1, 10, 3), [4, 7]);
  });
  it('equalBreaks(0, 10, 4) = [2.5, 5, 7.5]', () => {
    expectAllClose(equalBreaks(0, 10, 4), [2.5, 5, 7.5]);
  });
});
