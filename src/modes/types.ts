/**
 * How the atlas's views plug in: each mode (coefficient, coverage, priority) and each tool (compare,
 * profile, story, import, SQL console) is a lazily loaded module. The App only knows this interface.
 */
import type { Component } from 'svelte';
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';
import type { ChoroplethModel, ValueProvider } from '../state/choropleth.svelte';
import type { ModeKey } from '../state/url';

export interface Hub {
  data: DataStore;
  view: ViewState;
  map: ChoroplethModel;
  /** the model of a mode, created once (loading its module); modes use each other's through this */
  model<T extends ModeModel = ModeModel>(mode: ModeKey): Promise<T>;
  /** the map component's own actions */
  mapActions(): MapActions | null;
}

export interface MapActions {
  fitTo(b: [number, number, number, number], maxZoom?: number): void;
  jumpTo(c: { lon: number; lat: number; zoom: number }): void;
  /** animated (presentations) */
  flyTo(c: { lon: number; lat: number; zoom: number }): void;
  resetView(): void;
  getCanvas(): HTMLCanvasElement | null;
  /** the map drawn at `ratio` device pixels per CSS pixel (print resolution) */
  snapshot(ratio: number): Promise<HTMLCanvasElement | null>;
}

export interface ModeModel {
  /** what the choropleth shows while the mode is on screen (null: the indicator) */
  provider?: ValueProvider | null;
  /** extra deck.gl layers drawn above the choropleth while the mode is on screen */
  layers?: unknown[];
  /** called every time the mode comes on screen */
  activate?(): void;
  /**
   * An object of one of `layers` under the pointer (hover) or clicked: what to show in the tooltip
   * (null: nothing). Picking goes through MapLibre's events and deck.pickObject (see MapView); deck.gl is loaded only for these.
   */
  pick?(layerId: string, object: unknown, index: number, kind: 'hover' | 'click'): PickedInfo | null;
}

export interface PickedInfo {
  title: string;
  lines: string[];
}

export type { ModeKey };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProps = { model: any; hub: Hub };

export interface ModeModule {
  create(hub: Hub): ModeModel | Promise<ModeModel>;
  /** side panel (settings) */
  Panel: Component<AnyProps>;
  /** replaces the data table when the table is shown */
  Table?: Component<AnyProps>;
  /** extra block in the territory panel for the selected territory */
  Detail?: Component<AnyProps>;
  /** drawn over the map area (e.g. a scatter plot) */
  Overlay?: Component<AnyProps>;
}

export type { ToolKey } from '../state/url';

export interface ToolModule {
  /** a full-window or dialog view, closed by setting view.tool = null */
  Tool: Component<{ hub: Hub }>;
}
