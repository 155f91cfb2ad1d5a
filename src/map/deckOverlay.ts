/**
 * deck.gl for a view's extra layers (the coverage view's points and circles), interleaved in MapLibre's own
 * WebGL context just below the place names. A chunk of its own: MapView imports it only when a view has extras.
 *
 * deck.gl inserts its layers into MapLibre's order (`beforeId`) only while MapLibre says the style is loaded; the
 * overlay was made while the regions' GeoJSON was still loading, and then deck.gl drew the layers after the whole
 * map, over the names. So the overlay is made (and its order set again) once the style is loaded and the names'
 * layer exists: on MapLibre's next 'idle' when not yet.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

type Layers = NonNullable<ConstructorParameters<typeof MapLibreOverlay>[0]>['layers'];
type Cloneable = { clone(props: object): unknown };
/** deck.gl's idea of the drawing buffer's size (snapshot() at print resolution tells it the new size) */
export type DrawingBuffer = {
  setDrawingBufferSize?(w: number, h: number): void;
  getDrawingBufferSize?(): [number, number];
};

export class DeckExtras {
  readonly #map: MapLibreMap;
  readonly #beforeId: string;
  #overlay: MapLibreOverlay | null = null;
  #layers: readonly unknown[] = [];
  #waiting = false;

  constructor(map: MapLibreMap, beforeId: string) {
    this.#map = map;
    this.#beforeId = beforeId;
  }

  /** The view's extra layers (deck.gl layers), each drawn just below the names' layer. */
  set(layers: readonly unknown[]): void {
    this.#layers = layers;
    this.#sync();
  }

  /** the top object under the pointer, if any */
  pick(x: number, y: number): ReturnType<MapLibreOverlay['pickObject']> | null {
    return this.#overlay ? this.#overlay.pickObject({ x, y, radius: 4 }) : null;
  }

  drawingBuffer(): DrawingBuffer | undefined {
    return (this.#overlay as unknown as { _deck?: { _canvasContext?: DrawingBuffer } } | null)?._deck?._canvasContext;
  }

  finalize(): void {
    this.#overlay?.finalize();
    this.#overlay = null;
  }

  #cloned(): Layers {
    return this.#layers.map((l) => (l as Cloneable).clone({ beforeId: this.#beforeId })) as Layers;
  }

  /** MapLibre can place the layer group now (deck.gl skips it while the style loads) */
  #placeable(): boolean {
    return !!this.#map.isStyleLoaded() && !!this.#map.getLayer(this.#beforeId);
  }

  #sync = (): void => {
    const placeable = this.#placeable();
    if (this.#overlay) this.#overlay.setProps({ layers: this.#cloned() });
    else if (placeable) {
      this.#overlay = new MapLibreOverlay({
        interleaved: true,
        layers: this.#cloned(),
      });
      this.#map.addControl(this.#overlay);
    }
    if (!placeable && !this.#waiting) {
      this.#waiting = true;
      this.#map.once('idle', () => {
        this.#waiting = false;
        this.#sync();
      });
    }
    this.#map.triggerRepaint();
  };
}
