import { expect } from 'vitest';

/** |actual − expected| ≤ tol (absolute) or relative to |expected|, whichever is larger. */
export function expectClose(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(actual).toBeTypeOf('number');
  const a = actual as number;
  const ok = Math.abs(a - expected) <= Math.max(tol, tol * Math.abs(expected));
  expect(ok, `expected ${a} to be within ${tol} of ${expected}`).toBe(true);
}

export function expectAllClose(actual: readonly number[], expected: readonly number[], tol = 1e-9): void {
  expect(actual.length, `length of [${actual.join(', ')}]`).toBe(expected.length);
  actual.forEach((a, i) => expectClose(a, expected[i], tol));
}
