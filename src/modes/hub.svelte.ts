/** The hub: creates each mode's model once, on demand, and hands it to whoever asks. */
import type { Hub, MapActions, ModeKey, ModeModel, ModeModule } from './types';
import { MODE_LOADERS } from './registry';
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';
import type { ChoroplethModel } from '../state/choropleth.svelte';

export class ModeHub implements Hub {
  /** loaded modules and models, by mode */
  modules = $state.raw<Partial<Record<ModeKey, ModeModule>>>({});
  models = $state.raw<Partial<Record<ModeKey, ModeModel>>>({});
  #pending = new Map<ModeKey, Promise<ModeModel>>();
  #actions: () => MapActions | null;

  constructor(
    public readonly data: DataStore,
    public readonly view: ViewState,
    public readonly map: ChoroplethModel,
    actions: () => MapActions | null,
  ) {
    this.#actions = actions;
  }

  mapActions(): MapActions | null {
    return this.#actions();
  }

  model<T extends ModeModel = ModeModel>(mode: ModeKey): Promise<T> {
    let p = this.#pending.get(mode);
    if (!p) {
      const load = MODE_LOADERS[mode];
      if (!load) return Promise.reject(new Error(`unknown view "${mode}"`));
      p = (async () => {
        const mod = await load();
        const model = await mod.create(this);
        this.modules = { ...this.modules, [mode]: mod };
        this.models = { ...this.models, [mode]: model };
        return model;
      })();
      this.#pending.set(mode, p);
      p.catch((e: Error) => {
        this.#pending.delete(mode);
        this.data.fail(e.message);
      });
    }
    return p as Promise<T>;
  }
}
