// Over 300 lines: the spatial view's state: settings in the URL, the analysed variable, worker, map values; one rune class.
/**
 * The spatial clusters view: global Moran's I and LISA of a variable at the map level (an indicator, the
 * coefficient of the current configuration or a coverage measure, see variable.ts; or an imported grouping),
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
import { untrack } from 'svelte';
import type { Grouping } from '../core/userData';
import type { CoefficientModel } from '../coefficient/model.svelte';
import type { CoverageModel } from '../coverage/model.svelte';
import { COEFFICIENT_META } from '../coefficient/model.svelte';
import { coefDict } from '../coefficient/i18n';
import {
  coverageOnGroups,
  formatVariable,
  parseVariable,
  valuesOn,
  variableOffered,
  type SpatialVariable,
} from './variable';

export interface SpatialSettings {
  weights: string;
  permutations: number;
  alpha: number;
  fdr: boolean;
  attachK: number;
  seed: number;
  /** what is analysed: `indicator` (the map's), `coefficient` or `coverage:<measure>` (variable.ts) */
  variable: string;
}

export const DEFAULT_SPATIAL: SpatialSettings = {
  weights: 'queen',
  permutations: 999,
  alpha: 0.05,
  fdr: false,
  attachK: 0,
  seed: DEFAULT_OPTIONS.seed,
  variable: 'indicator',
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
    if (parseVariable(o.sv)) s.variable = o.sv as string;
  } catch {
    // a damaged link: the defaults
  }
  return s;
}

/**
 * `coverage`: for a coverage measure, the coverage view's layer and settings (its own link's fields), so that
 * the link reopens the same measure.
 */
export function writeSettings(s: SpatialSettings, coverage: Record<string, unknown> | null = null): string {
  const o = { sw: s.weights, sp: s.permutations, sa: s.alpha, sf: s.fdr ? 1 : 0, si: s.attachK, ss: s.seed };
  // the map's indicator is the default: older links stay as they were
  if (s.variable === 'indicator') return toBase64Url(o);
  return toBase64Url(coverage ? { ...o, sv: s.variable, sc: coverage } : { ...o, sv: s.variable });
}

/** The coverage view's fields kept in a spatial link (`sc`), or null. */
export function readCoverageLink(opts: string | null): Record<string, unknown> | null {
  if (!opts) return null;
  try {
    const sc = (fromBase64Url(opts) as Record<string, unknown>).sc;
    return sc && typeof sc === 'object' && !Array.isArray(sc) ? (sc as Record<string, unknown>) : null;
  } catch {
    return null;
  }
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

  /** the coefficient and coverage models (the hub's), loaded when the variable asks for one */
  coef = $state.raw<CoefficientModel | null>(null);
  coverage = $state.raw<CoverageModel | null>(null);

  /** the coverage layer and settings of the link, applied to the coverage model once it is loaded */
  #coverageLink: Record<string, unknown> | null;

  #worker: WorkerClient<SpatialRequest, SpatialDone> | null = null;
  #id = 0;
  #stop: () => void;

  constructor(private readonly hub: Hub) {
    this.settings = readSettings(hub.view.opts);
    this.#coverageLink = readCoverageLink(hub.view.opts);
    this.#stop = $effect.root(() => {
      $effect(() => {
        const cov = this.variable.kind === 'coverage' ? (this.coverage?.linkOpts ?? this.#coverageLink) : null;
        const o = writeSettings(this.settings, cov);
        if (this.hub.view.mode === 'spatial') this.hub.view.opts = o;
      });
      $effect(() => {
        if (this.hub.view.mode !== 'spatial') return;
        const req = this.#request();
        if (!req) return;
        if (this.result?.key === req.key) return;
        const timer = setTimeout(() => this.#run(req.key, req.body), 60);
        return () => clearTimeout(timer);
      });
      $effect(() => {
        const v = this.variable;
        if (this.hub.view.mode !== 'spatial') return;
        if (v.kind === 'coefficient' && !this.coef)
          void this.hub.model<CoefficientModel>('coefficient').then((m) => (this.coef = m));
        if (v.kind === 'coverage' && !this.coverage)
          void this.hub.model<CoverageModel>('coverage').then((m) => {
            if (this.#coverageLink) m.applyOpts(this.#coverageLink);
            this.#coverageLink = null;
            m.activate();
            this.coverage = m;
          });
      });
      // the coefficient's configuration: the link's (cfg=) or the level's default, once the catalogue is in
      $effect(() => {
        const c = this.coef;
        if (c && this.hub.data.catalogue.length) untrack(() => c.init());
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

  /** the imported grouping on the map (its groups are then the units) */
  grouping: Grouping | null = $derived.by(
    () => this.hub.data.userGroupings.find((g) => g.id === this.hub.view.group) ?? null,
  );
  variable: SpatialVariable = $derived.by(() => parseVariable(this.settings.variable) ?? { kind: 'indicator' });
  /** false: the variable is not computed at this level (the panel says so) */
  offered: boolean = $derived.by(() => variableOffered(this.variable, this.hub.view.level, !!this.grouping));
  /** the variable's id in the result's key and the test hook: the indicator's id, `coefficient`, `coverage:…` */
  variableId: string = $derived.by(() =>
    this.variable.kind === 'indicator' ? this.hub.view.indicator : formatVariable(this.variable),
  );

  /** true while the variable's engine (coefficient, coverage, the grouping's values) has not answered yet */
  pending: boolean = $derived.by(() => {
    const v = this.variable;
    if (this.grouping && v.kind === 'indicator')
      return (this.hub.map.groupProvider as { status?: string } | null)?.status !== 'ready';
    if (!this.offered || v.kind === 'indicator') return this.hub.data.status !== 'ready';
    if (v.kind === 'coefficient') return !this.coef?.result;
    return !this.coverage?.comune;
  });

  /** The values analysed: the variable's, on the level's territories or the grouping's groups. */
  ownValues: { year: number | null; values: LevelValue[]; missing: number } = $derived.by(() => {
    const v = this.variable;
    const g = this.grouping;
    const level = this.hub.view.level;
    if (g) {
      // an indicator: the map's grouping provider (aggregated from the comuni by DuckDB); a coverage measure:
      // the coverage model's comune measures aggregated to the groups
      const p = this.hub.map.groupProvider;
      const comune = this.coverage?.comune;
      const provided =
        v.kind === 'indicator'
          ? (p?.values ?? [])
          : v.kind === 'coefficient' && this.offered
            ? (this.coef?.values ?? [])
            : v.kind === 'coverage' && this.offered && comune
              ? coverageOnGroups(comune, g.members, v.measure as Exclude<typeof v.measure, 'per_10k_noneu'>)
              : [];
      const values = valuesOn([...g.names.keys()].sort(), provided, 'comune');
      const year = v.kind === 'indicator' ? (p?.year ?? null) : null;
      return { year, values, missing: values.filter((x) => x.value === null).length };
    }
    if (v.kind === 'indicator') return this.#indicatorValues;
    const codes = [...(this.hub.data.index.get(level)?.keys() ?? [])];
    const provided = !this.offered
      ? []
      : v.kind === 'coefficient'
        ? (this.coef?.values ?? [])
        : (this.coverage?.valuesFor(v.measure) ?? []);
    const values = valuesOn(codes, provided, level);
    return { year: null, values, missing: values.filter((x) => x.value === null).length };
  });

  /**
   * The level's own values of the indicator (the chosen year if it has some, else the latest year with
   * a value at this level); a value the map would inherit from a coarser level is missing here.
   */
  #indicatorValues: { year: number | null; values: LevelValue[]; missing: number } = $derived.by(() => {
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
    const g = this.grouping;
    const level = g ? 'comune' : this.hub.view.level;
    const vals = this.ownValues.values;
    if (!vals.some((v) => v.value !== null)) return null;
    const file = GEO_PACKED[level] ?? GEO_FILES[level];
    const url = new URL(file, document.baseURI).href;
    const s = this.settings;
    const values: [string, number | null][] = vals.map((v) => [v.code, v.value]);
    const key = JSON.stringify([
      g?.id ?? level,
      this.variableId,
      this.ownValues.year,
      s,
      values.length,
      // a checksum of the values: a new configuration or coverage setting is a new analysis
      values.reduce((a, [, x], i) => a + (x ?? 0) * (1 + (i % 97)), 0),
    ]);
    const groups = g
      ? {
          id: g.id,
          members: [...g.members],
          codes: vals.map((v) => v.code),
          names: vals.map((v) => g.names.get(v.code) ?? v.code),
        }
      : undefined;
    return {
      key,
      body: {
        url,
        weights: s.weights,
        values,
        options: { permutations: s.permutations, seed: s.seed, alpha: s.alpha, fdr: s.fdr, attachK: s.attachK },
        groups,
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
      hook('spatial', `${this.grouping?.id ?? this.hub.view.level}|${this.variableId}|${m.result.global?.I ?? ''}`);
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

  /** The coefficient's source: which configuration (the link's or the level's default). */
  #coefSource(lang: 'it' | 'en'): string {
    const c = this.coef?.config;
    const cd = coefDict(lang);
    const base = COEFFICIENT_META.source[lang];
    if (!c) return base;
    const n = c.indicators.filter((i) => i.enabled).length;
    return spDict(lang).coefSource(
      base,
      cd.normalisations[c.normalisation],
      cd.aggregations[c.aggregation],
      n,
      this.hub.view.cfg !== null,
    );
  }

  /** What the analysed variable is, with its source and date (the panel's line, the legend, the table). */
  variableMeta: IndicatorMeta | undefined = $derived.by(() => {
    const v = this.variable;
    if (v.kind === 'coefficient')
      return { ...COEFFICIENT_META, source: { it: this.#coefSource('it'), en: this.#coefSource('en') } };
    if (v.kind === 'coverage') return this.coverage?.metaFor(v.measure);
    return this.indicatorMeta;
  });

  // --- ValueProvider: the variable's own values, coloured by LISA cluster ---
  meta: IndicatorMeta = $derived.by(() => {
    const m = this.variableMeta;
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
    rankAmong(new Map(this.ownValues.values.map((v) => [v.code, v.value])), this.variableMeta?.polarity ?? 0),
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
