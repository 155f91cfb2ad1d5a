import { LEVELS, OWN_LEVELS, type IndicatorRow as ContractIndicatorRow, type Level } from '../../src/contract/index.ts';

export type { Level };
export const LEVEL_ORDER = LEVELS;
export { OWN_LEVELS };

/** A row of indicators.parquet as the pipeline makes it: a row without a value is never written. */
export type IndicatorRow = Omit<ContractIndicatorRow, 'value'> & { value: number };

/** A numerator/denominator pair for one territory and year (before the ratio is taken). */
export interface Part {
  code: string;
  year: number;
  num: number;
  den: number;
}

export interface Report {
  dropped: { file: string; row?: number; code?: string; reason: string }[];
  unmatched: { file: string; codes: string[]; reason: string }[];
  notes: string[];
}
export const newReport = (): Report => ({ dropped: [], unmatched: [], notes: [] });
