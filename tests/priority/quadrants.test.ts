import { describe, it, expect } from 'vitest';
import { countQuadrants, median, quadrantOf } from '../../src/priority/quadrants';

describe('median', () => {
  it('of an odd and an even count, missing values left out', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, null, 3, 2, NaN])).toBe(2.5); // (2 + 3) / 2
    expect(median([])).toBeNull();
  });
});

describe('quadrantOf', () => {
  // cuts: coefficient 50, access 30 (higher = better coverage)
  it('crosses potential and coverage', () => {
    expect(quadrantOf(60, 20, 50, 30)).toBe('priority'); // high potential, few services
    expect(quadrantOf(60, 40, 50, 30)).toBe('consolidate');
    expect(quadrantOf(40, 20, 50, 30)).toBe('basic');
    expect(quadrantOf(40, 40, 50, 30)).toBe('support');
  });
  it('a value on a cut counts as high', () => {
    expect(quadrantOf(50, 30, 50, 30)).toBe('consolidate');
  });
  it('flips y when the measure is "lower = better" (km to the nearest service)', () => {
    // cut 12 km: 25 km is worse coverage, 5 km better
    expect(quadrantOf(60, 25, 50, 12, -1)).toBe('priority');
    expect(quadrantOf(60, 5, 50, 12, -1)).toBe('consolidate');
    expect(quadrantOf(40, 12, 50, 12, -1)).toBe('support');
  });
  it('counts per quadrant', () => {
    expect(countQuadrants(['priority', 'basic', 'priority'])).toEqual({
      priority: 2,
      consolidate: 0,
      basic: 1,
      support: 0,
    });
  });
});
