/** The app's state objects, passed to components by context. */
import { getContext, setContext } from 'svelte';
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';
import type { ChoroplethModel } from '../state/choropleth.svelte';
import { dict, type Dict } from '../i18n';

export interface AppContext {
  data: DataStore;
  view: ViewState;
  map: ChoroplethModel;
}

const KEY = Symbol('coefficienti');

export function setApp(ctx: AppContext): void {
  setContext(KEY, ctx);
}

export function getApp(): AppContext & { t: () => Dict } {
  const ctx = getContext<AppContext>(KEY);
  return { ...ctx, t: () => dict(ctx.view.lang) };
}
