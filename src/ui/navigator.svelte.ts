/**
 * Moving around the atlas: pick a territory (search, pilots), drill down a level, go up one; the map fits the
 * territory once its level's boundaries are there. Back/forward restore the camera too.
 */
import type { Level } from '../state/url';
import type { ViewState } from '../state/view.svelte';
import type { DataStore } from '../state/data.svelte';
import type { Territory } from '../analytics/catalogue';
import type { MapActions } from '../modes/types';
import type { BinaryBoundaries } from '../core/geometry/binary';
import { boundsOf } from '../core/geometry/binary';
import { childLevel, parentLevel } from '../analytics/catalogue';

export class Navigator {
  #pending = $state<{ level: Level; code: string } | null>(null);

  /** `geoFor`: the boundaries the map shows for a level (a grouping's while it replaces the level) */
  constructor(
    private readonly data: DataStore,
    private readonly view: ViewState,
    private readonly map: () => MapActions | null | undefined,
    private readonly geoFor: (level: Level) => BinaryBoundaries | undefined,
  ) {
    // a requested fit happens once the level's boundaries are there
    $effect(() => {
      const f = this.#pending;
      const fc = f ? this.geoFor(f.level) : undefined;
      const m = this.map();
      if (!f || !fc || !m) return;
      const i = fc.codes.indexOf(f.code);
      const terr = this.data.index.get(f.level)?.get(f.code);
      if (i >= 0) m.fitTo(boundsOf(fc, i), f.level === 'comune' ? 12 : 10);
      else if (terr?.lon != null && terr.lat != null) m.jumpTo({ lon: terr.lon, lat: terr.lat, zoom: 11 });
      this.#pending = null;
    });
    // back/forward restore the camera too
    $effect(() => {
      if (this.view.restored && this.view.camera) this.map()?.jumpTo(this.view.camera);
    });
  }

  focus(level: Level, code: string): void {
    this.view.level = level;
    this.view.selected = code;
    this.#pending = { level, code };
  }

  choose(x: Territory): void {
    if (x.level !== 'italy') this.focus(x.level, x.code);
  }

  drill(code: string): void {
    const view = this.view;
    const child = childLevel(view.level) as Level | null;
    if (!child) return;
    this.#pending = { level: view.level, code };
    view.level = child;
    view.selected = null;
  }

  up(): void {
    const view = this.view;
    const terr = view.selected ? this.data.index.get(view.level)?.get(view.selected) : undefined;
    const parent = parentLevel(view.level);
    if (!parent || parent === 'italy') return;
    const code = terr ? (parent === 'province' ? terr.province_code : terr.region_code) : null;
    if (code) this.focus(parent, code);
    else {
      view.level = parent;
      view.selected = null;
    }
  }
}
