/**
 * Read only what is needed from a Parquet file on the server: the footer, then the column chunks of the
 * requested columns in the row groups that can hold the requested value (by their min/max statistics).
 */
import { parquetMetadataAsync, parquetReadObjects, type FileMetaData } from 'hyparquet';
import { DataFileError } from './parquet';
import { openRangeFile, FOOTER_BYTES, type RangeFile } from './rangeFile';

export interface RemoteParquet {
  url: string;
  file: RangeFile;
  metadata: FileMetaData;
}

export async function openRemoteParquet(url: string, fetcher: typeof fetch = fetch): Promise<RemoteParquet> {
  try {
    const file = await openRangeFile(url, fetcher);
    const metadata = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_BYTES });
    return { url, file, metadata };
  } catch (e) {
    throw new DataFileError(url, `could not be read (${(e as Error).message})`);
  }
}

/** Row ranges [start, end) of the row groups whose statistics for `column` may contain `value`. */
export function rowRangesFor(metadata: FileMetaData, column: string, value: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const rg of metadata.row_groups) {
    const end = start + Number(rg.num_rows);
    const col = rg.columns.find((c) => c.meta_data?.path_in_schema.join('.') === column);
    const st = col?.meta_data?.statistics;
    const min = st?.min_value ?? st?.min;
    const max = st?.max_value ?? st?.max;
    const maybe = min == null || max == null || (String(min) <= value && value <= String(max));
    if (maybe) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === start) last[1] = end;
      else ranges.push([start, end]);
    }
    start = end;
  }
  return ranges;
}

/** Byte spans of the column chunks of `columns` in the row groups overlapping `rows`. */
export function chunkSpans(
  metadata: FileMetaData,
  columns: readonly string[] | undefined,
  rows: [number, number][],
): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const rg of metadata.row_groups) {
    const end = start + Number(rg.num_rows);
    if (rows.some(([a, b]) => a < end && b > start)) {
      for (const c of rg.columns) {
        const m = c.meta_data;
        if (!m || (columns && !columns.includes(m.path_in_schema.join('.')))) continue;
        const from = Number(m.dictionary_page_offset ?? m.data_page_offset);
        spans.push([from, from + Number(m.total_compressed_size)]);
      }
    }
    start = end;
  }
  return spans;
}

export async function readRemote(
  p: RemoteParquet,
  columns: readonly string[] | undefined,
  ranges: [number, number][] = [[0, Number(p.metadata.num_rows)]],
): Promise<Record<string, unknown>[]> {
  try {
    await p.file.prefetch(chunkSpans(p.metadata, columns, ranges));
    const out: Record<string, unknown>[] = [];
    for (const [rowStart, rowEnd] of ranges) {
      const rows = (await parquetReadObjects({
        file: p.file,
        metadata: p.metadata,
        columns: columns && [...columns],
        rowStart,
        rowEnd,
      })) as Record<string, unknown>[];
      for (const r of rows) out.push(r);
    }
    return out;
  } catch (e) {
    throw new DataFileError(p.url, `could not be read (${(e as Error).message})`);
  }
}
