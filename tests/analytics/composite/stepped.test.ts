import { describe, it, expect } from 'vitest';
import { stepped } from '../../../src/analytics/composite/stepped';

describe('a computation run a few steps at a time', () => {
  it('runs each step once, in order, in slices; the result only when all are done', () => {
    const seen: number[] = [];
    const run = stepped(
      5,
      (i) => seen.push(i),
      () => seen.reduce((a, b) => a + b, 0),
      (done) => `only ${done} of 5`,
    );
    expect(run.step(2)).toBe(false);
    expect(run.done).toBe(2);
    expect(() => run.result()).toThrow('only 2 of 5');
    // a fractional or negative slice: whole steps only, none backwards
    expect(run.step(-3)).toBe(false);
    expect(run.step(2.9)).toBe(false);
    expect(run.step(10)).toBe(true);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(run.result()).toBe(10);
  });
});
