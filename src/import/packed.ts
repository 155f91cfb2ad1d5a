/**
 * The typed columns of imported indicator rows (core/packed.ts) as Blobs for IndexedDB and as an Arrow
 * IPC stream for DuckDB; the page-side helpers (slices with a pause between them).
 */
import type { IndicatorRow, TerritoryLevel } from '../analytics/catalogue';
import { unpackSlice, type PackedRows } from './core/packed';

export { packRows, transferables, unpackSlice, type PackedRows } from './core/packed';

/** Let the page paint between slices (a slice of 10,000 rows takes a few ms). */
export const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The rows (all, and grouped by indicator), unpacked in slices with a pause between them so the page keeps
 * responding; `progress` gets the fraction done, `cancelled` stops the work between slices.
 */
export async function unpackByIndicator(
  p: PackedRows,
  opts: { slice?: number; progress?: (f: number) => void; cancelled?: () => boolean } = {},
): Promise<{ byIndicator: Map<string, IndicatorRow[]>; rows: IndicatorRow[] }> {
  const slice = opts.slice ?? 10_000;
  const by = new Map<string, IndicatorRow[]>(p.indicators.map((id) => [id, []]));
  const all: IndicatorRow[] = [];
  for (let s = 0; s < p.length; s += slice) {
    if (opts.cancelled?.()) throw new DOMException('cancelled', 'AbortError');
    const rows = unpackSlice(p, s, Math.min(p.length, s + slice));
    for (const r of rows) {
      (by.get(r.indicator) as IndicatorRow[]).push(r);
      all.push(r);
    }
    opts.progress?.(Math.min(1, (s + slice) / p.length));
    if (s + slice < p.length) await nextTask();
  }
  return { byIndicator: by, rows: all };
}

/** Is this a PackedRows (what IndexedDB gives back is a plain object with typed arrays)? */
export const isPacked = (x: unknown): x is PackedRows =>
  !!x && typeof x === 'object' && (x as PackedRows).value instanceof Float64Array;

/** The typed columns as Blobs: IndexedDB stores a Blob without serialising its bytes on the page. */
export interface BlobbedRows {
  length: number;
  levels: TerritoryLevel[];
  codes: string[];
  indicators: string[];
  blobs: {
    level: Blob;
    code: Blob;
    indicator: Blob;
    year: Blob;
    value: Blob;
    numerator: Blob | null;
    denominator: Blob | null;
  };
}

export function toBlobs(p: PackedRows): BlobbedRows {
  const b = (a: ArrayBufferView | null) => (a ? new Blob([a as ArrayBufferView<ArrayBuffer>]) : null);
  return {
    length: p.length,
    levels: p.levels,
    codes: p.codes,
    indicators: p.indicators,
    blobs: {
      level: b(p.level) as Blob,
      code: b(p.code) as Blob,
      indicator: b(p.indicator) as Blob,
      year: b(p.year) as Blob,
      value: b(p.value) as Blob,
      numerator: b(p.numerator),
      denominator: b(p.denominator),
    },
  };
}

export async function fromBlobs(r: BlobbedRows): Promise<PackedRows> {
  const buf = (x: Blob) => x.arrayBuffer();
  const { blobs } = r;
  const [level, code, indicator, year, value, numerator, denominator] = await Promise.all([
    buf(blobs.level),
    buf(blobs.code),
    buf(blobs.indicator),
    buf(blobs.year),
    buf(blobs.value),
    blobs.numerator ? buf(blobs.numerator) : null,
    blobs.denominator ? buf(blobs.denominator) : null,
  ]);
  return {
    length: r.length,
    levels: r.levels,
    codes: r.codes,
    indicators: r.indicators,
    level: new Uint8Array(level),
    code: new Int32Array(code),
    indicator: new Uint16Array(indicator),
    year: new Int32Array(year),
    value: new Float64Array(value),
    numerator: numerator ? new Float64Array(numerator) : null,
    denominator: denominator ? new Float64Array(denominator) : null,
  };
}

export const isBlobbed = (x: unknown): x is BlobbedRows =>
  !!x && typeof x === 'object' && (x as BlobbedRows).blobs?.value instanceof Blob;
