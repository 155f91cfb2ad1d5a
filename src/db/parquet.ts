/**
 * Read the public Parquet files in JavaScript (hyparquet): DuckDB-WASM's own Parquet reader is an
 * extension it would download from a third-party server, which the atlas forbids.
 */
import { parquetReadObjects } from 'hyparquet';
import {
  REQUIRED_INDICATOR_COLUMNS,
  REQUIRED_TERRITORY_COLUMNS,
  toIndicatorRow,
  toTerritory,
  type IndicatorRow,
  type Territory,
} from '../contract';

export { toIndicatorRow, toTerritory };

export class DataFileError extends Error {
  constructor(
    public readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export async function fetchBytes(url: string, fetcher: typeof fetch = fetch): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new DataFileError(url, `could not be downloaded (${(e as Error).message})`);
  }
  if (!res.ok) throw new DataFileError(url, `could not be downloaded (HTTP ${res.status})`);
  return res.arrayBuffer();
}

async function readRows(
  file: ArrayBuffer,
  name: string,
  required: readonly string[],
): Promise<Record<string, unknown>[]> {
  let rows: Record<string, unknown>[];
  try {
    rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  } catch (e) {
    throw new DataFileError(name, `is not a readable Parquet file (${(e as Error).message})`);
  }
  const first = rows[0];
  if (first) {
    const missing = required.filter((c) => !(c in first));
    if (missing.length) throw new DataFileError(name, `is missing the column(s) ${missing.join(', ')}`);
  }
  return rows;
}

export async function readTerritories(file: ArrayBuffer, name = 'territories.parquet'): Promise<Territory[]> {
  const rows = await readRows(file, name, REQUIRED_TERRITORY_COLUMNS);
  return rows.map(toTerritory);
}

export async function readIndicators(file: ArrayBuffer, name = 'indicators.parquet'): Promise<IndicatorRow[]> {
  const rows = await readRows(file, name, REQUIRED_INDICATOR_COLUMNS);
  return rows.map(toIndicatorRow);
}
