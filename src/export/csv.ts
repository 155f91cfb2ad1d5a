/** The table in view as CSV: one row per territory with value, rank and the inherited flag. */
import { toCsv } from '../core/csv';

export interface TableRow {
  code: string;
  name: string;
  value: number | null;
  rank: number | null;
  of: number | null;
  inherited: boolean;
  sourceLevel: string | null;
}

export interface TableMeta {
  level: string;
  indicator: string;
  label: string;
  year: number | null;
  unit: string;
  source: string;
  date: string;
}

// cells are written by the one CSV writer of the atlas (src/core/csv.ts)
export { neutralise } from '../core/csv';

export const CSV_HEADER = [
  'code',
  'name',
  'level',
  'indicator',
  'label',
  'year',
  'value',
  'unit',
  'rank',
  'of',
  'inherited',
  'source_level',
  'source',
  'reference_date',
];

export function tableCsv(rows: readonly TableRow[], meta: TableMeta): string {
  return toCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.code,
      r.name,
      meta.level,
      meta.indicator,
      meta.label,
      meta.year,
      r.value,
      meta.unit,
      r.rank,
      r.of,
      r.inherited,
      r.sourceLevel,
      meta.source,
      meta.date,
    ]),
  );
}
