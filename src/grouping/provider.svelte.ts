/**
 * The indicator on the map for an imported grouping (ATS, job-centre catchments…): each group's value
 * aggregated from its comuni by DuckDB (src/db/queries/groupingIndicators.ts: sums, ratio of sums,
 * population-weighted means — never averages of rates; a group gets a value only when all its comuni have one).
 */
import { groupMethod, queryGroups } from './query';
import { rankAmong, type Rank } from '../analytics/rank';
import type { LevelValue } from '../analytics/levels';
import type { IndicatorMeta } from '../analytics/catalogue';
import type { ValueProvider } from '../state/choropleth.svelte';
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';

export class GroupValues implements ValueProvider {
  values = $state.raw<LevelValue[]>([]);
  year = $state<number | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  faded: Set<string> | null = null;
  #request = 0;

  constructor(
    private readonly data: DataStore,
    private readonly view: ViewState,
  ) {}

  meta: IndicatorMeta = $derived.by(() => {
    const m = this.data.meta(this.view.indicator);
    const g = this.data.userGroupings.find((x) => x.id === this.view.group);
    if (!m) return { id: this.view.indicator } as IndicatorMeta;
    const b = g?.builtIn;
    const note = g
      ? {
          it: `Aggregato dai comuni del raggruppamento «${g.label.it}» (${groupMethod(m) === 'sum' ? 'somma' : groupMethod(m) === 'ratio_of_sums' ? 'rapporto delle somme' : 'media pesata per popolazione'}); un gruppo ha un valore solo se tutti i suoi comuni ne hanno uno.${b ? ` Raggruppamento: ${b.source.it}, ${b.reference_date}.` : ''}`,
          en: `Aggregated from the comuni of the grouping “${g.label.en}” (${groupMethod(m) === 'sum' ? 'sum' : groupMethod(m) === 'ratio_of_sums' ? 'ratio of sums' : 'population-weighted mean'}); a group has a value only when all its comuni have one.${b ? ` Grouping: ${b.source.en}, ${b.reference_date}.` : ''}`,
        }
      : m.notes;
    return { ...m, notes: note };
  });

  ranks: Map<string, Rank> = $derived.by(() =>
    rankAmong(new Map(this.values.map((v) => [v.code, v.value])), this.meta.polarity ?? 0),
  );

  /** (Re)compute the groups' values of the indicator on the map. */
  async refresh(): Promise<void> {
    const id = ++this.#request;
    const group = this.view.group;
    const meta = this.data.meta(this.view.indicator);
    if (!group || !meta) return;
    this.status = 'loading';
    try {
      const rows = await queryGroups(this.data, group, [meta], () => id !== this.#request);
      if (!rows) return;
      const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
      const year =
        this.view.year !== null && years.includes(this.view.year) ? this.view.year : (years[years.length - 1] ?? null);
      const byGroup = new Map(rows.filter((r) => r.year === year).map((r) => [r.group, r.value]));
      const names = this.data.userGroupings.find((g) => g.id === group)?.names ?? new Map<string, string>();
      this.year = year;
      this.values = [...names.keys()].sort().map((code) => {
        const v = byGroup.get(code) ?? null;
        return { code, value: v, sourceLevel: v === null ? null : 'comune', inherited: false };
      });
      this.status = 'ready';
    } catch (e) {
      if (id !== this.#request) return;
      this.status = 'failed';
      this.data.fail((e as Error).message);
    }
  }
}
