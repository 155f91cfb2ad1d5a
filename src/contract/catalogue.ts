/** The indicator catalogue (public/data/catalogue.json): one entry per indicator. See data/README.md. */
import type { Level } from './levels';

export interface Bilingual {
  it: string;
  en: string;
}

/** What a value is: a count of people; a rate or share; a composite/other index; money or another mean amount; a class. */
export type IndicatorKind = 'count' | 'rate' | 'index' | 'amount' | 'class';

/**
 * How coarser levels are made: sum of counts, ratio of summed numerators and denominators, population-weighted
 * mean (numerator = Σ value × population), or none (each level from its own source, or a class).
 */
export type Aggregation = 'ratio_of_sums' | 'sum' | 'weighted_mean' | 'none';

export type Pillar = 'labour' | 'stability' | 'context';

/** The name of one value of a class indicator (for the legend). */
export interface ValueLabel {
  value: number;
  label: Bilingual;
}

export interface IndicatorMeta {
  id: string;
  label: Bilingual;
  description: Bilingual;
  unit: Bilingual;
  polarity: 1 | -1 | 0;
  pillar: Pillar;
  levels: Level[];
  years: number[];
  source: Bilingual;
  licence: string;
  reference_date: string;
  notes: Bilingual | null;
  estimated: boolean;
  decimals: number;
  aggregation: Aggregation;
  /** Always in catalogue.json; an imported indicator may lack it (see kindOf in src/analytics/catalogue.ts). */
  kind?: IndicatorKind;
  /**
   * value = scale × numerator / denominator where a row has both (100 for "per 100" or a percentage, 1,000 for
   * "per 1,000", 1 for euro per taxpayer, minutes, people per km²); 1 for counts, indices and classes. Always in
   * catalogue.json; an imported indicator may lack it (its value is then the plain ratio).
   */
  scale?: number;
  /** class indicators: the name of each value; null/absent otherwise */
  value_labels?: ValueLabel[] | null;
  /** numerator and denominator refer to different dates */
  dates_differ?: boolean;
}

/** An entry as the pipeline writes it to catalogue.json: every optional field present. */
export type PublishedIndicatorMeta = Required<Omit<IndicatorMeta, 'value_labels'>> & {
  value_labels: ValueLabel[] | null;
};
