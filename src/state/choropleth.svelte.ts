/**
 * What the map shows for the current view, derived from the data and the view:
 * values per territory (own or inherited), their classification, colours and ranks.
 */
import { classify, classIndex, type Classification } from '../analytics/classify';
import { schemeColors, NO_DATA, SCHEME_NAMES, type SchemeName } from '../analytics/palettes';
import { latestYear, type LevelValue } from '../analytics/levels';
import type { Rank } from '../analytics/rank';
import { levelTable, type LevelTable } from '../analytics/territoryValue';
import { kindOf, type IndicatorMeta } from '../analytics/catalogue';
import { categorise, type Categories } from '../analytics/categories';
import type { DataStore } from './data.svelte';
import { importedRows, latestYearOf, rowsOfYear, yearsOf } from './imported.svelte';
import type { ViewState } from './view.svelte';
import type { RGBA } from '../map/layers';
import type { Component } from 'svelte';
import type { Lang } from '../i18n';

export function hexToRgba(hex: string, alpha = 255): RGBA {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), alpha];
}

export const NO_DATA_RGBA = hexToRgba(NO_DATA.fill);

/** Another source of values for the map (the coefficient, coverage): same legend, tooltip and table. */
export interface ValueProvider {
  meta: IndicatorMeta;
  year: number | null;
  values: LevelValue[];
  ranks: Map<string, Rank>;
  /** territories to fade (uncertain rank), or null */
  faded: Set<string> | null;
  /** colours decided by the provider itself (e.g. a bivariate map): the classification is skipped */
  colours?: Map<string, RGBA> | null;
  /** a legend of its own, shown instead of the class list (e.g. the bivariate square) */
  legend?: Component<{ lang: Lang }> | null;
}

export class ChoroplethModel {
  /** the provider of the current mode, when it is not 'indicator' */
  provider = $state.raw<ValueProvider | null>(null);
  /** the values of an imported grouping, when the map shows one (indicator view only) */
  groupProvider = $state.raw<ValueProvider | null>(null);
  #active = $derived.by(() =>
    this.view.mode !== 'indicator' ? this.provider : this.view.groupShown ? this.groupProvider : null,
  );
  /** the legend component of the active provider, if it has its own */
  customLegend = $derived.by(() => this.#active?.legend ?? null);

  constructor(
    private readonly data: DataStore,
    private readonly view: ViewState,
  ) {}

  meta: IndicatorMeta | undefined = $derived.by(
    () => this.#active?.meta ?? this.data.catalogue.find((m) => m.id === this.view.indicator),
  );
  /** an imported indicator's typed columns (src/state/imported.svelte.ts): only the shown year's rows are made */
  #columns = $derived.by(() => (void importedRows.revision, importedRows.columnsOf(this.view.indicator)));
  #all = $derived.by(() => (this.#columns ? [] : (this.data.rowsByIndicator.get(this.view.indicator) ?? [])));
  /** years that exist for this indicator */
  years: number[] = $derived.by(() =>
    this.#columns ? yearsOf(this.#columns) : [...new Set(this.#all.map((r) => r.year))].sort((a, b) => a - b),
  );
  year: number | null = $derived.by(() =>
    this.#active
      ? this.#active.year
      : this.view.year !== null && this.years.includes(this.view.year)
        ? this.view.year
        : this.#columns
          ? latestYearOf(this.#columns)
          : latestYear(this.#all),
  );
  /** the rows the colours are made from (for an imported indicator, those of the year shown) */
  rows = $derived.by(() => (this.#columns ? rowsOfYear(this.#columns, this.year) : this.#all));
  /** the indicator's own table at the level (src/analytics/territoryValue.ts, shared with compare and profile) */
  #table: LevelTable | null = $derived.by(() => {
    if (this.#active || this.year === null) return null;
    return levelTable(this.rows, this.data.territories, this.view.level, {
      year: this.year,
      kind: kindOf(this.meta),
      polarity: this.meta?.polarity ?? 0,
      territoryCount: this.data.index.get(this.view.level)?.size ?? 0,
    });
  });
  values: LevelValue[] = $derived.by(() => (this.#active ? this.#active.values : (this.#table?.list ?? [])));
  /** a count or class shown at a level where it was not counted: "not available at this level", never a parent's number */
  notAtLevel: boolean = $derived.by(() => this.#table?.notAtLevel ?? false);
  byCode: Map<string, LevelValue> = $derived.by(() =>
    this.#active
      ? new Map(this.values.map((v) => [v.code, v]))
      : (this.#table?.values ?? new Map<string, LevelValue>()),
  );
  inheritedShare: number = $derived.by(() =>
    this.values.length ? this.values.filter((v) => v.inherited).length / this.values.length : 0,
  );
  /** a class indicator (DEGURBA…): categories with names and colours of their own, instead of classes */
  categories: Categories | null = $derived.by(() => {
    const m = this.meta;
    if (this.#active || !m || kindOf(m) !== 'class' || !m.value_labels?.length) return null;
    return categorise(
      this.values.map((v) => v.value),
      m.value_labels,
    );
  });
  classification: Classification | { error: string } = $derived.by(() => {
    try {
      return classify(
        this.values.map((v) => v.value),
        this.view.method,
        this.view.k,
        this.view.method === 'manual' ? this.view.breaks : undefined,
      );
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  scheme: SchemeName = $derived.by(() =>
    (SCHEME_NAMES as readonly string[]).includes(this.view.scheme) ? (this.view.scheme as SchemeName) : 'YlGnBu',
  );
  palette: string[] = $derived.by(() => {
    const c = this.classification;
    if ('error' in c) return [];
    return schemeColors(this.scheme, c.breaks.length + (c.min === null ? 0 : 1));
  });
  colours: Map<string, RGBA> = $derived.by(() => {
    const out = new Map<string, RGBA>();
    const own = this.#active?.colours;
    if (own) {
      this.#colourVersion++;
      return own;
    }
    const cat = this.categories;
    if (cat) {
      this.#colourVersion++;
      const rgba = cat.colours.map((h) => hexToRgba(h));
      for (const v of this.values) {
        const i = cat.indexOf(v.value);
        if (i !== undefined) out.set(v.code, rgba[i]);
      }
      return out;
    }
    const c = this.classification;
    if ('error' in c) return out;
    const rgba = this.palette.map((h) => hexToRgba(h));
    const faded = this.palette.map((h) => hexToRgba(h, 70));
    const fade = this.#active?.faded ?? null;
    this.#colourVersion++;
    for (const v of this.values) {
      const i = classIndex(v.value, c.breaks);
      if (i !== null && rgba[i]) out.set(v.code, fade?.has(v.code) ? faded[i] : rgba[i]);
    }
    return out;
  });
  #colourVersion = 0;
  /** changes whenever the colours are recomputed (the map recolours when it changes) */
  colourKey: string = $derived.by(() => {
    void this.colours;
    return `${this.view.level}|${this.view.mode}|${this.#colourVersion}`;
  });
  ranks: Map<string, Rank> = $derived.by(() =>
    this.#active ? this.#active.ranks : (this.#table?.ranks ?? new Map<string, Rank>()),
  );
}
