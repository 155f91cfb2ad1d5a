/**
 * The plug-in glue of the app: the mode on screen (its module, its model, what it gives the choropleth),
 * the open tool, and the tooltip of a mode's own map layers. The lists of modes and tools come from the
 * entry floor (src/features.ts).
 */
import { ModeHub } from './hub.svelte';
import type { MapActions, ModeKey, ModeModel, ModeModule, PickedInfo, ToolKey, ToolModule } from './types';
import type { Mode } from '../state/url';
import { OWN_LEVELS } from '../contract';
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';
import type { ChoroplethModel } from '../state/choropleth.svelte';

export interface Loaders {
  modes: Record<ModeKey, () => Promise<ModeModule>>;
  tools: Record<ToolKey, () => Promise<ToolModule>>;
}

export class ActiveViews {
  readonly hub: ModeHub;
  /** the mode tabs, in order ('indicator' first) */
  readonly modeTabs: Mode[];
  readonly toolKeys: ToolKey[];
  /** the open tool's module, once loaded */
  tool = $state.raw<ToolModule | null>(null);
  /** what a mode's own layer says about the object under the pointer */
  extraTip = $state<(PickedInfo & { x: number; y: number }) | null>(null);

  constructor(
    data: DataStore,
    private readonly view: ViewState,
    map: ChoroplethModel,
    actions: () => MapActions | null,
    loaders: Loaders,
  ) {
    this.hub = new ModeHub(data, view, map, actions, loaders.modes);
    this.modeTabs = ['indicator', ...(Object.keys(loaders.modes) as ModeKey[])];
    this.toolKeys = Object.keys(loaders.tools) as ToolKey[];
    $effect(() => {
      if (view.mode !== 'indicator' && !this.ownLevel) void this.hub.model(view.mode);
    });
    $effect(() => {
      map.provider = this.model?.provider ?? null;
    });
    $effect(() => {
      if (this.model && data.status === 'ready') this.model.activate?.();
    });
    $effect(() => {
      const key = view.tool;
      this.tool = null;
      if (key && loaders.tools[key]) void loaders.tools[key]().then((m) => view.tool === key && (this.tool = m));
    });
  }

  /**
   * A level with a geography of its own (Europe's NUTS2 regions): the modes (coefficient, coverage, priority)
   * need Italy's hierarchy and its comuni, so none is started there and the panel says so. The spatial view
   * needs only the level's boundaries and values: it runs there (on the level's indicators).
   */
  get ownLevel(): boolean {
    return OWN_LEVELS.includes(this.view.level) && this.view.mode !== 'spatial';
  }
  /** the module and the model of the mode on screen (undefined for the indicator, on an own level, or while loading) */
  get module(): ModeModule | undefined {
    return this.view.mode !== 'indicator' && !this.ownLevel ? this.hub.modules[this.view.mode] : undefined;
  }
  get model(): ModeModel | undefined {
    return this.view.mode !== 'indicator' && !this.ownLevel ? this.hub.models[this.view.mode] : undefined;
  }

  /** An object of one of the mode's layers under the pointer or clicked: true if the mode shows something. */
  pick(layerId: string | null, object: unknown, index: number, kind: 'hover' | 'click', x: number, y: number) {
    const info = layerId && this.model?.pick ? this.model.pick(layerId, object, index, kind) : null;
    this.extraTip = info ? { ...info, x, y } : null;
    return !!info;
  }
}
