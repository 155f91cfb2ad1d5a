/**
 * Quadrants of the priority scatter: employability coefficient (x) against coverage (y, oriented so that
 * higher = better coverage), cut at the medians or at values the user sets.
 */
import { quantileSorted } from './bivariate';

export type Quadrant = 'priority' | 'consolidate' | 'basic' | 'support';
/** reading order of the labels: top-left, top-right, bottom-left, bottom-right */
export const QUADRANTS: readonly Quadrant[] = ['support', 'consolidate', 'basic', 'priority'];

/** Median of the finite values (mean of the two middle ones for an even count); null when none. */
export function median(values: Iterable<number | null>): number | null {
  const v: number[] = [];
  for (const x of values) if (typeof x === 'number' && Number.isFinite(x)) v.push(x);
  v.sort((a, b) => a - b);
  return quantileSorted(v, 0.5);
}

/**
 * high potential (x ≥ xCut) and low coverage (y < yCut) → 'priority'; high and high → 'consolidate';
 * low and low → 'basic'; low potential, high coverage → 'support'. A value on a cut counts as high.
 * `polarity` −1: the coverage measure is "lower = better" (distance, people left out), so y is flipped.
 */
export function quadrantOf(x: number, y: number, xCut: number, yCut: number, polarity: 1 | -1 = 1): Quadrant {
  const highX = x >= xCut;
  const highY = polarity === 1 ? y >= yCut : y <= yCut;
  if (highX) return highY ? 'consolidate' : 'priority';
  return highY ? 'support' : 'basic';
}

export function countQuadrants(q: Iterable<Quadrant>): Record<Quadrant, number> {
  const out: Record<Quadrant, number> = { priority: 0, consolidate: 0, basic: 0, support: 0 };
  for (const k of q) out[k]++;
  return out;
}
