/**
 * The view state (level, indicator, selection, classification, language, camera), kept in the URL.
 * One instance per app, passed by context.
 */
import { decodeView, encodeView, isNavigation, type View, type Level, type ClassMethod, type Camera } from './url';
import type { Lang } from '../i18n';

export class ViewState {
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
  /** bumped when the view came from the URL (back/forward), so the map can move its camera */
  restored = $state(0);

  #last: View | null = null;

  constructor(search: string) {
    this.apply(decodeView(search));
  }

  snapshot(): View {
    return {
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
      table: this.table
    };
  }

  apply(v: View): void {
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
  }

  /** Write the view to the URL: a new history entry for navigation, a replacement for camera moves. */
  sync(): void {
    const v = this.snapshot();
    const url = encodeView(v) + location.hash;
    if (url === location.search + location.hash) {
      this.#last = v;
      return;
    }
    if (this.#last && isNavigation(this.#last, v)) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
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
