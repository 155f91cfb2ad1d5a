/**
 * Loaded data with an explicit status per part (idle / loading / ready / failed), shown by the UI.
 * Boundaries come first (the map paints), then the indicator files, then DuckDB, lazily.
 */
import type { IndicatorMeta, IndicatorRow, Territory, TerritoryIndex } from '../analytics/catalogue';
import { indexTerritories } from '../analytics/catalogue';
import { fetchBytes, readIndicators, readTerritories } from '../db/parquet';
import { loadBoundaries, type Boundaries } from '../map/geo';
import type { Level } from './url';
import type { WasmDb } from '../db/duckdb';
import { MAP_LEVELS } from './url';

export type Status = 'idle' | 'loading' | 'ready' | 'failed';

export class DataStore {
  status = $state<Status>('idle');
  catalogue = $state.raw<IndicatorMeta[]>([]);
  territories = $state.raw<Territory[]>([]);
  index = $state.raw<TerritoryIndex>(new Map());
  rowsByIndicator = $state.raw<Map<string, IndicatorRow[]>>(new Map());
  geo = $state.raw<Partial<Record<Level, Boundaries>>>({});
  geoStatus = $state<Record<Level, Status>>({ region: 'idle', province: 'idle', comune: 'idle' });
  dbStatus = $state<Status>('idle');
  dbProgress = $state(0);
  errors = $state<string[]>([]);
  db: WasmDb | null = null;

  #bytes: { territories?: ArrayBuffer; indicators?: ArrayBuffer } = {};
  #geoPromises: Partial<Record<Level, Promise<Boundaries | null>>> = {};

  constructor(private readonly base = '') {}

  meta(id: string): IndicatorMeta | undefined {
    return this.catalogue.find((m) => m.id === id);
  }

  fail(message: string): void {
    this.errors = [...this.errors, message];
  }

  dismiss(i: number): void {
    this.errors = this.errors.filter((_, j) => j !== i);
  }

  loadGeo(level: Level): Promise<Boundaries | null> {
    this.#geoPromises[level] ??= (async () => {
      this.geoStatus[level] = 'loading';
      try {
        const fc = await loadBoundaries(level, this.base);
        this.geo = { ...this.geo, [level]: fc };
        this.geoStatus[level] = 'ready';
        return fc;
      } catch (e) {
        this.geoStatus[level] = 'failed';
        this.fail((e as Error).message);
        return null;
      }
    })();
    return this.#geoPromises[level];
  }

  async load(): Promise<void> {
    if (this.status !== 'idle') return;
    this.status = 'loading';
    try {
      const [cat, terr, ind] = await Promise.all([
        fetch(this.base + 'data/catalogue.json').then(async (r) => {
          if (!r.ok) throw new Error(`data/catalogue.json: could not be downloaded (HTTP ${r.status})`);
          return (await r.json()) as IndicatorMeta[];
        }),
        fetchBytes(this.base + 'data/territories.parquet'),
        fetchBytes(this.base + 'data/indicators.parquet')
      ]);
      this.#bytes = { territories: terr, indicators: ind };
      const territories = await readTerritories(terr);
      const rows = await readIndicators(ind);
      const byInd = new Map<string, IndicatorRow[]>();
      for (const r of rows) {
        let list = byInd.get(r.indicator);
        if (!list) byInd.set(r.indicator, (list = []));
        list.push(r);
      }
      this.catalogue = cat;
      this.territories = territories;
      this.index = indexTerritories(territories);
      this.rowsByIndicator = byInd;
      this.status = 'ready';
    } catch (e) {
      this.status = 'failed';
      this.fail((e as Error).message);
    }
  }

  /** Start DuckDB in its worker and load the same tables; safe to call many times. */
  async startDb(): Promise<WasmDb | null> {
    if (this.db) return this.db;
    if (this.dbStatus === 'loading' || this.dbStatus === 'failed') return null;
    this.dbStatus = 'loading';
    try {
      const { getDb } = await import('../db/duckdb');
      const db = await getDb((f) => (this.dbProgress = f));
      const rows = [...this.rowsByIndicator.values()].flat();
      await db.insertRows('territories', this.territories, {
        level: 'text', code: 'text', name: 'text', province_code: 'text', region_code: 'text',
        population: 'double', area_km2: 'double', lon: 'double', lat: 'double', has_geometry: 'bool'
      });
      await db.insertRows('indicators', rows, {
        level: 'text', code: 'text', indicator: 'text', year: 'int', value: 'double', numerator: 'double', denominator: 'double'
      });
      await db.insertRows('catalogue', this.catalogue.map((m) => ({ id: m.id, polarity: m.polarity, pillar: m.pillar })), {
        id: 'text', polarity: 'int', pillar: 'text'
      });
      this.db = db;
      this.dbStatus = 'ready';
      return db;
    } catch (e) {
      this.dbStatus = 'failed';
      this.fail(`DuckDB: ${(e as Error).message}`);
      return null;
    }
  }

  preloadOtherLevels(): void {
    for (const l of MAP_LEVELS) void this.loadGeo(l);
  }
}
