/** Distance-decay weights W(d) inside a catchment of radius d0 (0 outside). */
import type { Decay } from './types';

const E_HALF = Math.exp(-0.5);

/** Weights of the three stepped zones (0, d0/3], (d0/3, 2d0/3], (2d0/3, d0] — Luo & Qi (2009), slow decay. */
export const STEPPED_WEIGHTS = [1.0, 0.68, 0.22] as const;

/**
 * W(d) for a distance d ≥ 0 and catchment d0 > 0; 0 when d > d0.
 * 'gaussian' is the truncated, rescaled Gaussian of Dai (2010), used in many E2SFCA studies:
 * W(d) = (exp(−½(d/d0)²) − exp(−½)) / (1 − exp(−½)), so W(0) = 1 and W(d0) = 0.
 * 'stepped' zone upper bounds are inclusive (d = d0/3 is in the first zone).
 */
export function decayWeight(decay: Decay, d: number, d0: number): number {
  if (!(d <= d0)) return 0;
  if (decay === 'none') return 1;
  if (decay === 'gaussian') {
    const r = d / d0;
    return (Math.exp(-0.5 * r * r) - E_HALF) / (1 - E_HALF);
  }
  const third = d0 / 3;
  if (d <= third) return STEPPED_WEIGHTS[0];
  if (d <= 2 * third) return STEPPED_WEIGHTS[1];
  return STEPPED_WEIGHTS[2];
}
