// Over 300 lines: the coverage view's state: layers, measures, worker and URL, one rune class.
/**
 * The coverage view's state: the chosen service layer (built-in or imported), type filter, measure and
 * settings; the comune measures computed in a worker; the values at the map level (population-weighted);
 * the point layers and their tooltips. Feeds the map through the ValueProvider interface.
 */
import { toBase64Url, fromBase64Url } from '../state/url';
import { buildIndex, nearestServices, type CoverageMeasure } from '../analytics/coverage/index';
import { rankAmong, type Rank } from '../analytics/rank';
import type { LevelValue } from '../analytics/levels';
import type { IndicatorMeta } from '../analytics/catalogue';
import { formatInt, formatValue } from '../analytics/format';
import type { ValueProvider } from '../state/choropleth.svelte';
import type { DataStore, Status } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';
import type { ServiceRecord } from '../core/userData';
import type { MapActions, ModeModel, PickedInfo } from '../modes/types';
import {
  DEFAULT_SETTINGS,
  MEASURE_DECIMALS,
  MEASURE_POLARITY,
  POINTS_ZOOM,
  clusterByComune,
  comuniWithoutData,
  demandPoints,
  filterByType,
  measuresAtLevel,
  nonEuResidents,
  withNonEu,
  type LevelRow,
  toServicePoints,
  typeCounts,
  type CoverageSettings,
  MEASURES,
  type MeasureKey,
  type PointCluster,
} from './measures';
import { importedLayer, loadBuiltInLayers, type LayerInfo } from './services';
import { CLUSTERS_LAYER, POINTS_LAYER, pointLayers } from './layers';
import { covDict } from './i18n';
import CoverageWorker from './coverage.worker.ts?worker';
import type { CoverageDone, CoverageRequest } from './coverage.worker';
import { WorkerClient } from '../io/worker';
import { hook } from '../io/instrument';
import { groupCoverage, groupNonEu } from '../grouping/coverage';

/** nearest services listed per comune */
export const NEAREST_K = 5;

export class CoverageModel implements ValueProvider, ModeModel {
  /** built-in layers (from services.parquet), loaded when the view first comes on screen */
  builtIn = $state.raw<LayerInfo[]>([]);
  layersStatus = $state<Status>('idle');
  layerId = $state('hospitals');
  /** types shown and counted (null = all) */
  types = $state.raw<string[] | null>(null);
  measure = $state<MeasureKey>('access_e2sfca');
  settings = $state.raw<CoverageSettings>(DEFAULT_SETTINGS);
  /** the comune measures of the last finished computation, and what they were computed for */
  comune = $state.raw<CoverageMeasure[] | null>(null);
  computedKey = $state('');
  status = $state<Status>('idle');
  ms = $state<number | null>(null);

  #worker: WorkerClient<CoverageRequest, CoverageDone> | null = null;
  #stopEffects: () => void;

  constructor(
    private readonly data: DataStore,
    private readonly view: ViewState,
    private readonly mapActions: () => MapActions | null = () => null,
  ) {
    this.#readOpts();
    // talk to the worker whenever the inputs change (debounced: a dragged slider sends one request)
    this.#stopEffects = $effect.root(() => {
      // the settings live in the URL (opt=), so a copied link reopens the same coverage view
      $effect(() => {
        const o = this.linkOpts;
        if (this.view.mode === 'coverage' || this.view.mode === 'priority') this.view.opts = toBase64Url(o);
      });
      $effect(() => {
        const req = this.#request();
        if (!req) return;
        const timer = setTimeout(() => this.#compute(req.key, req.body), 80);
        return () => clearTimeout(timer);
      });
    });
  }

  /** What the link keeps of the view (also in the spatial view's link when it analyses a coverage measure). */
  get linkOpts(): Record<string, unknown> {
    return { layer: this.layerId, measure: this.measure, types: this.types, ...this.settings };
  }

  #readOpts(): void {
    if (!this.view.opts) return;
    try {
      this.applyOpts(fromBase64Url(this.view.opts) as Record<string, unknown>);
    } catch {
      // a damaged link: the defaults
    }
  }

  /** Layer, measure, types and settings from a link's object (fields that are absent or wrong: the defaults). */
  applyOpts(o: Record<string, unknown>): void {
    if (typeof o.layer === 'string') this.layerId = o.layer;
    if (MEASURES.includes(o.measure as MeasureKey)) this.measure = o.measure as MeasureKey;
    if (Array.isArray(o.types) && o.types.every((t) => typeof t === 'string')) this.types = o.types as string[];
    const s = { ...DEFAULT_SETTINGS };
    if (typeof o.d0 === 'number' && o.d0 > 0 && o.d0 <= 500) s.d0 = o.d0;
    if (o.decay === 'gaussian' || o.decay === 'stepped') s.decay = o.decay;
    if (typeof o.useCapacity === 'boolean') s.useCapacity = o.useCapacity;
    if (typeof o.gapKm === 'number' && o.gapKm > 0 && o.gapKm <= 500) s.gapKm = o.gapKm;
    this.settings = s;
  }

  activate(): void {
    void this.data.loadFull();
    void this.loadLayers();
  }

  #layersPromise: Promise<void> | null = null;
  /** load the built-in layers once; every caller waits for the same download */
  loadLayers(): Promise<void> {
    this.#layersPromise ??= (async () => {
      this.layersStatus = 'loading';
      try {
        this.builtIn = await loadBuiltInLayers();
        this.layersStatus = 'ready';
      } catch (e) {
        this.layersStatus = 'failed';
        this.data.fail((e as Error).message);
      }
    })();
    return this.#layersPromise;
  }

  /** built-in layers first, then the imported ones, in the same shape */
  allLayers: LayerInfo[] = $derived.by(() => [...this.builtIn, ...this.data.userServiceLayers.map(importedLayer)]);
  current: LayerInfo | null = $derived.by(
    () => this.allLayers.find((l) => l.layer.id === this.layerId) ?? this.allLayers[0] ?? null,
  );
  typeList = $derived.by(() => (this.current ? typeCounts(this.current.layer.points) : []));
  points: ServiceRecord[] = $derived.by(() =>
    this.current ? filterByType(this.current.layer.points, this.types) : [],
  );
  clusters: PointCluster[] = $derived.by(() => clusterByComune(this.points));
  /** k-d tree over the points on screen (nearest services of the selected comune) */
  index = $derived.by(() => buildIndex(this.points));
  demand = $derived.by(() => (this.data.fullStatus === 'ready' ? demandPoints(this.data.territories) : []));
  hasCapacity: boolean = $derived.by(() => this.points.some((p) => p.capacity !== null));

  chooseLayer(id: string): void {
    this.layerId = id;
    this.types = null;
  }

  set(patch: Partial<CoverageSettings>): void {
    this.settings = { ...this.settings, ...patch };
  }

  /** what the worker must compute for the inputs on screen, and its key */
  #request(): { key: string; body: CoverageRequest } | null {
    const layer = this.current;
    const demand = this.demand;
    if (!layer || !demand.length) return null;
    const s = this.settings;
    const key = `${layer.layer.id}|${this.types?.join(';') ?? '*'}|${s.d0}|${s.decay}|${s.useCapacity}|${s.gapKm}|${this.points.length}`;
    return {
      key,
      body: {
        demand,
        services: toServicePoints(this.points),
        settings: s,
        noData: comuniWithoutData(this.data.territories, layer.layer.regions_with_data),
        k: NEAREST_K,
      },
    };
  }

  #latest = 0;
  async #compute(key: string, body: CoverageRequest): Promise<void> {
    if (key === this.computedKey) return;
    const mine = ++this.#latest;
    this.status = 'loading';
    try {
      this.#worker ??= new WorkerClient<CoverageRequest, CoverageDone>(() => new CoverageWorker(), 'coverage worker');
      const msg = await this.#worker.request(body);
      if (mine !== this.#latest) return;
      this.comune = msg.rows;
      this.computedKey = key;
      this.ms = msg.ms;
      this.status = 'ready';
      hook('coverage', key);
    } catch (e) {
      if (mine !== this.#latest) return;
      this.status = 'failed';
      this.data.fail(`coverage: ${(e as Error).message}`);
    }
  }

  /** the grouping on the map (imported or built-in): the comune measures are aggregated to its groups */
  #grouping = $derived.by(() =>
    this.view.groupShown ? (this.data.userGroupings.find((g) => g.id === this.view.group) ?? null) : null,
  );
  /** the level the measures are made at: a grouping's groups are made of comuni */
  #base = $derived.by(() => (this.#grouping ? 'comune' : this.view.level));
  /** non-EU residents per territory of the level (estimated for comuni and groups) */
  nonEu = $derived.by(() => {
    const n = nonEuResidents(this.data.rowsByIndicator, this.data.territories, this.#base);
    return this.#grouping ? groupNonEu(n, this.#grouping.members) : n;
  });
  /** the comune measures aggregated to the map level or grouping (population-weighted) */
  levelRows: LevelRow[] = $derived.by(() => {
    const c = this.comune;
    if (!c) return [];
    const g = this.#grouping;
    const rows = g
      ? groupCoverage(c, g.members)
      : measuresAtLevel(c, this.view.level, this.data.index.get('comune') ?? new Map());
    return withNonEu(rows, this.nonEu);
  });
  byCode: Map<string, LevelRow> = $derived.by(() => new Map(this.levelRows.map((r) => [r.code, r])));

  /** the k nearest services of a comune (with km), nearest first */
  nearestOf(code: string): { service: ServiceRecord; km: number }[] {
    const t = this.data.index.get('comune')?.get(code);
    if (!t || t.lon === null || t.lat === null || !this.points.length) return [];
    const [n] = nearestServices([{ lon: t.lon, lat: t.lat }], this.points, NEAREST_K, Infinity, this.index);
    return n.idx.map((j, k) => ({ service: this.points[j], km: n.kms[k] }));
  }

  /** true when the selected territory's region has no data for the layer */
  outsideData(code: string): boolean {
    const regions = this.current?.layer.regions_with_data ?? null;
    if (!regions || this.#grouping) return false;
    const t = this.data.index.get(this.view.level)?.get(code);
    const region = this.view.level === 'region' ? code : t?.region_code;
    return !regions.includes(region ?? '');
  }

  // --- ValueProvider ---
  get provider(): ValueProvider {
    return this;
  }
  year: number | null = null;
  faded: Set<string> | null = null;

  meta: IndicatorMeta = $derived.by(() => this.metaFor(this.measure));

  /** The description of a measure with the current layer and settings (also the spatial view's). */
  metaFor(m: MeasureKey): IndicatorMeta {
    const layer = this.current;
    const it = covDict('it');
    const en = covDict('en');
    const label = layer?.layer.label ?? { it: '', en: '' };
    const date = layer?.layer.reference_date ?? '';
    const src = layer?.source ?? { it: '', en: '' };
    const gap =
      m === 'gap_population'
        ? ` (X = ${this.settings.gapKm} km)`
        : m === 'access_2sfca' || m === 'access_e2sfca'
          ? ` (d0 = ${this.settings.d0} km)`
          : '';
    return {
      id: `coverage_${layer?.layer.id ?? ''}_${m}`,
      label: { it: `${it.measures[m]}${gap} — ${label.it}`, en: `${en.measures[m]}${gap} — ${label.en}` },
      description: { it: it.caveat, en: en.caveat },
      unit: { it: it.units[m], en: en.units[m] },
      polarity: MEASURE_POLARITY[m],
      pillar: 'context',
      levels: ['region', 'province', 'comune', 'sll'],
      years: [],
      source: { it: date ? `${src.it}, ${date}` : src.it, en: date ? `${src.en}, ${date}` : src.en },
      licence: layer?.licence ?? '',
      reference_date: date,
      notes:
        m === 'per_10k_noneu'
          ? {
              it: `Residenti non UE = stranieri × quota non UE (ISTAT, 1° gennaio 2023)${this.#base === 'comune' ? '; per i comuni è una STIMA: la quota della provincia applicata alla popolazione del comune' : ''}.`,
              en: `Non-EU residents = foreign residents × non-EU share (ISTAT, 1 January 2023)${this.#base === 'comune' ? '; for comuni it is an ESTIMATE: the province’s share applied to the comune’s population' : ''}.`,
            }
          : (layer?.notes[0] ?? null),
      estimated: m === 'per_10k_noneu' && this.#base === 'comune',
      decimals: MEASURE_DECIMALS[m],
      aggregation: 'none',
    };
  }

  values: LevelValue[] = $derived.by(() => this.valuesFor(this.measure));

  /** A measure's values at the map level or on the grouping's groups (also the spatial view's). */
  valuesFor(key: MeasureKey): LevelValue[] {
    const level = this.#base;
    return this.levelRows.map((r) => {
      const v = r[key];
      return { code: r.code, value: v, sourceLevel: v === null ? null : level, inherited: false };
    });
  }

  ranks: Map<string, Rank> = $derived.by(() =>
    rankAmong(new Map(this.values.map((v) => [v.code, v.value])), MEASURE_POLARITY[this.measure]),
  );

  // --- points on the map ---
  zoomedIn: boolean = $derived.by(() => (this.view.camera?.zoom ?? 0) >= POINTS_ZOOM);
  layers: unknown[] = $derived.by(() =>
    pointLayers(this.points, this.clusters, this.zoomedIn, `${this.layerId}|${this.types?.join(';') ?? '*'}`),
  );

  pick(layerId: string, object: unknown, _index: number, kind: 'hover' | 'click'): PickedInfo | null {
    const c = covDict(this.view.lang);
    const lang = this.view.lang;
    const capLabel = this.current?.layer.capacity_label?.[lang] ?? c.capacityOf;
    if (layerId === POINTS_LAYER) {
      const p = object as ServiceRecord;
      const lines: string[] = [];
      if (p.address) lines.push(`${c.address}: ${p.address}`);
      if (p.type) lines.push(`${c.type}: ${p.type}`);
      if (p.capacity !== null) lines.push(`${capLabel}: ${formatInt(p.capacity, lang)}`);
      lines.push(c.precision[p.precision]);
      if (kind === 'click' && p.comune_code && this.view.level === 'comune') this.view.selected = p.comune_code;
      return { title: p.name, lines };
    }
    if (layerId === CLUSTERS_LAYER) {
      const g = object as PointCluster;
      const name = this.data.index.get('comune')?.get(g.key)?.name ?? g.key;
      const lines = [c.servicesIn(g.count)];
      if (g.capacity !== null)
        lines.push(`${capLabel} (${c.capacitySum}): ${formatValue(g.capacity, { decimals: 0, lang })}`);
      lines.push(c.zoomHint);
      if (kind === 'click') this.mapActions()?.jumpTo({ lon: g.lon, lat: g.lat, zoom: POINTS_ZOOM + 1 });
      return { title: name, lines };
    }
    return null;
  }

  dispose(): void {
    this.#stopEffects();
    this.#latest++;
    this.#worker?.terminate();
    this.#worker = null;
  }
}
