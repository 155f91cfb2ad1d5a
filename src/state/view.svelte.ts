/**
 * The view state (level, indicator, selection, classification, language, camera), kept in the URL.
 * One instance per app, passed by context. The fields of modes and tools (`ViewParams`) are the ones they
 * registered (src/state/url.ts `registerUrl`, from src/features.ts): each is a reactive property here too.
 */
import {
  decodeView,
  encodeView,
  isNavigation,
  registeredUrl,
  type View,
  type ViewParams,
  type Level,
  type ClassMethod,
  type Camera,
  type Mode,
  type ToolKey,
} from './url';
import type { Lang } from '../i18n';

const CORE = [
  'mode',
  'level',
  'indicator',
  'year',
  'selected',
  'method',
  'k',
  'scheme',
  'breaks',
  'lang',
  'camera',
  'table',
  'labels',
  'tool',
  'group',
] as const;

// the registered parameters' fields, typed by their owners' `ViewParams` declarations
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ViewState extends ViewParams {}

/** The views that show a grouping (imported or built-in) as the map level. */
export const GROUP_MODES: readonly Mode[] = ['indicator', 'coefficient', 'coverage', 'spatial'];

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ViewState {
  mode = $state<Mode>('indicator');
  level = $state<Level>('region');
  indicator = $state('foreign_per_100');
  year = $state<number | null>(null);
  selected = $state<string | null>(null);
  method = $state<ClassMethod>('quantile');
  k = $state(5);
  scheme = $state('YlGnBu');
  breaks = $state.raw<number[]>([]);
  lang = $state<Lang>('it');
  camera = $state.raw<Camera | null>(null);
  table = $state(false);
  labels = $state(true);
  tool = $state<ToolKey | null>(null);
  group = $state<string | null>(null);
  /** the grouping replaces the level on the map in the views that show groups (GROUP_MODES) */
  get groupShown(): boolean {
    return !!this.group && GROUP_MODES.includes(this.mode);
  }
  /** the registered parameters' values, by field (replaced whole on every change) */
  #params = $state.raw<Record<string, unknown>>({});
  /** bumped when the view came from the URL (back/forward), so the map can move its camera */
  restored = $state(0);

  #last: View | null = null;

  constructor(search: string) {
    for (const { field } of registeredUrl().params)
      Object.defineProperty(this, field, {
        enumerable: true,
        get: () => this.#params[field],
        set: (value: unknown) => (this.#params = { ...this.#params, [field]: value }),
      });
    this.apply(decodeView(search));
  }

  snapshot(): View {
    const v: Record<string, unknown> = { ...this.#params };
    for (const f of CORE) v[f] = this[f];
    return v as unknown as View;
  }

  apply(v: View): void {
    const self = this as unknown as Record<string, unknown>;
    for (const f of CORE) self[f] = v[f];
    const params: Record<string, unknown> = {};
    for (const p of registeredUrl().params) params[p.field] = v[p.field] ?? p.default;
    this.#params = params;
  }

  /** Write the view to the URL: a new history entry for navigation, a (debounced) replacement for
   * camera moves and settings, so that a dragged slider does not flood the history. */
  #timer: ReturnType<typeof setTimeout> | null = null;
  sync(): void {
    const v = this.snapshot();
    const write = () => {
      this.#timer = null;
      const url = encodeView(v) + location.hash;
      if (url !== location.search + location.hash) history.replaceState(null, '', url);
    };
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#last && isNavigation(this.#last, v)) {
      const url = encodeView(v) + location.hash;
      if (url !== location.search + location.hash) history.pushState(null, '', url);
    } else this.#timer = setTimeout(write, 150);
    this.#last = v;
  }

  /** Back/forward: read the URL again. */
  restore(search: string): void {
    const v = decodeView(search);
    this.#last = v;
    this.apply(v);
    this.restored++;
  }
}
