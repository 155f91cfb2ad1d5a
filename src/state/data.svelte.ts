// Over 300 lines: the loader and cache of the published data (first picture, full tables, boundaries per level) in one rune class.
/**
 * Loaded data with an explicit status per part (idle / loading / ready / failed), shown by the UI.
 * Order: boundaries and the few columns the map needs first (range requests); the names after the first
 * picture; after the map has painted (or at once when a territory is chosen) the values of every indicator
 * (the panel's table), then the rest of both tables; DuckDB last.
 */
import type { IndicatorMeta, IndicatorRow, Territory, TerritoryIndex } from '../analytics/catalogue';
import { indexTerritories } from '../analytics/catalogue';
import { groupByIndicator } from '../analytics/levels';
import {
  DATA_FILES,
  MAP_INDICATOR_COLUMNS,
  MAP_TERRITORY_COLUMNS,
  toIndicatorRow,
  toNum,
  toTerritory,
  type MapLevel as Level,
} from '../contract';
import { openRemoteParquet, readRemote, rowRangesFor, type RemoteParquet } from '../db/remoteParquet';
import { loadBinaryInWorker, loadBoundaries, type Boundaries } from '../map/geo';
import { earlyFetch } from '../io/early';
import { mark } from '../io/instrument';
import { takeFirstData, takePartReader, type PartReader } from '../io/firstData';
import {
  readIndicatorPart,
  readNames,
  unpackValues,
  withRatios,
  type NamesPart,
  type PackedRatios,
  type PackedValues,
  type ReadPart,
  type TablePart,
} from './tableParts';
import type { BinaryBoundaries } from '../core/geometry/binary';
import { ProfileShards } from './profileShards.svelte';
import type { WasmDb } from '../db/duckdb';
import type { Grouping, ServiceLayer } from '../core/userData';

export type Status = 'idle' | 'loading' | 'ready' | 'failed';

export class DataStore {
  /** catalogue + the territory hierarchy: enough to colour the map */
  status = $state<Status>('idle');
  /** every column of both tables (names, population, numerators…): search, panel, DuckDB */
  fullStatus = $state<Status>('idle');
  /** every territory with its name is in (the search can start): read right after the first picture */
  namesReady = $state(false);
  /** level, code, year and value of every built-in row (no numerators yet): enough for the panel's table */
  valuesStatus = $state<Status>('idle');
  #valueRows = $state.raw<Map<string, IndicatorRow[]> | null>(null);
  catalogue = $state.raw<IndicatorMeta[]>([]);
  territories = $state.raw<Territory[]>([]);
  index = $state.raw<TerritoryIndex>(new Map());
  rowsByIndicator = $state.raw<Map<string, IndicatorRow[]>>(new Map());
  geo = $state.raw<Partial<Record<Level, BinaryBoundaries>>>({});
  /** rings of a level decoded in the worker before its triangles (enough for the 2D first paint) */
  geoRings = $state.raw<Partial<Record<Level, BinaryBoundaries>>>({});
  /** the SVG path of each feature of a level in the first picture's reference projection (geometry worker) */
  geoPaths = $state.raw<Partial<Record<Level, string[]>>>({});
  geojson = $state.raw<Partial<Record<'region' | 'province', Boundaries>>>({});
  geoStatus = $state<Record<Level, Status>>({
    region: 'idle',
    province: 'idle',
    comune: 'idle',
    sll: 'idle',
    nuts2: 'idle',
  });
  dbStatus = $state<Status>('idle');
  dbProgress = $state(0);
  errors = $state<string[]>([]);
  db: WasmDb | null = null;
  /** imported service layers (built-in ones are loaded by the coverage view) */
  userServiceLayers = $state.raw<ServiceLayer[]>([]);
  /** imported territorial groupings */
  userGroupings = $state.raw<Grouping[]>([]);
  /** boundaries of the groupings shown as a map level, by grouping id */
  groupGeo = $state.raw<Map<string, BinaryBoundaries>>(new Map());
  #groupGeoPending = new Map<string, Promise<void>>();
  /** a file dropped on the page while the import tool was closed: the tool opens and reads it */
  droppedFile = $state.raw<File | null>(null);
  /** ids of indicators that came from an import (they are in catalogue and rowsByIndicator too) */
  userIndicatorIds = $state.raw<string[]>([]);
  /** the imports kept in this browser (IndexedDB), re-applied by src/import/datasets.svelte.ts */
  importsStatus = $state<Status>('idle');
  /** bumped when imported rows or tables have reached DuckDB (views that query it refresh) */
  dbRevision = $state(0);

  #geoPromises: Partial<Record<Level, Promise<BinaryBoundaries | null>>> = {};
  #mapStarts: () => void = () => {};
  #mapStarting = new Promise<void>((r) => (this.#mapStarts = r));
  /** MapLibre is starting: finish the boundaries it needs (GeoJSON, triangles) */
  mapStarting(): void {
    this.#mapStarts();
  }
  #files: { territories?: Promise<RemoteParquet>; indicators?: Promise<RemoteParquet> } = {};
  #pending = new Map<string, Promise<void>>();
  #full: Promise<void> | null = null;
  #loadedResolve: () => void = () => {};
  /** phase 1 has ended (ready or failed) */
  #loaded = new Promise<void>((r) => (this.#loadedResolve = r));
  #names: Promise<void> | null = null;
  #values: Promise<IndicatorRow[]> | null = null;
  #parts: PartReader<TablePart, ReadPart> | null | undefined;

  /**
   * The rows the territory panel's table reads (src/analytics/territoryProfile.ts): every row once the full
   * tables are in; before, the values of every built-in indicator (the numerators, which it does not show, are
   * still on their way) with the imported ones; null while neither is in.
   */
  readonly profileRows = $derived.by((): ReadonlyMap<string, readonly IndicatorRow[]> | null => {
    if (this.fullStatus === 'ready') return this.rowsByIndicator;
    if (!this.#valueRows) return null;
    const user = this.userIndicatorIds.flatMap((id) => {
      const rows = this.rowsByIndicator.get(id);
      return rows ? [[id, rows] as const] : [];
    });
    return new Map([...this.#valueRows, ...user]);
  });

  /** the territory panel's tables written ahead by the pipeline, read per file when a territory is chosen */
  readonly profiles: ProfileShards;

  constructor(private readonly base = '') {
    this.profiles = new ProfileShards(base);
  }

  meta(id: string): IndicatorMeta | undefined {
    return this.catalogue.find((m) => m.id === id);
  }

  fail(message: string): void {
    if (!this.errors.includes(message)) this.errors = [...this.errors, message];
  }

  dismiss(i: number): void {
    this.errors = this.errors.filter((_, j) => j !== i);
  }

  loadGeo(level: Level): Promise<BinaryBoundaries | null> {
    this.#geoPromises[level] ??= (async () => {
      this.geoStatus[level] = 'loading';
      try {
        let binary: BinaryBoundaries;
        const rings = (r: BinaryBoundaries) => (this.geoRings = { ...this.geoRings, [level]: r });
        if (level === 'comune')
          binary = await loadBinaryInWorker(
            level,
            this.base,
            rings,
            (paths) => (this.geoPaths = { ...this.geoPaths, [level]: paths }),
          );
        else {
          // GeoJSON and triangles only once MapLibre starts: the first picture needs the rings alone
          const both = await loadBoundaries(level, this.base, rings, this.#mapStarting);
          this.geojson = { ...this.geojson, [level]: both.geojson };
          binary = both.binary;
        }
        this.geo = { ...this.geo, [level]: binary };
        this.geoStatus[level] = 'ready';
        return binary;
      } catch (e) {
        this.geoStatus[level] = 'failed';
        this.fail((e as Error).message);
        return null;
      }
    })();
    return this.#geoPromises[level];
  }

  /** The boundaries of an imported grouping (comuni merged per group, in a worker). */
  loadGroupGeo(id: string): Promise<void> {
    const g = this.userGroupings.find((x) => x.id === id);
    if (!g || this.groupGeo.has(id)) return Promise.resolve();
    let p = this.#groupGeoPending.get(id);
    if (!p) {
      p = import('../map/groupingBoundaries')
        .then((m) => m.groupingBoundaries(g, this.base))
        .then((b) => {
          this.groupGeo = new Map(this.groupGeo).set(id, b);
        })
        .catch((e: Error) => this.fail(`${g.label.it}: ${e.message}`))
        .finally(() => this.#groupGeoPending.delete(id));
      this.#groupGeoPending.set(id, p);
    }
    return p;
  }

  /** A grouping's label; for a built-in one with its source and date ("Aree Interne 2020 … — DPCoe …, 2020"). */
  groupingLabel(id: string | null, lang: 'it' | 'en'): string | null {
    const g = this.userGroupings.find((x) => x.id === id);
    if (!g) return null;
    return g.builtIn ? `${g.label[lang]} — ${g.builtIn.source[lang]}, ${g.builtIn.reference_date}` : g.label[lang];
  }

  /** The name of a territory, or of a group of an imported grouping. */
  nameOf(level: Level, code: string, group: string | null = null): string {
    if (group) return this.userGroupings.find((g) => g.id === group)?.names.get(code) ?? code;
    return this.index.get(level)?.get(code)?.name || code;
  }

  #file(name: 'territories' | 'indicators'): Promise<RemoteParquet> {
    return (this.#files[name] ??= openRemoteParquet(this.base + DATA_FILES[name]));
  }

  /** Phase 1: the catalogue, the territory hierarchy and the rows of the indicator on the map. */
  load(indicator: string): Promise<void> {
    if (this.status === 'idle') void this.#load(indicator).finally(() => this.#loadedResolve());
    return this.#loaded;
  }

  async #load(indicator: string): Promise<void> {
    this.status = 'loading';
    // read at boot in a worker (province and comune views); on any failure, read here
    const early = takeFirstData(indicator);
    const readTerritories = () => this.#file('territories').then((f) => readRemote(f, MAP_TERRITORY_COLUMNS));
    try {
      const [cat, terr] = await Promise.all([
        earlyFetch(this.base + DATA_FILES.catalogue).then(async (r) => {
          if (!r.ok) throw new Error(`${DATA_FILES.catalogue}: could not be downloaded (HTTP ${r.status})`);
          return (await r.json()) as IndicatorMeta[];
        }),
        early
          ? early.then(
              (d) => d.territories,
              () => readTerritories(),
            )
          : readTerritories(),
        early
          ? early.then(
              (d) => this.#setRows(indicator, d.rows),
              () => this.ensureIndicator(indicator),
            )
          : this.ensureIndicator(indicator),
      ]);
      // imported indicators restored meanwhile (a link to one restores them at once) stay in
      this.catalogue = [...cat, ...this.catalogue.filter((m) => this.userIndicatorIds.includes(m.id))];
      if (!this.namesReady) {
        this.territories = terr.map(toTerritory);
        this.index = indexTerritories(this.territories);
      }
      this.status = 'ready';
    } catch (e) {
      this.status = 'failed';
      this.fail((e as Error).message);
    }
  }

  #setRows(id: string, raw: Record<string, unknown>[]): void {
    const rows = raw.filter((r) => r.indicator === id).map(toIndicatorRow);
    if (!this.rowsByIndicator.has(id)) this.rowsByIndicator = new Map(this.rowsByIndicator).set(id, rows);
  }

  /** The rows of one indicator (value columns only), read from its row groups alone. */
  ensureIndicator(id: string): Promise<void> {
    if (this.rowsByIndicator.has(id)) return Promise.resolve();
    let p = this.#pending.get(id);
    if (!p) {
      p = (async () => {
        const f = await this.#file('indicators');
        this.#setRows(id, await readRemote(f, MAP_INDICATOR_COLUMNS, rowRangesFor(f.metadata, 'indicator', id)));
      })();
      this.#pending.set(id, p);
      p.catch((e: Error) => this.fail(e.message)).finally(() => this.#pending.delete(id));
    }
    return p;
  }

  /**
   * Right after the first picture (after phase 1): the names and populations of every territory, merged into
   * the phase-1 hierarchy by level and code (about 150 KB): the search and a chosen territory's title and
   * population do not wait for the other columns. A failure is only reported: the full table brings them too.
   */
  loadNames(): Promise<void> {
    this.#names ??= (async () => {
      // (at once when phase 1 is in: the names are asked for before anything loadFull asks for)
      if (this.status === 'loading' || this.status === 'idle') await this.#loaded;
      mark('data-names-start');
      if (this.status !== 'ready' || this.namesReady) return;
      const raw = ((await this.#readPart('names')) as NamesPart).rows;
      if (this.namesReady) return;
      const named = new Map(raw.map((r) => [`${String(r.level)}:${String(r.code)}`, r]));
      this.territories = this.territories.map((t) => {
        const r = named.get(`${t.level}:${t.code}`);
        return r ? { ...t, name: r.name == null ? '' : String(r.name), population: toNum(r.population) } : t;
      });
      this.index = indexTerritories(this.territories);
      this.namesReady = true;
      mark('data-names');
    })().catch((e: Error) => this.fail(e.message));
    return this.#names;
  }

  /** One part of the tables: in the first-data worker if it is there, else here (also if it fails). */
  async #readPart(part: TablePart): Promise<ReadPart> {
    if (this.#parts === undefined) this.#parts = takePartReader<TablePart, ReadPart>();
    const parts = this.#parts;
    if (parts) {
      try {
        return await parts.read(part);
      } catch {
        // read here instead (a failure here is reported)
        this.#parts = null;
        parts.done();
      }
    }
    return part === 'names'
      ? readNames(await this.#file('territories'))
      : readIndicatorPart(await this.#file('indicators'), part);
  }

  /** The values of every row of the indicators file (the first part of phase 2), in file order. */
  #loadValues(): Promise<IndicatorRow[]> {
    this.#values ??= (async () => {
      this.valuesStatus = 'loading';
      mark('data-values-start');
      try {
        const packed = (await this.#readPart('values')) as PackedValues;
        mark('data-values-arrived');
        const rows = unpackValues(packed);
        this.#valueRows = groupByIndicator(rows);
        this.valuesStatus = 'ready';
        mark('data-values');
        return rows;
      } catch (e) {
        this.valuesStatus = 'failed';
        throw e;
      }
    })();
    return this.#values;
  }

  /**
   * Phase 2 (after the map has painted, or when a territory is chosen): every column of both tables, each byte read
   * once. The rest of the territory table (coordinates for the place names, areas, SLL) first, then the values of
   * every indicator (the panel's table needs no more, `profileRows`), then the numerators and denominators, merged
   * row by row. `chosen`: a territory is chosen — its table's values start at once, without waiting for the rest.
   */
  loadFull(chosen = false): Promise<void> {
    this.#full ??= this.#loadFull(chosen);
    if (chosen) this.#valuesNow();
    return this.#full;
  }

  #valuesNow: () => void = () => {};

  async #loadFull(chosenFirst: boolean): Promise<void> {
    const chosen = new Promise<void>((r) => (this.#valuesNow = r));
    this.fullStatus = 'loading';
    try {
      void this.loadNames();
      const rest = () =>
        this.#file('territories')
          .then((f) => readRemote(f, undefined))
          .then((t) => {
            this.territories = t.map(toTerritory);
            this.index = indexTerritories(this.territories);
            this.namesReady = true;
          });
      // chosen before phase 2 started: the values alone first; chosen meanwhile: the values start at once
      let territories = chosenFirst ? null : rest();
      const settled = () => {};
      if (territories) await Promise.race([territories.then(settled, settled), chosen]);
      const values = await this.#loadValues();
      const [, ratios] = await Promise.all([
        (territories ??= rest()),
        this.#readPart('ratios').finally(() => this.#parts?.done()),
      ]);
      this.rowsByIndicator = groupByIndicator(withRatios(values, ratios as PackedRatios));
      this.fullStatus = 'ready';
      this.#valueRows = null;
      mark('data-full');
    } catch (e) {
      this.fullStatus = 'failed';
      this.fail((e as Error).message);
    }
  }

  /**
   * Add (or replace) imported indicators: they join the catalogue and the rows (given per indicator, as
   * built by the importer). DuckDB gets them from the importer (src/import/datasets.svelte.ts), in slices.
   * Ids must not clash with built-in ones (the importer prefixes them).
   */
  addIndicators(metas: IndicatorMeta[], rowsById: ReadonlyMap<string, IndicatorRow[]>): void {
    const ids = new Set(metas.map((m) => m.id));
    const builtIn = this.catalogue.filter((m) => !this.userIndicatorIds.includes(m.id)).map((m) => m.id);
    const clash = [...ids].filter((id) => builtIn.includes(id));
    if (clash.length) throw new Error(`imported indicator ids clash with built-in ones: ${clash.join(', ')}`);
    this.catalogue = [...this.catalogue.filter((m) => !ids.has(m.id)), ...metas];
    const byInd = new Map(this.rowsByIndicator);
    for (const id of ids) byInd.set(id, rowsById.get(id) ?? []);
    this.rowsByIndicator = byInd;
    this.userIndicatorIds = [...new Set([...this.userIndicatorIds, ...ids])];
  }

  removeIndicators(ids: string[]): void {
    const drop = new Set(ids);
    this.catalogue = this.catalogue.filter((m) => !drop.has(m.id));
    const byInd = new Map(this.rowsByIndicator);
    for (const id of drop) byInd.delete(id);
    this.rowsByIndicator = byInd;
    this.userIndicatorIds = this.userIndicatorIds.filter((id) => !drop.has(id));
    if (this.db) void import('../db/mirror').then((m) => this.db && m.dropIndicators(this.db, ids));
  }

  #dbStart: Promise<WasmDb | null> | null = null;

  /**
   * DuckDB with the tables loaded: the first call starts it in its worker, every call gets the same promise
   * (null when it could not start; the error is in `errors`).
   */
  startDb(): Promise<WasmDb | null> {
    return (this.#dbStart ??= this.#openDb());
  }

  #dbReadyResolve: (db: WasmDb | null) => void = () => {};
  /** Resolves once DuckDB is up, without starting it (null when it could not start). */
  readonly dbReady = new Promise<WasmDb | null>((resolve) => (this.#dbReadyResolve = resolve));

  async #openDb(): Promise<WasmDb | null> {
    this.dbStatus = 'loading';
    try {
      const [{ getDb }, mirror] = await Promise.all([import('../db/duckdb'), import('../db/mirror'), this.loadFull()]);
      if (this.fullStatus !== 'ready') throw new Error('the data tables are not available');
      const db = await getDb((f) => (this.dbProgress = f));
      // built-in rows only: imported ones are inserted by their dataset (src/import/datasets.svelte.ts)
      const user = new Set(this.userIndicatorIds);
      await mirror.mirrorTables(db, {
        territories: this.territories,
        rows: [...this.rowsByIndicator].flatMap(([id, r]) => (user.has(id) ? [] : r)),
        catalogue: this.catalogue,
      });
      this.db = db;
      this.dbStatus = 'ready';
      this.#dbReadyResolve(db);
      return db;
    } catch (e) {
      this.dbStatus = 'failed';
      this.fail(`DuckDB: ${(e as Error).message}`);
      this.#dbReadyResolve(null);
      return null;
    }
  }
}
