import { describe, it, expect } from 'vitest';
import { appendCatalogue, dropIndicators, mirrorTables } from '../../src/db/mirror';
import type { WasmDb } from '../../src/db/duckdb';
import type { IndicatorMeta } from '../../src/contract';

/** A stand-in for DuckDB-WASM that records what it is asked (synthetic, no engine). */
function recorder() {
  const sql: string[] = [];
  const inserts: { table: string; rows: readonly object[]; schema: Record<string, string>; create: boolean }[] = [];
  const db = {
    all: async (q: string) => {
      sql.push(q);
      return [];
    },
    insertRows: async (table: string, rows: readonly object[], schema: Record<string, string>, create = true) => {
      inserts.push({ table, rows, schema, create });
    },
    insertIPC: async () => {},
    queryIPC: async () => new Uint8Array(),
  } as unknown as WasmDb;
  return { db, sql, inserts };
}

const meta = { id: 'x', polarity: 1, pillar: 'labour', label: { it: 'x', en: 'x' } } as IndicatorMeta;

describe('the DuckDB mirror (one writer)', () => {
  it('the three tables with the contract’s columns', async () => {
    const r = recorder();
    await mirrorTables(r.db, { territories: [], rows: [], catalogue: [meta] });
    expect(r.inserts.map((i) => [i.table, Object.keys(i.schema).join(',')])).toEqual([
      [
        'territories',
        'level,code,name,province_code,region_code,population,area_km2,lon,lat,has_geometry,capital,sll_code',
      ],
      ['indicators', 'level,code,indicator,year,value,numerator,denominator'],
      ['catalogue', 'id,polarity,pillar'],
    ]);
    expect(r.inserts[2].rows).toEqual([{ id: 'x', polarity: 1, pillar: 'labour' }]);
    expect(r.inserts.every((i) => i.create)).toBe(true);
  });

  it('appendCatalogue appends; dropIndicators quotes every id with lit()', async () => {
    const r = recorder();
    await appendCatalogue(r.db, [meta]);
    expect(r.inserts[0]).toMatchObject({ table: 'catalogue', create: false });
    await dropIndicators(r.db, ["user_a'b", 'user_c']);
    expect(r.sql).toEqual([
      `DELETE FROM indicators WHERE indicator IN ('user_a''b', 'user_c')`,
      `DELETE FROM catalogue WHERE id IN ('user_a''b', 'user_c')`,
    ]);
    await dropIndicators(r.db, []);
    expect(r.sql).toHaveLength(2);
  });
});
