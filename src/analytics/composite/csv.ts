/**
 * The CSV of the result rows, shared by the browser export and the CLI so that both are
 * byte-identical for the same data and configuration.
 *
 * Columns, fixed: code,name,score,rank,rank_p05,rank_p50,rank_p95,observed_weight,own_level_weight,
 * status, then the pillar sub-scores in PILLARS order. Numbers: '.' decimal separator, score and
 * pillar scores with 4 decimals, observed_weight and own_level_weight (empty when not scored) with 4, ranks as integers, "-0.0000" written "0.0000"; missing = empty
 * cell. Text and line ends as every CSV of the atlas (src/core/csv.ts: quoted where needed, formula starts
 * neutralised; numbers never neutralised; \n after every line).
 */
import { fixed, toCsv } from '../../core/csv';
import { PILLARS, type Pillar } from './config';
import type { ResultRow } from './rows';

export const CSV_COLUMNS = [
  'code',
  'name',
  'score',
  'rank',
  'rank_p05',
  'rank_p50',
  'rank_p95',
  'observed_weight',
  'own_level_weight',
  'status',
] as const;
export const SCORE_DECIMALS = 4;
export const SHARE_DECIMALS = 4;

export function toCSV(rows: readonly ResultRow[], pillars: readonly Pillar[]): string {
  const ps = PILLARS.filter((p) => pillars.includes(p));
  const score = fixed(SCORE_DECIMALS);
  const share = fixed(SHARE_DECIMALS);
  const rank = fixed(0);
  return toCsv(
    [...CSV_COLUMNS, ...ps],
    rows.map((r) => [
      r.code,
      r.name,
      r.score,
      r.rank,
      r.rank_p05,
      r.rank_p50,
      r.rank_p95,
      r.observed_weight,
      r.own_level_weight,
      r.status,
      ...ps.map((p) => r[p]),
    ]),
    { formats: [undefined, undefined, score, rank, rank, rank, rank, share, share, undefined, ...ps.map(() => score)] },
  );
}
