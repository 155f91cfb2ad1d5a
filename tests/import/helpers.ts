import fs from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { toTerritory } from '../../src/contract';
import { buildLookup, type TerritoryLookup } from '../../src/import/core/keys';
import { importBytes } from '../../src/import/core/importFile';
import type { TerritoryRef } from '../../src/import/core/types';
import type { ServiceChoice } from '../../src/import/core/uses/services';

const ROOT = path.resolve(__dirname, '../..');
let cache: TerritoryRef[] | null = null;

export async function territories(): Promise<TerritoryRef[]> {
  if (cache) return cache;
  const buf = fs.readFileSync(path.join(ROOT, 'public/data/territories.parquet'));
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  cache = ((await parquetReadObjects({ file })) as Record<string, unknown>[]).map(toTerritory);
  return cache;
}

export async function lookup(cadastral: Map<string, string> | null = null): Promise<TerritoryLookup> {
  return buildLookup(await territories(), cadastral);
}

export const fixture = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/import', name)));

export async function importFixture(name: string, cadastral: Map<string, string> | null = null) {
  return importBytes(fixture(name), name, await lookup(cadastral));
}

/** The service-layer choice for the job-centre fixtures (the template's column names). */
export const serviceChoice = (over: Partial<ServiceChoice> = {}): ServiceChoice => ({
  id: 'user_cpi',
  label: 'CPI',
  nameColumn: 'name',
  typeColumn: 'type',
  capacityColumn: null,
  addressColumn: 'address',
  idColumn: 'id',
  capacityLabel: null,
  ...over,
});
