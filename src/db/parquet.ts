/**
 * Read the public Parquet files in JavaScript (hyparquet): DuckDB-WASM's own Parquet reader is an
 * extension it would download from a third-party server, which the atlas forbids.
 */
import { parquetReadObjects } from 'hyparquet';
import type { IndicatorRow, Territory } from '../analytics/catalogue';

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

const toNum = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
};
const toStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

async function readRows(file: ArrayBuffer, name: string, required: string[]): Promise<Record<string, unknown>[]> {
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

export const toTerritory = (r: Record<string, unknown>): Territory => ({
  level: r.level as Territory['level'],
  code: String(r.code),
  name: r.name === undefined || r.name === null ? '' : String(r.name),
  province_code: toStr(r.province_code),
  region_code: toStr(r.region_code),
  population: toNum(r.population),
  area_km2: toNum(r.area_km2),
  lon: toNum(r.lon),
  lat: toNum(r.lat),
  has_geometry: r.has_geometry !== false,
  capital: r.capital === true,
});

export async function readTerritories(file: ArrayBuffer, name = 'territories.parquet'): Promise<Territory[]> {
  const rows = await readRows(file, name, ['level', 'code', 'name', 'population']);
  return rows.map(toTerritory);
}

export const toIndicatorRow = (r: Record<string, unknown>): IndicatorRow => ({
  level: r.level as IndicatorRow['level'],
  code: String(r.code),
  indicator: String(r.indicator),
  year: Number(r.year),
  value: toNum(r.value),
  numerator: toNum(r.numerator),
  denominator: toNum(r.denominator),
});

export async function readIndicators(file: ArrayBuffer, name = 'indicators.parquet'): Promise<IndicatorRow[]> {
  const rows = await readRows(file, name, ['level', 'code', 'indicator', 'year', 'value']);
  return rows.map(toIndicatorRow);
}
