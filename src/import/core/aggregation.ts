/**
 * The default aggregation of an imported numeric column to coarser levels (province, region, Italy,
 * groupings), from what the column is: a count is summed; a mean, rate, share, percentage, index,
 * per-capita or per-1,000 value is never summed — it is population-weighted. When neither the header
 * words nor the values tell, there is no default: the preview asks (a required choice).
 */
import type { Aggregation } from './uses/indicators';

export type AggregationBasis = 'header_mean' | 'header_count' | 'values_share' | 'values_count' | 'unknown';

export interface AggregationGuess {
  /** null: cannot be told, the user must choose */
  aggregation: Extract<Aggregation, 'sum' | 'weighted_mean'> | null;
  basis: AggregationBasis;
  /** the header word that decided, if any */
  word: string | null;
}

/** Words of a header, lower case, accents removed; '%' is a word of its own. */
function words(header: string): string[] {
  return header
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/%/g, ' % ')
    .split(/[^a-z0-9%‰]+/)
    .filter(Boolean);
}

/** a mean, rate, share, percentage, index, per-capita / per-1,000 value (Italian and English) */
const MEAN_WORDS = new Set([
  'medio',
  'media',
  'medi',
  'medie',
  'mediano',
  'mediana',
  'tasso',
  'tassi',
  'quota',
  'quote',
  'percentuale',
  'percentuali',
  'perc',
  'pct',
  '%',
  '‰',
  'indice',
  'indici',
  'incidenza',
  'rapporto',
  'densita',
  'procapite',
  'permille',
  'mean',
  'average',
  'avg',
  'median',
  'rate',
  'rates',
  'ratio',
  'share',
  'percent',
  'percentage',
  'index',
  'density',
  'percapita',
]);
/** income is a mean per person unless the header says it is a total (`reddito_totale`) */
const WEAK_MEAN_WORDS = new Set(['reddito', 'redditi', 'income']);
/** two-word phrases: pro capite, per capita, per 1000, per 100, per mille, x 1000 */
const MEAN_PAIRS: [string, RegExp][] = [
  ['pro', /^capite$/],
  ['per', /^(capita|capite|mille|10+|abitanti|residenti|inhabitants|residents)$/],
  ['x', /^10+$/],
  ['ogni', /^10+$/],
];
/** a count or a total */
const COUNT_WORDS = new Set([
  'n',
  'num',
  'numero',
  'nr',
  'totale',
  'totali',
  'tot',
  'somma',
  'conteggio',
  'complessivo',
  'complessivi',
  'count',
  'number',
  'total',
  'totals',
  'sum',
]);

export function guessAggregation(header: string, values: ArrayLike<number>): AggregationGuess {
  const w = words(header);
  for (let i = 0; i < w.length; i++) {
    if (MEAN_WORDS.has(w[i])) return { aggregation: 'weighted_mean', basis: 'header_mean', word: w[i] };
    for (const [a, b] of MEAN_PAIRS)
      if (w[i] === a && i + 1 < w.length && b.test(w[i + 1]))
        return { aggregation: 'weighted_mean', basis: 'header_mean', word: `${w[i]} ${w[i + 1]}` };
    if (/^per10+$|^x10+$/.test(w[i])) return { aggregation: 'weighted_mean', basis: 'header_mean', word: w[i] };
  }
  for (const x of w) if (COUNT_WORDS.has(x)) return { aggregation: 'sum', basis: 'header_count', word: x };
  for (const x of w) if (WEAK_MEAN_WORDS.has(x)) return { aggregation: 'weighted_mean', basis: 'header_mean', word: x };
  // the values: integers ≥ 0 reaching above 100 look like counts; decimals all within 0–100 like shares
  let n = 0;
  let integers = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    n++;
    if (!Number.isInteger(v)) integers = false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n > 0 && min >= 0) {
    if (integers && max > 100) return { aggregation: 'sum', basis: 'values_count', word: null };
    if (!integers && max <= 100) return { aggregation: 'weighted_mean', basis: 'values_share', word: null };
  }
  return { aggregation: null, basis: 'unknown', word: null };
}
