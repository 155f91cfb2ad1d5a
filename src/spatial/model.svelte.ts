/**
 * The spatial clusters view: global Moran's I and LISA of the current indicator at the map level,
 * computed in a worker (seeded), shown as a cluster map (own colours and legend), a Moran scatterplot and
 * a table. Only the level's own values are used: a value inherited from a coarser level is missing.
 * Settings (weights, permutations, α, FDR, islands, seed) live in the URL (opt=).
 */
import { fromBase64Url, toBase64Url } from '../state/url';
import type { LevelValue } from '../analytics/levels';
import { rankAmong, type Rank } from '../analytics/rank';
import type { IndicatorMeta } from '../analytics/catalogue';
import {
  DEFAULT_OPTIONS,
  parseWeightsSpec,
  spatialCSV,
  spatialRows,
  type SpatialResult,
  type SpatialRow,
} from '../analytics/spatial/index';
import { hexToRgba, type ValueProvider } from '../state/choropleth.svelte';
import type { RGBA } from '../map/layers';
import type { Hub, ModeModel } from '../modes/types';
import type { Status } from '../state/data.svelte';
import { GEO_FILES, GEO_PACKED } from '../map/files';
import { CLUSTER_COLOURS, CLUSTER_ORDER } from './palette';
import { spDict } from './i18n';
import { spatialLegend } from './legendState.svelte';
import SpatialLegend from './SpatialLegend.svelte';
import SpatialWorker from './spatial.worker.ts?worker';
import type { SpatialDone, SpatialRequest } from './spatial.worker';
import { WorkerClient } from '../io/worker';
import { hook } from '../io/instrument';

export interface SpatialSettings {
  weights: string;
  permutations: number;
  alpha: number;
  fdr: boolean;
  attachK: number;
  seed: number;
}

export const DEFAULT_SPATIAL: SpatialSettings = {
  weights: 'queen',
  permutations: 999,
  alpha: 0.05,
  fdr: false,
  attachK: 0,
  seed: DEFAULT_OPTIONS.seed,
};
export const PERMUTATION_CHOICES = [99, 199, 499, 999, 9999] as const;
export const ALPHA_CHOICES = [0.1, 0.05, 0.01, 0.001] as const;

const RGBA_BY_CLUSTER = Object.fromEntries(CLUSTER_ORDER.map((c) => [c, hexToRgba(CLUSTER_COLOURS[c])])) as Record<
  number,
  RGBA
>;

/** Settings from the URL's opt= (unknown or damaged fields: the defaults). */
export function readSettings(opts: string | null): SpatialSettings {
  const s = { ...DEFAULT_SPATIAL };
  if (!opts) return s;
  try {
    const o = fromBase64Url(opts) as Record<string, unknown>;
    if (typeof o.sw === 'string' && !('error' in parseWeightsSpec(o.sw))) s.weights = o.sw;
    if (typeof o.sp === 'number' && Number.isInteger(o.sp) && o.sp >= 0 && o.sp <= 99999) s.permutations = o.sp;
    if (typeof o.sa === 'number' && o.sa > 0 && o.sa < 1) s.alpha = o.sa;
    if (o.sf === 1 || o.sf === true) s.fdr = true;
    if (typeof o.si === 'number' && Number.isInteger(o.si) && o.si >= 0 && o.si <= 50) s.attachK = o.si;
    if (typeof o.ss === 'number' && Number.isInteger(o.ss)) s.seed = o.ss;
  } catch {
    // a damaged link: the defaults
  }
  return s;
}

export function writeSettings(s: SpatialSettings): string {
  return toBase64Url({ sw: s.weights, sp: s.permutations, sa: s.alpha, sf: s.fdr ? 1 : 0, si: s.attachK, ss: s.seed });
}

export class SpatialModel implements ModeModel, ValueProvider {
  settings = $state.raw<SpatialSettings>(DEFAULT_SPATIAL);
  showScatter = $state(true);
  status = $state<Status>('idle');
  error = $state<string | null>(null);
  ms = $state<number | null>(null);
  weightsMs = $state<number | null>(null);
  /** the last result and what it was computed for */
  result = $state.raw<{ key: string; codes: string[]; names: string[]; r: SpatialResult } | null>(null);

  #worker: WorkerClient<SpatialRequest, SpatialDone> | null = null;
  #id = 0;
  #stop: () => void;

  constructor(private readonly hub: Hub) {
    this.settings = readSettings(hub.view.opts);
    this.#stop = $effect.root(() => {
      $effect(() => {
        const o = writeSettings(this.settings);
        if (this.hub.view.mode === 'spatial') this.hub.view.opts = o;
      });
      $effect(() => {
        const req = this.#request();
        if (!req || this.hub.view.mode !== 'spatial') return;
        if (this.result?.key === req.key) return;
        const timer = setTimeout(() => this.#run(req.key, req.body), 60);
        return () => clearTimeout(timer);
      });
      $effect(() => {
        const counts: Record<number, number> = {};
        for (const c of CLUSTER_ORDER) counts[c] = 0;
        for (const u of this.current?.r.units ?? []) if (u.cluster !== null) counts[u.cluster]++;
        spatialLegend.counts = counts;
      });
    });
  }

  get provider(): ValueProvider {
    return this;
  }

  activate(): void {}

  indicatorMeta: IndicatorMeta | undefined = $derived.by(() =>
    this.hub.data.catalogue.find((m) => m.id === this.hub.view.indicator),
  );

  /**
   * The level's own values of the indicator (the chosen year if it has some, else the latest year with
   * a value at this level); a value the map would inherit from a coarser level is missing here.
   */
  ownValues: { year: number | null; values: LevelValue[]; missing: number } = $derived.by(() => {
    const level = this.hub.view.level;
    const rows = (this.hub.data.rowsByIndicator.get(this.hub.view.indicator) ?? []).filter(
      (r) => r.level === level && r.value !== null && Number.isFinite(r.value),
    );
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const wanted = this.hub.view.year;
    const year = wanted !== null && years.includes(wanted) ? wanted : (years[years.length - 1] ?? null);
    const byCode = new Map(rows.filter((r) => r.year === year).map((r) => [r.code, r.value as number]));
    const codes = [...(this.hub.data.index.get(level)?.keys() ?? [])];
    const values: LevelValue[] = codes.map((code) => {
      const v = byCode.get(code);
      return v === undefined
        ? { code, value: null, sourceLevel: null, inherited: false }
        : { code, value: v, sourceLevel: level, inherited: false };
    });
    return { year, values, missing: codes.length - byCode.size };
  });

  #request(): { key: string; body: SpatialRequest } | null {
    const level = this.hub.view.level;
    const vals = this.ownValues.values;
    if (!vals.some((v) => v.value !== null)) return null;
    const file = GEO_PACKED[level] ?? GEO_FILES[level];
    const url = new URL(file, document.baseURI).href;
    const s = this.settings;
    const values: [string, number | null][] = vals.map((v) => [v.code, v.value]);
    const key = JSON.stringify([
      level,
      this.hub.view.indicator,
      this.ownValues.year,
      s,
      values.length,
      values.reduce((a, [, x]) => a + (x ?? 0), 0),
    ]);
    return {
      key,
      body: {
        url,
        weights: s.weights,
        values,
        options: { permutations: s.permutations, seed: s.seed, alpha: s.alpha, fdr: s.fdr, attachK: s.attachK },
      },
    };
  }

  async #run(key: string, body: SpatialRequest): Promise<void> {
    this.status = 'loading';
    this.error = null;
    const id = ++this.#id;
    // a worker that dies (out of memory, a script that cannot load) is an error in plain words, not a wait forever
    this.#worker ??= new WorkerClient<SpatialRequest, SpatialDone>(
      () => new SpatialWorker(),
      'the spatial computation stopped',
    );
    try {
      const m = await this.#worker.request(body);
      if (id !== this.#id) return; // a newer request is on its way
      this.result = { key, codes: m.codes, names: m.names, r: m.result };
      this.ms = m.ms;
      this.weightsMs = m.weightsMs;
      this.status = 'ready';
      // for the end-to-end tests: what was computed last
      hook('spatial', `${this.hub.view.level}|${this.hub.view.indicator}|${m.result.global?.I ?? ''}`);
    } catch (e) {
      if (id !== this.#id) return;
      this.error = (e as Error).message;
      this.status = 'failed';
    }
  }

  /** the result, when it belongs to the current level and indicator */
  current = $derived.by(() => {
    const req = this.#request();
    return req && this.result?.key === req.key ? this.result : null;
  });

  rows: SpatialRow[] = $derived.by(() => {
    const c = this.current;
    if (!c) return [];
    // the boundary file's names, as the command line writes them (the same CSV byte for byte)
    return spatialRows(c.codes, c.names, c.r);
  });

  csv(): string {
    return spatialCSV(this.rows);
  }

  // --- ValueProvider: the indicator's own values, coloured by LISA cluster ---
  meta: IndicatorMeta = $derived.by(() => {
    const m = this.indicatorMeta;
    const it = spDict('it');
    const en = spDict('en');
    const base: IndicatorMeta = m ?? {
      id: this.hub.view.indicator,
      label: { it: this.hub.view.indicator, en: this.hub.view.indicator },
      description: { it: '', en: '' },
      unit: { it: '', en: '' },
      polarity: 0,
      pillar: 'context',
      levels: [],
      years: [],
      source: { it: '', en: '' },
      licence: '',
      reference_date: '',
      notes: null,
      estimated: false,
      decimals: 2,
      aggregation: 'none',
    };
    return {
      ...base,
      id: `spatial_${base.id}`,
      label: { it: it.metaLabel(base.label.it), en: en.metaLabel(base.label.en) },
    };
  });
  year: number | null = $derived.by(() => this.ownValues.year);
  values: LevelValue[] = $derived.by(() => this.ownValues.values);
  ranks: Map<string, Rank> = $derived.by(() =>
    rankAmong(new Map(this.ownValues.values.map((v) => [v.code, v.value])), this.indicatorMeta?.polarity ?? 0),
  );
  faded: Set<string> | null = null;
  colours: Map<string, RGBA> = $derived.by(() => {
    const out = new Map<string, RGBA>();
    for (const r of this.rows) if (r.cluster !== null) out.set(r.code, RGBA_BY_CLUSTER[r.cluster]);
    return out;
  });
  legend = SpatialLegend;

  select(code: string): void {
    this.hub.view.selected = code;
  }

  dispose(): void {
    this.#stop();
    this.#id++;
    this.#worker?.terminate();
  }
}
