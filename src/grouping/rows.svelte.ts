/**
 * The groups' values of every indicator of the coefficient's configuration, read from DuckDB whenever the
 * grouping, the indicators or the imported data change (src/grouping/query.ts); `matrix()` then builds the
 * coefficient's matrix over the groups (src/grouping/matrix.ts).
 */
import { kindsOf, type IndicatorMeta } from '../analytics/catalogue';
import type { Matrix } from '../analytics/composite';
import type { GroupValue } from '../db/queries/groupingIndicators';
import type { DataStore, Status } from '../state/data.svelte';
import { groupMatrix } from './matrix';
import { queryGroups } from './query';

export class GroupRows {
  /** the rows of the last finished query, and what they were read for */
  rows = $state.raw<GroupValue[] | null>(null);
  readKey = $state('');
  status = $state<Status>('idle');
  #request = 0;
  #stop: () => void;

  constructor(
    private readonly data: DataStore,
    /** the grouping on the map (null: none) */
    private readonly group: () => string | null,
    /** the indicators of the configuration */
    private readonly ids: () => readonly string[],
  ) {
    this.#stop = $effect.root(() => {
      $effect(() => {
        const key = this.#key();
        if (key && key !== this.readKey) void this.#read(key);
      });
    });
  }

  #key(): string | null {
    const g = this.group();
    if (!g || !this.data.userGroupings.some((x) => x.id === g) || this.data.fullStatus !== 'ready') return null;
    return `${g}|${this.ids().join(',')}|${this.data.dbRevision}`;
  }

  async #read(key: string): Promise<void> {
    const id = ++this.#request;
    const group = key.slice(0, key.indexOf('|'));
    const metas = this.ids()
      .map((i) => this.data.meta(i))
      .filter((m): m is IndicatorMeta => !!m);
    this.status = 'loading';
    try {
      const rows = await queryGroups(this.data, group, metas, () => id !== this.#request);
      if (!rows) return;
      this.rows = rows;
      this.readKey = key;
      this.status = 'ready';
    } catch (e) {
      if (id !== this.#request) return;
      this.status = 'failed';
      this.data.fail((e as Error).message);
    }
  }

  /** The coefficient's matrix over the groups, once the rows of the grouping on the map are in (else null). */
  matrix(): Matrix | null {
    const key = this.#key();
    const g = this.data.userGroupings.find((x) => x.id === this.group());
    if (!key || key !== this.readKey || !this.rows || !g) return null;
    return groupMatrix(
      g,
      this.rows,
      this.data.rowsByIndicator,
      this.data.territories,
      this.ids(),
      kindsOf(this.data.catalogue),
    );
  }

  dispose(): void {
    this.#request++;
    this.#stop();
  }
}
