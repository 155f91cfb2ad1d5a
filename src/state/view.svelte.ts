/**
 * The view state (level, indicator, selection, classification, language, camera), kept in the URL.
 * One instance per app, passed by context.
 */
import {
  decodeView,
  encodeView,
  isNavigation,
  type View,
  type Level,
  type ClassMethod,
  type Camera,
  type Mode,
  type ToolKey,
} from './url';
import type { Lang } from '../i18n';

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
  cfg = $state<string | null>(null);
  fade = $state(false);
  labels = $state(true);
  tool = $state<ToolKey | null>(null);
  compare = $state.raw<string[]>([]);
  slide = $state(0);
  group = $state<string | null>(null);
  opts = $state<string | null>(null);
  /** bumped when the view came from the URL (back/forward), so the map can move its camera */
  restored = $state(0);

  #last: View | null = null;

  constructor(search: string) {
    this.apply(decodeView(search));
  }

  snapshot(): View {
    return {
      mode: this.mode,
      level: this.level,
      indicator: this.indicator,
      year: this.year,
      selected: this.selected,
      method: this.method,
      k: this.k,
      scheme: this.scheme,
      breaks: this.breaks,
      lang: this.lang,
      camera: this.camera,
      table: this.table,
      cfg: this.cfg,
      fade: this.fade,
      labels: this.labels,
      tool: this.tool,
      compare: this.compare,
      slide: this.slide,
      group: this.group,
      opts: this.opts,
    };
  }

  apply(v: View): void {
    this.mode = v.mode;
    this.level = v.level;
    this.indicator = v.indicator;
    this.year = v.year;
    this.selected = v.selected;
    this.method = v.method;
    this.k = v.k;
    this.scheme = v.scheme;
    this.breaks = v.breaks;
    this.lang = v.lang;
    this.camera = v.camera;
    this.table = v.table;
    this.cfg = v.cfg;
    this.fade = v.fade;
    this.labels = v.labels;
    this.tool = v.tool;
    this.compare = v.compare;
    this.slide = v.slide;
    this.group = v.group;
    this.opts = v.opts;
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
