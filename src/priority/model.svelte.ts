/**
 * The priority view: employability coefficient (x, from the coefficient model) against coverage (y, the
 * coverage model's chosen measure) per territory at the map level; quadrants cut at the medians or at
 * chosen values; bivariate 3 × 3 colours for the map; a brushed group fades the rest.
 */
import type { LevelValue } from '../analytics/levels';
import type { Rank } from '../analytics/rank';
import type { IndicatorMeta } from '../analytics/catalogue';
import { hexToRgba, type ValueProvider } from '../state/choropleth.svelte';
import type { RGBA } from '../map/layers';
import type { Hub, ModeModel } from '../modes/types';
import type { CoefficientModel } from '../coefficient/model.svelte';
import type { CoverageModel } from '../coverage/model.svelte';
import { COEFFICIENT_META } from '../coefficient/model.svelte';
import { covDict } from '../coverage/i18n';
import { MEASURE_POLARITY } from '../coverage/measures';
import { BIVARIATE_PALETTE, bivariateClass, tercileBreaks } from './bivariate';
import { median, quadrantOf, type Quadrant } from './quadrants';
import { prioDict } from './i18n';
import BivariateLegend from './BivariateLegend.svelte';
import { legendAxes } from './legendState.svelte';

export interface PriorityRow {
  code: string;
  name: string;
  x: number;
  y: number;
  quadrant: Quadrant;
  cls: number;
}

const RGBA_PALETTE = BIVARIATE_PALETTE.map((h) => hexToRgba(h));
const FADED_PALETTE = BIVARIATE_PALETTE.map((h) => hexToRgba(h, 60));

export class PriorityModel implements ModeModel, ValueProvider {
  cutMode = $state<'median' | 'manual'>('median');
  xCutManual = $state<number | null>(null);
  yCutManual = $state<number | null>(null);
  /** codes inside the scatter's brush, or null */
  brushed = $state.raw<Set<string> | null>(null);
  showScatter = $state(true);

  constructor(
    private readonly hub: Hub,
    readonly coef: CoefficientModel,
    readonly coverage: CoverageModel,
  ) {}

  activate(): void {
    this.coef.activate();
    this.coverage.activate();
  }

  get provider(): ValueProvider {
    return this;
  }

  yPolarity: 1 | -1 = $derived.by(() => MEASURE_POLARITY[this.coverage.measure]);

  rows: PriorityRow[] = $derived.by(() => {
    const ys = new Map<string, number | null>();
    for (const v of this.coverage.values) ys.set(v.code, v.value);
    const idx = this.hub.data.index.get(this.hub.view.level);
    const pts: { code: string; x: number; y: number }[] = [];
    for (const v of this.coef.values) {
      const y = ys.get(v.code);
      if (v.value === null || y === null || y === undefined || !Number.isFinite(v.value) || !Number.isFinite(y))
        continue;
      pts.push({ code: v.code, x: v.value, y });
    }
    const pol = this.yPolarity;
    const xb = tercileBreaks(pts.map((p) => p.x));
    const yb = tercileBreaks(pts.map((p) => pol * p.y));
    const xc = this.xCut(pts);
    const yc = this.yCut(pts);
    if (!xb || !yb || xc === null || yc === null) return [];
    return pts.map((p) => ({
      ...p,
      name: idx?.get(p.code)?.name ?? p.code,
      quadrant: quadrantOf(p.x, p.y, xc, yc, pol),
      cls: bivariateClass(p.x, pol * p.y, xb, yb),
    }));
  });

  xMedian: number | null = $derived.by(() => median(this.#pairsX()));
  yMedian: number | null = $derived.by(() => median(this.#pairsY()));

  #pairsX(): number[] {
    const ys = new Set(this.coverage.values.filter((v) => v.value !== null).map((v) => v.code));
    return this.coef.values.filter((v) => v.value !== null && ys.has(v.code)).map((v) => v.value as number);
  }
  #pairsY(): number[] {
    const xs = new Set(this.coef.values.filter((v) => v.value !== null).map((v) => v.code));
    return this.coverage.values.filter((v) => v.value !== null && xs.has(v.code)).map((v) => v.value as number);
  }

  xCut(pts?: { x: number }[]): number | null {
    if (this.cutMode === 'manual' && this.xCutManual !== null) return this.xCutManual;
    return pts ? median(pts.map((p) => p.x)) : this.xMedian;
  }
  yCut(pts?: { y: number }[]): number | null {
    if (this.cutMode === 'manual' && this.yCutManual !== null) return this.yCutManual;
    return pts ? median(pts.map((p) => p.y)) : this.yMedian;
  }

  // --- ValueProvider: the coefficient's values, coloured by the bivariate class ---
  meta: IndicatorMeta = $derived.by(() => {
    const y = this.coverage.meta;
    const it = prioDict('it');
    const en = prioDict('en');
    return {
      ...COEFFICIENT_META,
      id: 'priority',
      label: { it: it.metaLabel(y.label.it), en: en.metaLabel(y.label.en) },
      unit: { it: it.unit, en: en.unit },
      source: {
        it: `${COEFFICIENT_META.source.it}; ${y.source.it}`,
        en: `${COEFFICIENT_META.source.en}; ${y.source.en}`,
      },
      polarity: 0,
    };
  });
  year: number | null = null;
  values: LevelValue[] = $derived.by(() => this.coef.values);
  ranks: Map<string, Rank> = $derived.by(() => this.coef.ranks);
  faded: Set<string> | null = $derived.by(() => {
    const b = this.brushed;
    if (!b) return null;
    return new Set(this.rows.filter((r) => !b.has(r.code)).map((r) => r.code));
  });
  colours: Map<string, RGBA> = $derived.by(() => {
    const out = new Map<string, RGBA>();
    const fade = this.faded;
    for (const r of this.rows) out.set(r.code, fade?.has(r.code) ? FADED_PALETTE[r.cls] : RGBA_PALETTE[r.cls]);
    return out;
  });
  legend = BivariateLegend;

  /** axis words for the legend (read by the legend component, which only gets `lang`) */
  #legendSync = $effect.root(() => {
    $effect(() => {
      const m = this.coverage.measure;
      legendAxes.y = { it: covDict('it').short[m], en: covDict('en').short[m] };
      legendAxes.counts = BIVARIATE_PALETTE.map((_, k) => this.rows.filter((r) => r.cls === k).length);
    });
  });

  select(code: string): void {
    this.hub.view.selected = code;
  }

  dispose(): void {
    this.#legendSync();
  }
}
