/** The table in view as CSV: one row per territory with value, rank and the inherited flag. */

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

/** A text cell a spreadsheet would read as a formula (= + - @, tab, CR) gets a leading apostrophe. */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function cell(x: string | number | boolean | null): string {
  if (x === null) return '';
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  const s = neutralise(x);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

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
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
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
      ]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
