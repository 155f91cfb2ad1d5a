/**
 * The one writer of the atlas's tables into its DuckDB-WASM (the mirror of what the page holds): territories,
 * indicators and the small catalogue table, with the contract's columns (src/contract/tables.ts). Values reach
 * SQL only through Arrow or lit(). Imported indicators arrive by their dataset (src/import), which uses
 * appendCatalogue / dropIndicators from here.
 */
import {
  INDICATOR_COLUMNS,
  TERRITORY_COLUMNS,
  schemaOf,
  type IndicatorMeta,
  type IndicatorRow,
  type Territory,
} from '../contract';
import type { ColumnType } from './arrow';
import type { WasmDb } from './duckdb';
import { lit } from './sql';

/** The catalogue as DuckDB holds it (what SQL over the tables needs of it). */
const CATALOGUE_SCHEMA: Record<string, ColumnType> = { id: 'text', polarity: 'int', pillar: 'text' };
const catalogueRows = (metas: readonly IndicatorMeta[]) =>
  metas.map((m) => ({ id: m.id, polarity: m.polarity, pillar: m.pillar }));

/** Create the three tables from what the page has loaded (built-in rows only). */
export async function mirrorTables(
  db: WasmDb,
  t: { territories: readonly Territory[]; rows: readonly IndicatorRow[]; catalogue: readonly IndicatorMeta[] },
): Promise<void> {
  await db.insertRows('territories', t.territories, schemaOf(TERRITORY_COLUMNS));
  await db.insertRows('indicators', t.rows, schemaOf(INDICATOR_COLUMNS));
  await db.insertRows('catalogue', catalogueRows(t.catalogue), CATALOGUE_SCHEMA);
}

/** Add catalogue entries (imported indicators) to the catalogue table. */
export async function appendCatalogue(db: WasmDb, metas: readonly IndicatorMeta[]): Promise<void> {
  await db.insertRows('catalogue', catalogueRows(metas), CATALOGUE_SCHEMA, false);
}

/** Remove indicators (their rows and catalogue entries). */
export async function dropIndicators(db: WasmDb, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const list = ids.map((id) => lit(id)).join(', ');
  await db.all(`DELETE FROM indicators WHERE indicator IN (${list})`);
  await db.all(`DELETE FROM catalogue WHERE id IN (${list})`);
}
