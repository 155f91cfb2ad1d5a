/** The hub: creates each mode's model once, on demand, and hands it to whoever asks. */
import type { Hub, MapActions, ModeKey, ModeModel, ModeModule } from './types';
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';
import type { ChoroplethModel } from '../state/choropleth.svelte';

export class ModeHub implements Hub {
  /** loaded modules and models, by mode */
  modules = $state.raw<Partial<Record<ModeKey, ModeModule>>>({});
  models = $state.raw<Partial<Record<ModeKey, ModeModel>>>({});
  #pending = new Map<ModeKey, Promise<ModeModel>>();
  #actions: () => MapActions | null;
  #loaders: Partial<Record<ModeKey, () => Promise<ModeModule>>>;

  /** `loaders`: where each mode's module lives (src/features.ts, the entry floor) */
  constructor(
    public readonly data: DataStore,
    public readonly view: ViewState,
    public readonly map: ChoroplethModel,
    actions: () => MapActions | null,
    loaders: Partial<Record<ModeKey, () => Promise<ModeModule>>>,
  ) {
    this.#actions = actions;
    this.#loaders = loaders;
  }

  mapActions(): MapActions | null {
    return this.#actions();
  }

  model<T extends ModeModel = ModeModel>(mode: ModeKey): Promise<T> {
    let p = this.#pending.get(mode);
    if (!p) {
      const load = this.#loaders[mode];
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
