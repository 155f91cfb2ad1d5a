/**
 * The parts of the tables DataStore reads after the first picture, in the first-data worker when it is there: the
 * territories' names and populations (the search), then the indicators file in two parts (phase 2): first the values of every row (level, code,
 * indicator, year, value: all the territory panel's table needs), then the numerators and denominators. Each
 * part is read where it is asked for — in the first-data worker when it is there (src/boot/firstData.worker.ts:
 * the page's main thread is busy starting the map), else in the page — and travels packed: one typed array per
 * column (missing as NaN) and, for the text columns, their distinct values with one index per row, so that the
 * worker hands the buffers over instead of copying a hundred thousand objects. Unpacked, every row is exactly
 * what `toIndicatorRow` makes of the file's row (a test holds the two equal on the real data).
 */
import { parquetRead } from 'hyparquet';
import {
  MAP_INDICATOR_COLUMNS,
  NAME_TERRITORY_COLUMNS,
  RATIO_INDICATOR_COLUMNS,
  toNum,
  type IndicatorRow,
  type Level,
} from '../contract';
import { chunkSpans, readRemote, type RemoteParquet } from '../db/remoteParquet';
import { DataFileError } from '../db/parquet';

export type IndicatorPart = 'values' | 'ratios';
export type TablePart = IndicatorPart | 'names';

/** a text column: its distinct values, and each row's index into them */
interface TextColumn {
  values: string[];
  index: Uint32Array;
}

export interface PackedValues {
  part: 'values';
  level: TextColumn;
  code: TextColumn;
  indicator: TextColumn;
  year: Float64Array;
  /** NaN where missing */
  value: Float64Array;
}

export interface PackedRatios {
  part: 'ratios';
  /** NaN where missing */
  numerator: Float64Array;
  denominator: Float64Array;
}

export type PackedPart = PackedValues | PackedRatios;

/** the territory table's NAME_TERRITORY_COLUMNS, as rows (a few thousand: copied, not packed) */
export interface NamesPart {
  part: 'names';
  rows: Record<string, unknown>[];
}

export type ReadPart = PackedPart | NamesPart;

export async function readNames(file: RemoteParquet): Promise<NamesPart> {
  return { part: 'names', rows: await readRemote(file, NAME_TERRITORY_COLUMNS) };
}

/** a text column packed: its distinct values, each row's index into them (as `String(x)`, like toIndicatorRow) */
function text(column: ArrayLike<unknown>): TextColumn {
  const at = new Map<string, number>();
  const values: string[] = [];
  const index = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = String(column[i]);
    let k = at.get(v);
    if (k === undefined) at.set(v, (k = values.push(v) - 1));
    index[i] = k;
  }
  return { values, index };
}

/** a number column packed (NaN where toNum gives null, i.e. missing) */
const numbers = (column: ArrayLike<unknown>) =>
  Float64Array.from({ length: column.length }, (_, i) => toNum(column[i]) ?? NaN);
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** Every row of some columns, one array per column (no row objects: a hundred thousand of them cost seconds here). */
async function readColumns(
  f: RemoteParquet,
  columns: readonly (keyof IndicatorRow)[],
): Promise<(name: keyof IndicatorRow) => ArrayLike<unknown>> {
  const n = Number(f.metadata.num_rows);
  try {
    await f.file.prefetch(chunkSpans(f.metadata, columns, [[0, n]]));
    const out = new Map<string, unknown[]>(columns.map((c) => [c, new Array<unknown>(n)]));
    const filled = new Map<string, number>();
    await parquetRead({
      file: f.file,
      metadata: f.metadata,
      columns: [...columns],
      onChunk: ({ columnName, columnData, rowStart }) => {
        const col = out.get(columnName);
        if (!col) return;
        for (let i = 0; i < columnData.length; i++) col[rowStart + i] = columnData[i];
        filled.set(columnName, (filled.get(columnName) ?? 0) + columnData.length);
      },
    });
    for (const c of columns)
      if (filled.get(c) !== n) throw new Error(`${c}: ${filled.get(c) ?? 0} values for ${n} rows`);
    return (name) => {
      const col = out.get(name);
      if (!col) throw new Error(`column ${name} not read`);
      return col;
    };
  } catch (e) {
    throw new DataFileError(f.url, `could not be read (${(e as Error).message})`);
  }
}

/**
 * Read one part of the indicators file (every row, in file order) and pack it. The values part fetches the whole
 * file in one request: its columns lie between the numerators' in each of the file's row groups (small, so that
 * the map reads one indicator alone), and on a line where each request waits its round trip the 70-odd requests
 * of the values alone come in later than the whole file (office line: 3.2 s against 1.7 s). The numerators are
 * then read from the bytes already in.
 */
export async function readIndicatorPart(file: RemoteParquet, part: IndicatorPart): Promise<PackedPart> {
  if (part === 'ratios') {
    const c = await readColumns(file, RATIO_INDICATOR_COLUMNS);
    return { part, numerator: numbers(c('numerator')), denominator: numbers(c('denominator')) };
  }
  await file.file.prefetch(chunkSpans(file.metadata, undefined, [[0, Number(file.metadata.num_rows)]]));
  const c = await readColumns(file, MAP_INDICATOR_COLUMNS);
  return {
    part,
    level: text(c('level')),
    code: text(c('code')),
    indicator: text(c('indicator')),
    year: Float64Array.from(c('year') as ArrayLike<unknown>, (y) => Number(y)),
    value: numbers(c('value')),
  };
}

/** The buffers of a packed part (handed over by the worker, not copied). */
export function buffersOf(p: ReadPart): ArrayBuffer[] {
  if (p.part === 'names') return [];
  const arrays =
    p.part === 'ratios'
      ? [p.numerator, p.denominator]
      : [p.level.index, p.code.index, p.indicator.index, p.year, p.value];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** The rows of the values part (numerator and denominator not read yet: null). */
export function unpackValues(p: PackedValues): IndicatorRow[] {
  const out: IndicatorRow[] = new Array<IndicatorRow>(p.year.length);
  for (let i = 0; i < out.length; i++)
    out[i] = {
      level: p.level.values[p.level.index[i]] as Level,
      code: p.code.values[p.code.index[i]],
      indicator: p.indicator.values[p.indicator.index[i]],
      year: p.year[i],
      value: orNull(p.value[i]),
      numerator: null,
      denominator: null,
    };
  return out;
}

/** The full rows: the values part's rows with the ratios part's numerators and denominators, row by row. */
export function withRatios(rows: readonly IndicatorRow[], p: PackedRatios): IndicatorRow[] {
  if (p.numerator.length !== rows.length)
    throw new Error(`the indicators file: ${rows.length} rows of values but ${p.numerator.length} of numerators`);
  return rows.map((r, i) => ({ ...r, numerator: orNull(p.numerator[i]), denominator: orNull(p.denominator[i]) }));
}
