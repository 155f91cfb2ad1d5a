/**
 * Class indicators (DEGURBA, altitude zone, inner-area class…): each value is a category with a name, not a
 * quantity, so it gets a colour of its own from a qualitative colour-blind-safe palette (Okabe & Ito 2008,
 * "Color Universal Design"), never a class of a numeric scale.
 */
import type { ValueLabel } from './catalogue';

export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
] as const;

export interface Categories {
  labels: readonly ValueLabel[];
  colours: readonly string[];
  /** territories per category, in the order of `labels` */
  counts: number[];
  /** territories without a value, or with a value that has no label */
  noData: number;
  /** category index per value (undefined: not a known category) */
  indexOf(value: number | null): number | undefined;
}

export function categorise(values: readonly (number | null)[], labels: readonly ValueLabel[]): Categories {
  const at = new Map(labels.map((l, i) => [l.value, i]));
  const counts = labels.map(() => 0);
  let noData = 0;
  for (const v of values) {
    const i = v === null ? undefined : at.get(v);
    if (i === undefined) noData++;
    else counts[i]++;
  }
  return {
    labels,
    colours: labels.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]),
    counts,
    noData,
    indexOf: (v) => (v === null ? undefined : at.get(v)),
  };
}
