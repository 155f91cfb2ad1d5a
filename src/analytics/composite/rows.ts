/** One plain row per territory: what the ranking table, the CSV export and the CLI show. */
import type { Pillar } from './config';
import type { CompositeResult, Status } from './compute';
import type { Matrix } from './matrix';
import type { MonteCarloResult } from './uncertainty';

export interface BaseRow {
  code: string;
  name: string;
  score: number | null;
  rank: number | null;
  rank_p05: number | null;
  rank_p50: number | null;
  rank_p95: number | null;
  /** observed share of weight, 0..1 */
  observed_weight: number;
  /** share of the weight from data measured at the territory's own level, 0..1; null = not scored */
  own_level_weight: number | null;
  status: Status;
}

/** Plus one key per pillar of result.pillars (sub-score or null). */
export type ResultRow = BaseRow & Partial<Record<Pillar, number | null>>;

const val = (x: number) => (x === x ? x : null);
const pos = (x: number) => (x > 0 ? x : null);

/** Rows in the matrix order (territories by code). */
export function resultRows(matrix: Matrix, result: CompositeResult, mc?: MonteCarloResult | null): ResultRow[] {
  return matrix.codes.map((code, i) => {
    const row: ResultRow = {
      code,
      name: matrix.names[i],
      score: val(result.scores[i]),
      rank: pos(result.rank[i]),
      rank_p05: mc ? pos(mc.rankP05[i]) : null,
      rank_p50: mc ? pos(mc.rankP50[i]) : null,
      rank_p95: mc ? pos(mc.rankP95[i]) : null,
      observed_weight: result.observedShare[i],
      own_level_weight: val(result.ownLevelShare[i]),
      status: result.status[i],
    };
    for (const p of result.pillars) row[p] = val(result.pillarScores[p]?.[i] ?? NaN);
    return row;
  });
}
