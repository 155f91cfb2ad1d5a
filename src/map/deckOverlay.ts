/**
 * deck.gl for a view's extra layers (the coverage view's points and circles), interleaved in MapLibre's own
 * WebGL context just below the place names. A chunk of its own: MapView imports it only when a view has extras.
 *
 * Two things deck.gl does not do by itself here:
 * - It inserts its layers into MapLibre's order (`beforeId`) only while MapLibre says the style is loaded; the
 *   overlay is made while the regions' GeoJSON is still loading, and then deck.gl draws the layers after the whole
 *   map, over the names. So the overlay is made (and its order set again) once the style is loaded and the names'
 *   layer exists: on MapLibre's next 'idle' when not yet.
 * - After a lost WebGL context, luma.gl keeps its device on the context (the same JavaScript object comes back),
 *   with programs, buffers and a state cache of the lost one: a new overlay drew nothing. When the context is
 *   lost the overlay is finalised and luma.gl's marks are taken off the context; once MapLibre has restored its
 *   own, a new overlay gets a fresh device.
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
/** the parts of luma.gl's device released when the context is lost */
type Device = { destroy(): void; canvasContext?: { destroy(): void } | null };

/**
 * Takes luma.gl's marks off a WebGL context: its device link (`luma`), its state cache (`lumaState`) and the
 * methods it wraps to keep that cache, which it sets on the context object itself over the prototype's. A new
 * device on a context still marked would be the old one (or wrap the wrappers, whose cache then swallows calls).
 */
export function detachLuma(gl: object): void {
  const own = gl as Record<string, unknown>;
  for (const k of Object.getOwnPropertyNames(gl))
    if (k === 'luma' || k === 'lumaState' || typeof own[k] === 'function') delete own[k];
}

export class DeckExtras {
  readonly #map: MapLibreMap;
  readonly #beforeId: string;
  #overlay: MapLibreOverlay | null = null;
  #device: Device | null = null;
  #layers: readonly unknown[] = [];
  #lost = false;
  #waiting = false;

  constructor(map: MapLibreMap, beforeId: string) {
    this.#map = map;
    this.#beforeId = beforeId;
    // capture: before MapLibre's own listener drops its style (the overlay's layer group leaves it cleanly)
    map.getCanvas().addEventListener('webglcontextlost', this.#onLost, { capture: true });
    map.on('webglcontextrestored', this.#onRestored);
  }

  /** The view's extra layers (deck.gl layers), each drawn just below the names' layer. */
  set(layers: readonly unknown[]): void {
    this.#layers = layers;
    this.#sync();
  }

  /** the top object under the pointer, if any */
  pick(x: number, y: number): ReturnType<MapLibreOverlay['pickObject']> | null {
    return this.#overlay && !this.#lost ? this.#overlay.pickObject({ x, y, radius: 4 }) : null;
  }

  drawingBuffer(): DrawingBuffer | undefined {
    return (this.#overlay as unknown as { _deck?: { _canvasContext?: DrawingBuffer } } | null)?._deck?._canvasContext;
  }

  finalize(): void {
    this.#map.getCanvas().removeEventListener('webglcontextlost', this.#onLost, { capture: true });
    this.#map.off('webglcontextrestored', this.#onRestored);
    this.#drop();
  }

  #cloned(): Layers {
    return this.#layers.map((l) => (l as Cloneable).clone({ beforeId: this.#beforeId })) as Layers;
  }

  /** MapLibre can place the layer group now (deck.gl skips it while the style loads) */
  #placeable(): boolean {
    return !!this.#map.isStyleLoaded() && !!this.#map.getLayer(this.#beforeId);
  }

  #sync = (): void => {
    if (this.#lost) return;
    const placeable = this.#placeable();
    if (this.#overlay) this.#overlay.setProps({ layers: this.#cloned() });
    else if (placeable) {
      this.#overlay = new MapLibreOverlay({
        interleaved: true,
        layers: this.#cloned(),
        onDeviceInitialized: (d) => (this.#device = d as unknown as Device),
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

  #drop(): void {
    const overlay = this.#overlay;
    this.#overlay = null;
    overlay?.finalize();
    this.#device?.destroy();
    this.#device?.canvasContext?.destroy();
    this.#device = null;
  }

  #onLost = (): void => {
    this.#lost = true;
    this.#drop();
    const canvas = this.#map.getCanvas();
    detachLuma(canvas.getContext('webgl2') ?? canvas.getContext('webgl') ?? {});
  };

  #onRestored = (): void => {
    this.#lost = false;
    this.#sync();
  };
}
