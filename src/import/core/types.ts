/** The importer's data shapes: pure, shared by the worker, the tool and the tests. */
import type { Territory } from '../../analytics/catalogue';
import type { MapLevel as ContractMapLevel } from '../../contract';
import type { Column } from './columns';
import type { AggregationGuess } from './aggregation';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'geojson';
export type Cell = string | number | null;
/** The levels an import is keyed by: the administrative codes and names (not the SLL beside them, nor Europe's NUTS2 regions). */
export type MapLevel = Extract<ContractMapLevel, 'region' | 'province' | 'comune'>;

/** A file read into rows of cells, before any interpretation of the key. */
export interface RawTable {
  format: FileFormat;
  /** 'utf-8' | 'utf-8 (BOM)' | 'latin-1' for text files */
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  /** data rows */
  rowCount: number;
  /** one per column: cells as read (strings for text formats, numbers/strings for xlsx/parquet), or offsets into a quote-free text */
  cols: Column[];
  /** spreadsheet row number of rows[0] (the header is row 1 in CSV/xlsx) */
  firstRow: number;
  /** GeoJSON points: lon/lat per row (null when the feature has no usable point) */
  points?: ([number, number] | null)[];
  /** rows left out (1 = GeoJSON feature with an invalid geometry, or the row where a quote is never closed): reported, never imported */
  excluded?: Uint8Array;
  /** lines of the file swallowed by a quote that is never closed (not rows of the table; reported) */
  swallowed?: number;
}

export type ProblemCode =
  | 'empty'
  | 'too_large'
  | 'unreadable'
  | 'single_column'
  | 'ragged_rows'
  | 'duplicate_columns'
  | 'no_key'
  | 'text_in_numeric'
  | 'unknown_codes'
  | 'unknown_names'
  | 'ambiguous_names'
  | 'duplicates'
  | 'mixed_levels'
  | 'invalid_geometry'
  | 'no_cadastral_lookup'
  | 'bad_coordinates'
  | 'bad_year'
  | 'broken_quote'
  | 'empty_key'
  | 'out_of_range'
  | 'key_ask'
  | 'no_reference_date'
  | 'long_text';

export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning' | 'info';
  /** how many rows (or features) are concerned */
  count: number;
  /** the first spreadsheet row numbers (or feature indexes for GeoJSON), at most 10 */
  rows: number[];
  /** the offending values, at most 10 */
  values: string[];
  column?: string;
  /** nearest candidates for unmatched names/codes: value → up to 3 suggestions */
  suggestions?: { value: string; candidates: string[] }[];
  detail?: string;
}

export type ColumnKind = 'key' | 'province' | 'year' | 'number' | 'text' | 'lat' | 'lon' | 'code';

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** numeric columns: decimal separator used */
  decimal?: ',' | '.';
  /** numeric columns: how many cells parsed as numbers / were text */
  numeric?: number;
  text?: number;
  /** numeric columns: the default aggregation to coarser levels (null: the user must choose) and why */
  aggregation?: AggregationGuess;
}

export type KeyKind = 'istat' | 'cadastral' | 'name';

export interface KeyInfo {
  column: string;
  kind: KeyKind;
  /** the dominant level of the matched keys */
  level: MapLevel;
  /** a province column used to tell homonymous comuni apart */
  provinceColumn: string | null;
  /** chosen by the user in the preview (not guessed) */
  chosen?: boolean;
}

/** Why a column was (or was not) taken as the key: reasons for and against, as codes with a value. */
export type KeyReason =
  | { code: 'header'; word: string }
  | { code: 'width'; width: number }
  | { code: 'matched'; share: number }
  | { code: 'sequence' }
  | { code: 'small_integers'; max: number }
  | { code: 'counts'; word: string }
  | { code: 'anti_header'; word: string }
  | { code: 'short_codes'; width: number };

/** A column that could be the key, with its score (0–1.5) and the reasons. */
export interface KeyCandidate {
  column: string;
  kind: KeyKind;
  level: MapLevel;
  /** share of non-empty cells that match at `level` */
  rate: number;
  score: number;
  for: KeyReason[];
  against: KeyReason[];
}

/** What the user picked in the preview: a key column (or none), its level, and the province column. */
export interface KeyChoice {
  column: string | null;
  kind?: KeyKind;
  level?: MapLevel;
  provinceColumn?: string | null;
}

/** Every row accounted for: read = imported + listed (as not imported, in the problems). */
export interface RowAccount {
  read: number;
  imported: number;
  listed: number;
}

/** The imported form: one record per row, key resolved, numbers parsed. */
export interface ImportedRow {
  /** spreadsheet row number (or feature index + 1 for GeoJSON) */
  row: number;
  /** the territory code at `level`, or null when the key did not match (or is at another level) */
  code: string | null;
  values: Record<string, Cell>;
  lon: number | null;
  lat: number | null;
  year: number | null;
  /** left out (a GeoJSON feature with an invalid geometry): no territory, no point, in no use */
  excluded?: true;
}

export interface ImportPreview {
  fileName: string;
  bytes: number;
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
  columns: ColumnInfo[];
  key: KeyInfo | null;
  /** the columns that could be the key, best first, with their reasons (the preview's selector) */
  keyCandidates: KeyCandidate[];
  /** two candidates are too close to choose: the preview asks (key is null until the user picks) */
  keyAsk: boolean;
  yearColumn: string | null;
  /** a reference year read from the file name or a date cell, offered to the user (never used silently) */
  dateSuggestion: string | null;
  rowCount: number;
  matched: number;
  /** rows read = rows imported + rows listed in the problems (key files; null without a key) */
  account: RowAccount | null;
  /** importBytes: every row; in the app: the first rows only (the whole imported form stays in the worker) */
  rows: ImportedRow[];
  /** rows with coordinates, rows placed at their comune, rows with neither */
  points: { exact: number; comune: number; none: number };
  problems: Problem[];
  ms: number;
}

export type ImportOutcome = { ok: true; preview: ImportPreview } | { ok: false; problem: Problem; fileName: string };

/** A file that could not be imported, with the reason in plain words (`detail`) and no rows. */
export function failedOutcome(
  fileName: string,
  detail: string,
  code: 'unreadable' | 'too_large' = 'unreadable',
): ImportOutcome & { ok: false } {
  return { ok: false, fileName, problem: { code, severity: 'error', count: 0, rows: [], values: [], detail } };
}

/** The territories the importer matches keys against (a subset of Territory). */
export type TerritoryRef = Pick<
  Territory,
  'level' | 'code' | 'name' | 'province_code' | 'region_code' | 'population' | 'lon' | 'lat'
>;
