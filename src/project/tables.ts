/**
 * An imported dataset's rows as Parquet inside the project file (hyparquet-writer out, hyparquet in; DuckDB-WASM
 * could write Parquet only with an extension it would download). One layout per kind, missing = null:
 * indicators `level, code, indicator, year, value, numerator, denominator`; services the columns of
 * services.parquet plus the contacts; a grouping `comune_code, group_code, group_name`. Pure.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetReadObjects } from 'hyparquet';
import type { IndicatorRow, Level } from '../contract';
import { CONTACT_COLUMNS as CONTACTS, type ServiceRecord } from '../core/userData';

type ColType = 'STRING' | 'DOUBLE' | 'INT32';
/** The columns of one layout, in file order. */
type Layout<R> = readonly (readonly [keyof R & string, ColType])[];

/** Rows as Parquet in a layout; undefined and NaN are written as null (missing). */
function table<R>(rows: readonly R[], layout: Layout<R>): Uint8Array {
  const columnData = layout.map(([name, type]) => ({
    name,
    type,
    data: rows.map((r) => {
      const v = r[name] as unknown;
      return v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
    }),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
const read = async (bytes: Uint8Array): Promise<Record<string, unknown>[]> =>
  (await parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  })) as Record<string, unknown>[];

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'bigint'
      ? Number(v)
      : Number.isFinite(Number(v))
        ? Number(v)
        : null;

const INDICATORS: Layout<IndicatorRow> = [
  ['level', 'STRING'],
  ['code', 'STRING'],
  ['indicator', 'STRING'],
  ['year', 'INT32'],
  ['value', 'DOUBLE'],
  ['numerator', 'DOUBLE'],
  ['denominator', 'DOUBLE'],
];
export const indicatorsParquet = (rows: readonly IndicatorRow[]): Uint8Array => table(rows, INDICATORS);

export async function readIndicators(bytes: Uint8Array): Promise<IndicatorRow[]> {
  return (await read(bytes)).map((r) => ({
    level: String(r.level) as Level,
    code: String(r.code),
    indicator: String(r.indicator),
    year: num(r.year) ?? 0,
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
  }));
}

const SERVICES: Layout<ServiceRecord> = [
  ['layer', 'STRING'],
  ['id', 'STRING'],
  ['name', 'STRING'],
  ['address', 'STRING'],
  ['type', 'STRING'],
  ['capacity', 'DOUBLE'],
  ['lon', 'DOUBLE'],
  ['lat', 'DOUBLE'],
  ['comune_code', 'STRING'],
  ['precision', 'STRING'],
  ...CONTACTS.map((f) => [f, 'STRING'] as const),
];
export const servicesParquet = (points: readonly ServiceRecord[]): Uint8Array => table(points, SERVICES);

export async function readServices(bytes: Uint8Array): Promise<ServiceRecord[]> {
  return (await read(bytes)).map((r) => {
    const p: ServiceRecord = {
      layer: String(r.layer),
      id: String(r.id),
      name: String(r.name ?? ''),
      address: str(r.address),
      type: str(r.type),
      capacity: num(r.capacity),
      lon: num(r.lon) ?? NaN,
      lat: num(r.lat) ?? NaN,
      comune_code: str(r.comune_code),
      precision: r.precision === 'exact' ? 'exact' : 'comune',
    };
    // contacts only where the source had them (absent, as in an import without them)
    for (const f of CONTACTS) if (r[f] !== null && r[f] !== undefined) p[f] = String(r[f]);
    return p;
  });
}

export interface MemberRow {
  comune_code: string;
  group_code: string;
  group_name: string;
}

const GROUPING: Layout<MemberRow> = [
  ['comune_code', 'STRING'],
  ['group_code', 'STRING'],
  ['group_name', 'STRING'],
];
export const groupingParquet = (members: readonly MemberRow[]): Uint8Array => table(members, GROUPING);

export async function readGrouping(bytes: Uint8Array): Promise<MemberRow[]> {
  return (await read(bytes)).map((r) => ({
    comune_code: String(r.comune_code),
    group_code: String(r.group_code),
    group_name: String(r.group_name ?? r.group_code),
  }));
}
