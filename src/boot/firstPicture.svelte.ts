/**
 * The first picture's hand-over, in order: the 2D picture (Prepaint) draws the land, then its colours;
 * MapLibre starts once those colours are on screen (or after a second, whatever happened: `deadline`);
 * MapLibre draws the land, then the coloured choropleth layer, which replaces the 2D picture (`handedOver`);
 * after that first coloured map, the rest of the app starts (`afterFirstMap`, once).
 * Whoever waits for the land on screen (the region view decodes its data then) registers with `onBase`.
 */
import { hook, mark } from '../io/instrument';

export type Painted = 'base' | 'layer';

export class FirstPicture {
  /** MapLibre may start */
  mapGo = $state(false);
  /** the coloured choropleth layer is on screen: the 2D picture can go */
  handedOver = $state(false);
  #base = false;
  #baseWaiters: (() => void)[] = [];
  #after = false;

  constructor(private readonly afterFirstMap: () => void) {}

  /** the 2D picture has drawn the land (`base`) or its colours (`layer`) */
  prepainted(what: Painted): void {
    if (what === 'base') this.#baseShown();
    else this.mapGo = true;
  }

  /**
   * MapLibre has drawn the land, or the layer `id` of the view's `level` (`coloured`: with its values;
   * `shownAs`: what the map shows, 'group' for a grouping)
   */
  painted(what: Painted, id: string, coloured: boolean, level: string, shownAs = level): void {
    if (what === 'base') {
      mark('map-base-painted');
      hook('mapBase', '1');
      this.#baseShown();
    } else if (coloured) {
      this.handedOver = true;
      mark(`layer-${level}`);
      hook('layer', id);
      hook('level', shownAs);
      if (!this.#after) {
        this.#after = true;
        this.afterFirstMap();
      }
    }
  }

  /** run `fn` once the land is on screen (at once if it already is) */
  onBase(fn: () => void): void {
    if (this.#base) fn();
    else this.#baseWaiters.push(fn);
  }

  /** MapLibre starts after `ms` whatever happened; returns the cancel */
  deadline(ms = 1000): () => void {
    const t = setTimeout(() => (this.mapGo = true), ms);
    return () => clearTimeout(t);
  }

  #baseShown() {
    if (this.#base) return;
    this.#base = true;
    for (const fn of this.#baseWaiters.splice(0)) fn();
  }
}
