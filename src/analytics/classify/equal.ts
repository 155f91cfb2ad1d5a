/** Equal-interval thresholds: min + (max − min)·i/k, i = 1..k−1. */
export function equalBreaks(min: number, max: number, k: number): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) breaks.push(min + ((max - min) * i) / k);
  return breaks;
}
