/**
 * The tables of public/data (Parquet): their row types, their columns (one schema for the Parquet writer, the
 * DuckDB mirror in the browser and the CLIs) and the mappers from a row as a reader gives it (numbers may be
 * bigint, missing cells null or absent) to the row type. Missing is null, never 0.
 */
import type { Level } from './levels';

/** A column's type: the Parquet writer and the DuckDB mirror map it to their own types. */
export type ColumnType = 'text' | 'double' | 'int' | 'bigint' | 'bool';
export interface Column<R> {
  name: keyof R & string;
  type: ColumnType;
}

/** territories.parquet: one row per territory of every level. */
export interface Territory {
  level: Level;
  code: string;
  name: string;
  province_code: string | null;
  region_code: string | null;
  population: number | null;
  area_km2: number | null;
  lon: number | null;
  lat: number | null;
  has_geometry: boolean;
  /** comune: capoluogo of its province (ISTAT); false for every other row; absent in older files */
  capital?: boolean;
  /** comune: its local labour system (SLL 2021 code, 4 digits); null for every other row; absent in older files */
  sll_code?: string | null;
}

/** indicators.parquet: one row per indicator, territory and year. */
export interface IndicatorRow {
  level: Level;
  code: string;
  indicator: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** services.parquet: one service point of a built-in layer. */
export interface ServiceRow {
  layer: string;
  id: string;
  name: string;
  address: string | null;
  type: string;
  capacity: number | null;
  lon: number;
  lat: number;
  comune_code: string;
  precision: 'exact' | 'comune';
  /** contacts as the source gives them (text; null when the source has none) */
  phone: string | null;
  email: string | null;
  website: string | null;
  source: string;
  reference_date: string;
}

/** A table's columns, in file order, from one entry per field of its row type (none can be left out). */
const columns = <R>(spec: Record<keyof R & string, ColumnType>): readonly Column<R>[] =>
  (Object.entries(spec) as [keyof R & string, ColumnType][]).map(([name, type]) => ({ name, type }));

// prettier-ignore
export const TERRITORY_COLUMNS = columns<Territory>({
  level: 'text', code: 'text', name: 'text', province_code: 'text', region_code: 'text', population: 'bigint',
  area_km2: 'double', lon: 'double', lat: 'double', has_geometry: 'bool', capital: 'bool', sll_code: 'text',
});

// prettier-ignore
export const INDICATOR_COLUMNS = columns<IndicatorRow>({
  level: 'text', code: 'text', indicator: 'text', year: 'int', value: 'double', numerator: 'double', denominator: 'double',
});

// prettier-ignore
export const SERVICE_COLUMNS = columns<ServiceRow>({
  layer: 'text', id: 'text', name: 'text', address: 'text', type: 'text', capacity: 'double', lon: 'double', lat: 'double',
  comune_code: 'text', precision: 'text', phone: 'text', email: 'text', website: 'text', source: 'text',
  reference_date: 'text',
});

/** The columns the map needs before anything else (DataStore phase 1, and the first-data worker). */
export const MAP_TERRITORY_COLUMNS: readonly (keyof Territory)[] = [
  'level',
  'code',
  'province_code',
  'region_code',
  'has_geometry',
];
export const MAP_INDICATOR_COLUMNS: readonly (keyof IndicatorRow)[] = ['level', 'code', 'indicator', 'year', 'value'];
/** Read right after the first picture: the search and the panel's title (the rest of the table comes later). */
export const NAME_TERRITORY_COLUMNS: readonly (keyof Territory)[] = ['level', 'code', 'name', 'population'];
/** The rest of an indicator row, read after MAP_INDICATOR_COLUMNS of every row (the panel's table needs no more). */
export const RATIO_INDICATOR_COLUMNS: readonly (keyof IndicatorRow)[] = ['numerator', 'denominator'];
/** The columns a file must have to be read at all. */
export const REQUIRED_TERRITORY_COLUMNS: readonly (keyof Territory)[] = ['level', 'code', 'name', 'population'];
export const REQUIRED_INDICATOR_COLUMNS: readonly (keyof IndicatorRow)[] = [
  'level',
  'code',
  'indicator',
  'year',
  'value',
];

/** A finite number, or null (bigint accepted). */
export const toNum = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
};
const toStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export const toTerritory = (r: Record<string, unknown>): Territory => ({
  level: r.level as Level,
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
  sll_code: toStr(r.sll_code),
});

export const toIndicatorRow = (r: Record<string, unknown>): IndicatorRow => ({
  level: r.level as Level,
  code: String(r.code),
  indicator: String(r.indicator),
  year: Number(r.year),
  value: toNum(r.value),
  numerator: toNum(r.numerator),
  denominator: toNum(r.denominator),
});

/** A column list as the schema a table writer takes (column name → type). */
export function schemaOf<R>(columns: readonly Column<R>[]): Record<string, ColumnType> {
  return Object.fromEntries(columns.map((c) => [c.name, c.type]));
}
