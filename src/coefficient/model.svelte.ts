// Over 300 lines: the coefficient's state: configuration, results, Monte Carlo and URL, one rune class.
/**
 * The employability coefficient in the browser: configuration (in the URL), matrix, scores after every
 * change, and the Monte Carlo of ranks in a worker. Feeds the map through the ValueProvider interface.
 */
import {
  buildMatrix,
  candidateIndicators,
  defaultConfig,
  distanceForm,
  effectiveWeights,
  prepare,
  presetConfig,
  resultRows,
  scoreWith,
  toCSV,
  validateConfig,
  type CompositeResult,
  type Config,
  type IndexLevel,
  type Matrix,
  type MonteCarloResult,
  type Prepared,
  type PresetId,
  type RefSource,
} from '../analytics/composite';
import type { Level } from '../analytics/levels';
import { coefDict } from './i18n';
import type { Rank } from '../analytics/rank';
import type { LevelValue } from '../analytics/levels';
import { kindsOf, type IndicatorMeta } from '../analytics/catalogue';
import type { DataStore, Status } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';
import { fromBase64Url, toBase64Url } from '../state/url';
import type { ValueProvider } from '../state/choropleth.svelte';
import McWorker from './montecarlo.worker.ts?worker';
import type { ModeModel } from '../modes/types';
import type { McDone, McProgress, McRequest } from './montecarlo.worker';
import { WorkerClient } from '../io/worker';
import { hook } from '../io/instrument';
import { GroupRows } from '../grouping/rows.svelte';

export const COEFFICIENT_META: IndicatorMeta = {
  id: 'coefficient',
  label: { it: 'Coefficiente di occupabilità', en: 'Employability coefficient' },
  description: {
    it: 'Indice composito: quanto il territorio è favorevole all’inserimento lavorativo dei cittadini di Paesi terzi.',
    en: 'Composite index: how favourable the territory is to the labour-market inclusion of third-country nationals.',
  },
  unit: { it: 'punteggio', en: 'score' },
  polarity: 1,
  pillar: 'labour',
  levels: ['region', 'province', 'comune'],
  years: [],
  source: {
    it: 'Calcolo Coefficienti sugli indicatori del catalogo',
    en: 'Coefficienti, computed from the catalogue indicators',
  },
  licence: 'CC BY 4.0',
  reference_date: '',
  notes: null,
  estimated: false,
  decimals: 1,
  aggregation: 'none',
};

/** What of the configuration the normalised matrix depends on (not the weights). */
function prepKey(c: Config): string {
  return JSON.stringify({
    ...c,
    indicators: c.indicators.map((i) => ({ ...i, weight: 0 })),
    pillarWeights: {},
    uncertainty: {},
  });
}

export class CoefficientModel implements ValueProvider, ModeModel {
  /** the configuration the user set (a control, a preset, a file, the URL) */
  #chosen = $state.raw<Config | null>(null);
  /** the catalogue of the untouched default configuration (null once the user has set one) */
  #defaultCatalogue = $state.raw<IndicatorMeta[] | null>(null);
  /**
   * The configuration in force: the user's, or — until the user changes something — the default of
   * the level on screen (each level's default weighs what is measured there, see levelWeights).
   */
  config: Config | null = $derived.by(() =>
    this.#defaultCatalogue ? defaultConfig(this.#defaultCatalogue, this.#level) : this.#chosen,
  );
  configErrors = $state<string[]>([]);
  mc = $state.raw<MonteCarloResult | null>(null);
  mcStatus = $state<Status>('idle');
  mcProgress = $state(0);
  mcMs = $state<number | null>(null);
  /** performance.now() of the last input that changed the weights (for the benchmark) */
  lastInput = 0;

  #prepKey = '';
  #prepared: Prepared | null = null;
  #worker: WorkerClient<McRequest, McDone, McProgress> | null = null;
  #requestId = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** the groups' values when the map shows a grouping (src/grouping/rows.svelte.ts) */
  #groupRows: GroupRows;

  constructor(
    private readonly data: DataStore,
    private readonly view: ViewState,
  ) {
    this.#groupRows = new GroupRows(
      data,
      () => this.#groupId,
      () => (this.#idsKey ? this.#idsKey.split(',') : []),
    );
  }

  /** the grouping on the map (imported or built-in): its groups are ranked, with the comune level's configuration */
  #groupId: string | null = $derived.by(() =>
    this.view.groupShown && this.data.userGroupings.some((g) => g.id === this.view.group) ? this.view.group : null,
  );

  /**
   * The level of the index: the mode is not started on a level of its own (Europe's NUTS2, ActiveViews). On a
   * grouping, the comune level's: the groups are made of comuni and take their place (src/grouping/matrix.ts).
   */
  get #level(): IndexLevel {
    return this.#groupId ? 'comune' : (this.view.level as IndexLevel);
  }

  /** Build the configuration from the URL, or the default one, once the catalogue is in. */
  init(): void {
    if (this.config || !this.data.catalogue.length) return;
    if (this.view.cfg) {
      try {
        this.#chosen = { ...validateConfig(fromBase64Url(this.view.cfg), this.data.catalogue), level: this.#level };
        return;
      } catch (e) {
        this.configErrors = [(e as Error).message];
      }
    }
    this.#defaultCatalogue = [...this.data.catalogue];
  }

  /** This model is its own provider of map values. */
  get provider(): ValueProvider {
    return this;
  }

  /** On screen: read the configuration once the catalogue is in; (re)start the Monte Carlo. */
  activate(): void {
    this.init();
    if (this.matrix) this.scheduleMonteCarlo(200);
  }

  /** Replace the configuration (from a control, a preset or a file) and put it in the URL. */
  set(next: Config): void {
    this.#chosen = next;
    this.#defaultCatalogue = null;
    this.view.cfg = toBase64Url(next);
  }

  applyPreset(id: PresetId): void {
    const c = presetConfig(id, this.data.catalogue, this.#level);
    if (this.config) c.uncertainty = this.config.uncertainty;
    this.set(c);
  }

  load(json: unknown): string[] {
    try {
      this.set({ ...validateConfig(json, this.data.catalogue), level: this.#level });
      this.configErrors = [];
      return [];
    } catch (e) {
      this.configErrors = [(e as Error).message];
      return this.configErrors;
    }
  }

  /** the indicator ids as one string: unchanged by weight moves, so the matrix is not rebuilt */
  #idsKey: string = $derived.by(() => this.config?.indicators.map((i) => i.id).join(',') ?? '');
  #hasConfig: boolean = $derived.by(() => this.config !== null);
  candidates: IndicatorMeta[] = $derived.by(() => candidateIndicators(this.data.catalogue, this.#level));

  matrix: Matrix | null = $derived.by(() => {
    if (this.data.fullStatus !== 'ready' || !this.#hasConfig) return null;
    if (this.#groupId) return this.#groupRows.matrix();
    return buildMatrix(
      this.data.rowsByIndicator,
      this.data.territories,
      this.#level,
      this.#idsKey ? this.#idsKey.split(',') : [],
      { kinds: kindsOf(this.data.catalogue) },
    );
  });

  /** The configuration at the level on screen (the level is the map's). */
  levelConfig: Config | null = $derived.by(() => (this.config ? { ...this.config, level: this.#level } : null));

  prepared: Prepared | null = $derived.by(() => {
    const m = this.matrix;
    const c = this.levelConfig;
    if (!m || !c) return null;
    const key = prepKey(c) + '|' + m.codes.length + '|' + m.level;
    if (key !== this.#prepKey || !this.#prepared || this.#prepared.matrix !== m) {
      this.#prepKey = key;
      this.#prepared = prepare(m, c);
    }
    return this.#prepared;
  });

  weights: Float64Array = $derived.by(() =>
    this.levelConfig ? effectiveWeights(this.levelConfig) : new Float64Array(),
  );

  result: CompositeResult | null = $derived.by(() => (this.prepared ? scoreWith(this.prepared, this.weights) : null));

  /** mean own_level_weight over the scored territories (null before a result) */
  ownLevelMean: number | null = $derived.by(() => {
    const r = this.result;
    if (!r || r.scored === 0) return null;
    let s = 0;
    for (let i = 0; i < r.ownLevelShare.length; i++) if (r.scores[i] === r.scores[i]) s += r.ownLevelShare[i];
    return s / r.scored;
  });

  /** per config indicator: where its "Italy" reference comes from, and the distance_to_ref form */
  references: { id: string; source: RefSource; level: Level | null; form: 'ratio' | 'difference' }[] = $derived.by(
    () => {
      const m = this.matrix;
      const p = this.prepared;
      if (!m || !p) return [];
      return p.config.indicators.map((ind, j) => {
        const mj = p.matrixIndex[j];
        return {
          id: ind.id,
          source: m.refSource[mj],
          level: m.refLevel[mj],
          form: distanceForm(p.values[j], p.ref[j]),
        };
      });
    },
  );

  /** How local the coefficient is (the panel and the legend): the level's note, or the grouping's. */
  ownNote(lang: 'it' | 'en'): string | null {
    const share = this.ownLevelMean;
    if (share === null) return null;
    const c = coefDict(lang);
    const g = this.#groupId ? this.data.userGroupings.find((x) => x.id === this.#groupId) : undefined;
    return g ? c.groupNote(g.label[lang], share) : c.ownLevelNote(this.#level, share);
  }

  /** The legend's note: how local the coefficient is and, when fading, how many are faded and why. */
  #notes = $derived.by(() => {
    const parts = (lang: 'it' | 'en') => {
      const c = coefDict(lang);
      const out: string[] = [];
      const own = this.ownNote(lang);
      if (own !== null) out.push(own);
      if (this.view.fade)
        out.push(
          this.faded && this.mc
            ? c.fadeNote(this.mc.uncertainCount, this.mc.ranked, this.mc.uncertainShare)
            : c.fadeWaiting,
        );
      return out.join(' ');
    };
    const it = parts('it');
    return it ? { it, en: parts('en') } : null;
  });

  // --- ValueProvider: what the map, legend, tooltip and table show ---
  meta: IndicatorMeta = $derived.by(() => ({ ...COEFFICIENT_META, notes: this.#notes }));
  year: number | null = null;
  values: LevelValue[] = $derived.by(() => {
    const m = this.matrix;
    const r = this.result;
    if (!m || !r) return [];
    return m.codes.map((code, i) => {
      const s = r.scores[i];
      return { code, value: s === s ? s : null, sourceLevel: s === s ? this.#level : null, inherited: false };
    });
  });
  ranks: Map<string, Rank> = $derived.by(() => {
    const m = this.matrix;
    const r = this.result;
    const out = new Map<string, Rank>();
    if (!m || !r) return out;
    m.codes.forEach((code, i) => {
      if (r.rank[i] > 0) out.set(code, { rank: r.rank[i], of: r.scored });
    });
    return out;
  });
  faded: Set<string> | null = $derived.by(() => {
    const m = this.matrix;
    const mc = this.mc;
    if (!this.view.fade || !m || !mc || mc.rankP05.length !== m.codes.length) return null;
    const s = new Set<string>();
    m.codes.forEach((c, i) => mc.uncertain[i] && s.add(c));
    return s;
  });

  rows = $derived.by(() =>
    this.matrix && this.result ? resultRows(this.matrix, this.result, this.mcMatches ? this.mc : null) : [],
  );
  /** the Monte Carlo result belongs to the configuration on screen */
  mcMatches = $derived.by(
    () =>
      !!this.mc && !!this.matrix && this.mc.rankP05.length === this.matrix.codes.length && this.mcStatus === 'ready',
  );

  csv(): string {
    return this.result ? toCSV(this.rows, this.result.pillars) : '';
  }

  /** (Re)start the Monte Carlo for the configuration on screen, a moment after the last change. */
  scheduleMonteCarlo(delay = 400): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.runMonteCarlo(), delay);
  }

  runMonteCarlo(): Promise<MonteCarloResult | null> {
    const m = this.matrix;
    const c = this.levelConfig;
    if (!m || !c) return Promise.resolve(null);
    this.#worker ??= new WorkerClient<McRequest, McDone, McProgress>(() => new McWorker(), 'Monte Carlo');
    const id = ++this.#requestId;
    this.mcStatus = 'loading';
    this.mcProgress = 0;
    const onProgress = (p: McProgress) => {
      if (id === this.#requestId) this.mcProgress = p.done / p.total;
    };
    return this.#worker.request({ matrix: m, config: c }, { onProgress }).then(
      ({ result, ms }) => {
        if (id !== this.#requestId || !result) return null;
        this.mc = result;
        this.mcMs = ms;
        this.mcStatus = 'ready';
        hook('mc', `${result.draws}:${Math.round(ms)}`);
        return result;
      },
      (e: Error) => {
        if (id !== this.#requestId) return null;
        this.mcStatus = 'failed';
        this.data.fail(`Monte Carlo: ${e.message}`);
        return null;
      },
    );
  }

  dispose(): void {
    this.#groupRows.dispose();
    this.#requestId++;
    this.#worker?.terminate();
    this.#worker = null;
  }
}
