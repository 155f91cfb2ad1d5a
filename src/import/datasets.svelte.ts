/**
 * The imported datasets: kept in IndexedDB (the original file bytes and the imported form), applied
 * to the DataStore (indicators, service layers, groupings) and to DuckDB's tables. Nothing leaves the
 * browser.
 */
import type { IndicatorMeta, IndicatorRow } from '../analytics/catalogue';
import type { Grouping, ServiceLayer } from '../state/userData';
import type { Hub } from '../modes/types';
import { IdbStore } from './idb';
import { ident, lit } from '../db/sql';

export type DatasetKind = 'indicators' | 'services' | 'grouping';

export interface StoredGrouping {
  id: string;
  label: { it: string; en: string };
  source: string;
  members: [string, string][];
  names: [string, string][];
}

export interface StoredDataset {
  id: string;
  name: string;
  fileName: string;
  kind: DatasetKind;
  importedOn: string;
  /** the original file, as it was picked */
  bytes: ArrayBuffer;
  indicators?: { metas: IndicatorMeta[]; rows: IndicatorRow[] };
  layer?: ServiceLayer;
  grouping?: StoredGrouping;
  /** grouping: ids of user indicators averaged with population weights */
  weighted?: string[];
}

export const toStoredGrouping = (g: Grouping): StoredGrouping => ({ id: g.id, label: g.label, source: g.source, members: [...g.members], names: [...g.names] });
export const fromStoredGrouping = (g: StoredGrouping): Grouping => ({ id: g.id, label: g.label, source: g.source, members: new Map(g.members), names: new Map(g.names) });

const idb = new IdbStore<StoredDataset>('coefficienti-imports', 'datasets');

export const membersTable = (groupingId: string) => `${groupingId}_members`;

export class Datasets {
  list = $state.raw<StoredDataset[]>([]);
  status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  error = $state<string | null>(null);
  /** original text files readable in the SQL console with read_csv('<name>') (this session only) */
  files = $state.raw<string[]>([]);
  #texts = new Map<string, string>();
  #restored: Promise<void> | null = null;
  /** per dataset: its tables are in DuckDB */
  #inDb = new Map<string, Promise<void>>();

  constructor(private readonly hub: Hub) {}

  /** Read IndexedDB and apply every dataset (once per page). */
  restore(): Promise<void> {
    this.#restored ??= (async () => {
      this.status = 'loading';
      try {
        const all = (await idb.all()).sort((a, b) => a.importedOn.localeCompare(b.importedOn));
        for (const d of all) await this.#apply(d);
        this.list = all;
        this.status = 'ready';
      } catch (e) {
        this.status = 'failed';
        this.error = (e as Error).message;
      }
    })();
    return this.#restored;
  }

  async add(d: StoredDataset): Promise<void> {
    const old = this.list.find((x) => x.id === d.id);
    if (old) await this.#unapply(old);
    await this.#apply(d);
    await idb.put($state.snapshot(d) as StoredDataset);
    this.list = [...this.list.filter((x) => x.id !== d.id), d];
  }

  async rename(id: string, name: string): Promise<void> {
    const d = this.list.find((x) => x.id === id);
    if (!d || !name.trim()) return;
    const next: StoredDataset = { ...d, name: name.trim() };
    if (next.layer) next.layer = { ...next.layer, label: { it: next.name, en: next.name } };
    if (next.grouping) next.grouping = { ...next.grouping, label: { it: next.name, en: next.name } };
    await this.add(next);
  }

  async remove(id: string): Promise<void> {
    const d = this.list.find((x) => x.id === id);
    if (!d) return;
    await this.#unapply(d);
    await idb.delete(id);
    this.list = this.list.filter((x) => x.id !== id);
  }

  async #apply(d: StoredDataset): Promise<void> {
    const data = this.hub.data;
    if (d.indicators) {
      await data.loadFull();
      const { metas, rows } = d.indicators;
      await data.addIndicators(metas, rows);
      // DuckDB may have been starting meanwhile (it copies the rows it saw then): make sure they are in
      void this.#toDb(async (db) => {
        const [c] = await db.all(`SELECT count(*) AS n FROM indicators WHERE indicator IN (${metas.map((m) => lit(m.id)).join(', ')})`);
        if (Number(c?.n ?? 0) > 0 || rows.length === 0) return;
        await db.insertRows('indicators', rows, { level: 'text', code: 'text', indicator: 'text', year: 'int', value: 'double', numerator: 'double', denominator: 'double' }, false);
        await db.all(`DELETE FROM catalogue WHERE id IN (${metas.map((m) => lit(m.id)).join(', ')})`);
        await db.insertRows('catalogue', metas.map((m) => ({ id: m.id, polarity: m.polarity, pillar: m.pillar })), { id: 'text', polarity: 'int', pillar: 'text' }, false);
      });
    }
    if (d.layer) {
      const layer = d.layer;
      data.userServiceLayers = [...data.userServiceLayers.filter((l) => l.id !== layer.id), layer];
      void this.#toDb(async (db) => {
        await db.all(`DROP TABLE IF EXISTS ${ident(layer.id)}`);
        await db.insertRows(layer.id, layer.points, { layer: 'text', id: 'text', name: 'text', address: 'text', type: 'text', capacity: 'double', lon: 'double', lat: 'double', comune_code: 'text', precision: 'text' });
      });
    }
    if (d.grouping) {
      const g = fromStoredGrouping(d.grouping);
      data.userGroupings = [...data.userGroupings.filter((x) => x.id !== g.id), g];
      this.#inDb.set(d.id, this.#toDb(async (db) => {
        const t = membersTable(g.id);
        await db.all(`DROP TABLE IF EXISTS ${ident(t)}`);
        await db.insertRows(t, [...g.members].map(([comune_code, group_code]) => ({ comune_code, group_code, group_name: g.names.get(group_code) ?? group_code })), { comune_code: 'text', group_code: 'text', group_name: 'text' });
      }));
    }
  }

  async #unapply(d: StoredDataset): Promise<void> {
    const data = this.hub.data;
    if (d.indicators) data.removeIndicators(d.indicators.metas.map((m) => m.id));
    if (d.layer) {
      const id = d.layer.id;
      data.userServiceLayers = data.userServiceLayers.filter((l) => l.id !== id);
      void this.#toDb((db) => db.all(`DROP TABLE IF EXISTS ${ident(id)}`));
    }
    if (d.grouping) {
      const id = d.grouping.id;
      data.userGroupings = data.userGroupings.filter((g) => g.id !== id);
      void this.#toDb((db) => db.all(`DROP TABLE IF EXISTS ${ident(membersTable(id))}`));
    }
  }

  /** Resolves when the dataset's tables are in DuckDB. */
  inDb(id: string): Promise<void> {
    return this.#inDb.get(id) ?? Promise.resolve();
  }

  /**
   * Keep the original text of a file for this session: the SQL console (its own DuckDB instance) can read it
   * as read_csv('<name>'). Nothing is registered in the atlas's DuckDB, which reads no files at all.
   */
  registerOriginal(fileName: string, bytes: ArrayBuffer): string {
    const name = `import_${fileName.toLowerCase().replace(/[^a-z0-9.]+/g, '_')}`;
    this.#texts.set(name, new TextDecoder().decode(bytes));
    if (!this.files.includes(name)) this.files = [...this.files, name];
    return name;
  }

  /** The original texts kept by registerOriginal, by name. */
  originals(): { name: string; text: string }[] {
    return this.files.map((name) => ({ name, text: this.#texts.get(name) ?? '' }));
  }

  /** Run against DuckDB once it is up (it starts after the first map; not before). */
  async #toDb(fn: (db: NonNullable<Hub['data']['db']>) => Promise<unknown>): Promise<void> {
    const db = await waitForDb(this.hub.data);
    if (!db) return;
    try {
      await fn(db);
    } catch (e) {
      this.hub.data.fail(`DuckDB: ${(e as Error).message}`);
    }
  }
}

/** DuckDB once it is up: startDb() gives null while another caller is starting it, so wait for that start. */
export async function waitForDb(data: Hub['data']): Promise<NonNullable<Hub['data']['db']> | null> {
  for (;;) {
    const db = data.db ?? (await data.startDb());
    if (db) return db;
    if (data.dbStatus !== 'loading') return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let shared: Datasets | null = null;
/** One instance per page, whichever module asks first (the import tool, the SQL console, the restore at start). */
export function datasets(hub: Hub): Datasets {
  shared ??= new Datasets(hub);
  return shared;
}
