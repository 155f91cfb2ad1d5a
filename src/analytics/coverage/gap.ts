/** Coverage gap: population farther than X km from the nearest service, or with access below a threshold. */
import type { DemandPoint } from './types';

export interface Gap {
  /** total population in the gap */
  population: number;
  /** codes of the territories in the gap, in input order */
  codes: string[];
  /** per demand point: its population when in the gap, else 0 */
  byTerritory: Float64Array;
}

function collect(demand: readonly DemandPoint[], inGap: (i: number) => boolean): Gap {
  const byTerritory = new Float64Array(demand.length);
  const codes: string[] = [];
  let population = 0;
  for (let i = 0; i < demand.length; i++) {
    if (!inGap(i)) continue;
    const p = demand[i].population > 0 ? demand[i].population : 0;
    byTerritory[i] = p;
    population += p;
    codes.push(demand[i].code);
  }
  return { population, codes, byTerritory };
}

/** Territories whose nearest service is farther than maxKm (no service at all, `null`, counts as farther). */
export function distanceGap(demand: readonly DemandPoint[], nearestKm: ArrayLike<number | null>, maxKm: number): Gap {
  return collect(demand, (i) => nearestKm[i] === null || (nearestKm[i] as number) > maxKm);
}

/** Territories whose access A_i (same unit as `threshold`) is strictly below the threshold; null access is not counted. */
export function accessGap(demand: readonly DemandPoint[], access: ArrayLike<number | null>, threshold: number): Gap {
  return collect(demand, (i) => access[i] !== null && (access[i] as number) < threshold);
}
