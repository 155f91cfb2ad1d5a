import { ckmeans } from 'simple-statistics';

/**
 * Natural breaks by Ckmeans (optimal 1-D k-means, Wang & Song 2011) from
 * simple-statistics. Each threshold is the smallest value of a cluster, so
 * with the "equal goes up" rule every value stays in its own cluster.
 * `k` must not exceed the number of distinct values.
 */
export function ckmeansBreaks(sorted: readonly number[], k: number): number[] {
  if (sorted.length === 0 || k < 2) return [];
  const clusters = ckmeans([...sorted], k);
  return clusters.slice(1).map((c) => c[0]);
}
