// Over 300 lines: the registry of imported datasets: storage, restore and the DuckDB tables of each kind.
/**
 * The imported datasets: kept in IndexedDB (the original file bytes and the imported form), applied
 * to the DataStore (indicators, service layers, groupings) and to DuckDB's tables. Nothing leaves the
 * browser.
 */
import type { IndicatorMeta, IndicatorRow } from '../analytics/catalogue';
import { hook } from '../io/instrument';
import { importedRows } from '../state/imported.svelte';
import { CONTACT_COLUMNS, type Grouping, type ServiceLayer } from '../core/userData';
import type { Hub } from '../modes/types';
import { IdbStore } from './idb';
import { ident } from '../db/sql';
import { appendCatalogue, dropIndicators } from '../db/mirror';
import { writeMembersTable } from '../db/queries/groupingMembers';
import { dropDuplicateIds } from './core/ids';
import {
  fromBlobs,
  isBlobbed,
  isPacked,
  nextTask,
  packRows,
  toBlobs,
  type BlobbedRows,
  type PackedRows,
} from './packed';
import { fileOf, fileForDb } from './runImport';
import { importProgress } from './progress.svelte';

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
  /** the original file, as it was picked (a Blob once restored: IndexedDB keeps it on disk, not in memory) */
  bytes: ArrayBuffer | Blob;
  /** the rows as typed columns (core/packed.ts), in memory and in IndexedDB (there as Blobs: StoredRecord) */
  indicators?: { metas: IndicatorMeta[]; packed: PackedRows; blobs?: BlobbedRows };
  layer?: ServiceLayer;
  grouping?: StoredGrouping;
  /** grouping: ids of user indicators averaged with population weights */
  weighted?: string[];
}

export const toStoredGrouping = (g: Grouping): StoredGrouping => ({
  id: g.id,
  label: g.label,
  source: g.source,
  members: [...g.members],
  names: [...g.names],
});
export const fromStoredGrouping = (g: StoredGrouping): Grouping => ({
  id: g.id,
  label: g.label,
  source: g.source,
  members: new Map(g.members),
  names: new Map(g.names),
});

/** What IndexedDB keeps: indicator rows as typed columns (src/import/packed.ts); records written
 * before that kept plain rows and are rewritten in the compact form when restored. */
type StoredRecord = Omit<StoredDataset, 'indicators' | 'bytes'> & {
  bytes?: ArrayBuffer | Blob;
  indicators?: { metas: IndicatorMeta[]; packed?: BlobbedRows | PackedRows; rows?: IndicatorRow[] };
};

const idb = new IdbStore<StoredRecord>('coefficienti-imports', 'datasets');
/** the original files, apart (IndexedDB refuses a single value above ~130 MB; older records kept them inline) */
const files = new IdbStore<{ id: string; bytes: Blob }>('coefficienti-import-files', 'files');

/** The Blobs IndexedDB keeps (made by the worker for a new import; here for a restored or upgraded one). */
function blobsFor(ind: NonNullable<StoredDataset['indicators']>): BlobbedRows {
  ind.blobs ??= toBlobs(ind.packed);
  return ind.blobs;
}

/**
 * The rows into DuckDB's `indicators` without building them on the page: the import worker writes the
 * typed columns as an Arrow stream (integer codes), DuckDB takes it as a table and joins the small
 * dictionaries. No file: the atlas's DuckDB reads none (src/db/sql.ts lockdownSettings).
 */
let tableSeq = 0;
async function insertViaArrow(db: NonNullable<Hub['data']['db']>, datasetId: string, b: BlobbedRows): Promise<void> {
  const rowsTable = `${datasetId}_rows_${++tableSeq}`;
  const dict = (what: string) => `${datasetId}_${what}_dictionary`;
  const dicts: [string, string[]][] = [
    ['level', b.levels],
    ['code', b.codes],
    ['indicator', b.indicators],
  ];
  try {
    await db.insertIPC(rowsTable, await fileForDb(b));
    for (const [what, list] of dicts) {
      await db.all(`DROP TABLE IF EXISTS ${ident(dict(what))}`);
      await db.insertRows(
        dict(what),
        list.map((s, i) => ({ i, s })),
        { i: 'int', s: 'text' },
      );
    }
    const ratio = !!b.blobs.numerator;
    const real = (c: string) => `CASE WHEN isnan(p.${c}) THEN NULL ELSE p.${c} END`;
    await db.all(
      `INSERT INTO indicators (level, code, indicator, year, value, numerator, denominator) ` +
        `SELECT l.s, c.s, d.s, p.year, ${real('value')}, ${ratio ? `${real('numerator')}, ${real('denominator')}` : 'NULL, NULL'} ` +
        `FROM ${ident(rowsTable)} p ` +
        `JOIN ${ident(dict('level'))} l ON l.i = p.level JOIN ${ident(dict('code'))} c ON c.i = p.code JOIN ${ident(dict('indicator'))} d ON d.i = p.indicator`,
    );
  } finally {
    await db.all(`DROP TABLE IF EXISTS ${ident(rowsTable)}`);
    for (const [what] of dicts) await db.all(`DROP TABLE IF EXISTS ${ident(dict(what))}`);
  }
}

function toRecord(d: StoredDataset): StoredRecord {
  const { indicators, bytes: _bytes, ...rest } = d;
  const rec: StoredRecord = $state.snapshot(rest) as Omit<StoredDataset, 'indicators' | 'bytes'>;
  if (indicators)
    rec.indicators = { metas: $state.snapshot(indicators.metas) as IndicatorMeta[], packed: blobsFor(indicators) };
  return rec;
}

async function fromRecord(rec: StoredRecord, file: Blob | undefined): Promise<{ d: StoredDataset; upgraded: boolean }> {
  const { indicators, bytes: inline, ...r } = rec;
  const rest: Omit<StoredDataset, 'indicators'> = { ...r, bytes: file ?? inline ?? new Blob([]) };
  if (!indicators) return { d: rest, upgraded: !!inline };
  const stored = indicators.packed;
  if (isBlobbed(stored) || isPacked(stored)) {
    const packed = isBlobbed(stored) ? await fromBlobs(stored) : stored;
    const blobs = isBlobbed(stored) ? stored : undefined;
    return { d: { ...rest, indicators: { metas: indicators.metas, packed, blobs } }, upgraded: !!inline };
  }
  // plain rows: a record from before ids were made unique may hold one id twice (core/ids.ts dropDuplicateIds)
  const { metas, rows } = dropDuplicateIds(indicators.metas, indicators.rows ?? []);
  return { d: { ...rest, indicators: { metas, packed: packRows(rows) } }, upgraded: true };
}

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
      this.hub.data.importsStatus = 'loading';
      try {
        const [recs, originals] = await Promise.all([idb.all(), files.all()]);
        recs.sort((a, b) => a.importedOn.localeCompare(b.importedOn));
        const bytesOf = new Map(originals.map((f) => [f.id, f.bytes]));
        const all: StoredDataset[] = [];
        for (const rec of recs) {
          const { d, upgraded } = await fromRecord(rec, bytesOf.get(rec.id));
          await this.#apply(d);
          // a record of the old form (plain rows, file inline): kept from now on as typed columns, file apart
          if (upgraded) await this.#put(d).catch(() => null);
          all.push(d);
        }
        this.list = all;
        this.status = 'ready';
        this.hub.data.importsStatus = 'ready';
      } catch (e) {
        this.status = 'failed';
        this.error = (e as Error).message;
        this.hub.data.importsStatus = 'failed';
        this.hub.data.fail((e as Error).message);
      }
      hook('imports', this.status);
    })();
    return this.#restored;
  }

  async add(d: StoredDataset): Promise<void> {
    const old = this.list.find((x) => x.id === d.id);
    if (old) await this.#unapply(old);
    await this.#apply(d);
    importProgress.set('storing', null, null);
    try {
      await this.#put(d);
    } finally {
      importProgress.done();
    }
    this.list = [...this.list.filter((x) => x.id !== d.id), d];
  }

  async #put(d: StoredDataset): Promise<void> {
    // a Blob: written by the browser without a copy through the page's serialisation
    await files.put({
      id: d.id,
      bytes: d.bytes instanceof Blob ? d.bytes : (fileOf.get(d.bytes) ?? new Blob([d.bytes])),
    });
    await idb.put(toRecord(d));
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
    await files.delete(id);
    this.list = this.list.filter((x) => x.id !== id);
  }

  async #apply(d: StoredDataset): Promise<void> {
    const data = this.hub.data;
    const ind = d.indicators;
    if (ind) {
      await data.loadFull();
      const { metas } = ind;
      // the rows stay typed columns (src/state/imported.svelte.ts): plain rows only where something reads them
      data.addIndicators(metas, importedRows.add(ind.packed));
      // DuckDB gets the imported rows from here only (startDb copies the built-in ones), in slices
      void this.#toDb(async (db) => {
        if (!metas.length) return;
        await dropIndicators(
          db,
          metas.map((m) => m.id),
        );
        await insertViaArrow(db, d.id, blobsFor(ind));
        await appendCatalogue(db, metas);
        if (typeof document !== 'undefined') {
          hook('importDb', d.id);
          hook('importDbAt', String(performance.now()));
        }
      });
    }
    if (d.layer) {
      const layer = d.layer;
      data.userServiceLayers = [...data.userServiceLayers.filter((l) => l.id !== layer.id), layer];
      void this.#toDb(async (db) => {
        await db.all(`DROP TABLE IF EXISTS ${ident(layer.id)}`);
        await db.insertRows(layer.id, layer.points, {
          layer: 'text',
          id: 'text',
          name: 'text',
          address: 'text',
          type: 'text',
          capacity: 'double',
          lon: 'double',
          lat: 'double',
          comune_code: 'text',
          precision: 'text',
          ...Object.fromEntries(CONTACT_COLUMNS.map((c) => [c, 'text' as const])),
        });
      });
    }
    if (d.grouping) {
      const g = fromStoredGrouping(d.grouping);
      data.userGroupings = [...data.userGroupings.filter((x) => x.id !== g.id), g];
      this.#inDb.set(
        d.id,
        this.#toDb((db) => writeMembersTable(db, g.id, g.members, g.names)),
      );
    }
  }

  async #unapply(d: StoredDataset): Promise<void> {
    const data = this.hub.data;
    if (d.indicators) {
      const ids = d.indicators.metas.map((m) => m.id);
      data.removeIndicators(ids);
      importedRows.remove(ids);
    }
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
   * as read_csv('<name>'). Nothing is registered in the atlas's DuckDB, which reads no files at all. Decoded in
   * 1 MB slices with a pause between them (one 30 MB decode would hold the page); DuckDB reads UTF-8, so a
   * Latin-1 file is decoded as such.
   */
  async registerOriginal(fileName: string, bytes: ArrayBuffer, encoding: string | null = null): Promise<string> {
    const name = `import_${fileName.toLowerCase().replace(/[^a-z0-9.]+/g, '_')}`;
    const dec = new TextDecoder(encoding === 'latin-1' ? 'windows-1252' : 'utf-8');
    const u8 = new Uint8Array(bytes);
    let text = '';
    for (let s = 0; s < u8.length; s += 1 << 20) {
      text += dec.decode(u8.subarray(s, s + (1 << 20)), { stream: true });
      if (s + (1 << 20) < u8.length) await nextTask();
    }
    text += dec.decode();
    this.#texts.set(name, text);
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
      this.hub.data.dbRevision++;
    } catch (e) {
      this.hub.data.fail(`DuckDB: ${(e as Error).message}`);
    }
  }
}

/** DuckDB once it is up (started if it is not; null when it could not start): the DataStore's one promise. */
export function waitForDb(data: Hub['data']): Promise<NonNullable<Hub['data']['db']> | null> {
  return data.startDb();
}

let shared: Datasets | null = null;
/** One instance per page, whichever module asks first (the import tool, the SQL console, the restore at start). */
export function datasets(hub: Hub): Datasets {
  shared ??= new Datasets(hub);
  return shared;
}
