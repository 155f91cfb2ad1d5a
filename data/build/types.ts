export type Level = 'italy' | 'region' | 'province' | 'comune';
export const LEVEL_ORDER: Level[] = ['italy', 'region', 'province', 'comune'];

export interface IndicatorRow {
  level: Level;
  code: string;
  indicator: string;
  year: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

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
