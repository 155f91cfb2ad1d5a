/**
 * The CSV of the result rows, shared by the browser export and the CLI so that both are
 * byte-identical for the same data and configuration.
 *
 * Columns, fixed: code,name,score,rank,rank_p05,rank_p50,rank_p95,observed_weight,own_level_weight,
 * status, then the pillar sub-scores in PILLARS order. Numbers: '.' decimal separator, score and
 * pillar scores with 4 decimals, observed_weight and own_level_weight (empty when not scored) with 4, ranks as integers, "-0.0000" written "0.0000"; missing = empty
 * cell. Text: RFC 4180 (quoted when it holds , " CR or LF; quotes doubled); a text cell starting
 * with = + - @ TAB or CR gets a leading apostrophe (CSV/formula injection, OWASP). Numbers are never
 * neutralised. Lines end with \n, the last one too.
 */
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

export function csvNumber(x: number | null | undefined, decimals: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

export function csvText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  let t = s;
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function toCSV(rows: readonly ResultRow[], pillars: readonly Pillar[]): string {
  const ps = PILLARS.filter((p) => pillars.includes(p));
  const lines = [[...CSV_COLUMNS, ...ps].join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvText(r.code),
        csvText(r.name),
        csvNumber(r.score, SCORE_DECIMALS),
        csvNumber(r.rank, 0),
        csvNumber(r.rank_p05, 0),
        csvNumber(r.rank_p50, 0),
        csvNumber(r.rank_p95, 0),
        csvNumber(r.observed_weight, SHARE_DECIMALS),
        csvNumber(r.own_level_weight, SHARE_DECIMALS),
        csvText(r.status),
        ...ps.map((p) => csvNumber(r[p], SCORE_DECIMALS)),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
