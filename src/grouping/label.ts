/** What the map's territories are called in a heading: the grouping's label when one is shown, else the level's. */
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';

export function shownLevelLabel(data: DataStore, view: ViewState, levelLabel: string): string {
  return (view.groupShown ? data.groupingLabel(view.group, view.lang) : null) ?? levelLabel;
}

/** The name of the file a view exports: its level, or the grouping's id. */
export function shownLevelId(view: ViewState): string {
  return view.groupShown && view.group ? view.group : view.level;
}
