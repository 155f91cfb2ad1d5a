/** What the map's territories are called in a heading: the grouping's label when one is shown, else the level's. */
import type { DataStore } from '../state/data.svelte';
import type { ViewState } from '../state/view.svelte';

export function shownLevelLabel(data: DataStore, view: ViewState, levelLabel: string): string {
  if (!view.groupShown) return levelLabel;
  const g = data.userGroupings.find((x) => x.id === view.group);
  if (!g) return levelLabel;
  const src = g.builtIn ? ` — ${g.builtIn.source[view.lang]}, ${g.builtIn.reference_date}` : '';
  return g.label[view.lang] + src;
}

/** The name of the file a view exports: its level, or the grouping's id. */
export function shownLevelId(view: ViewState): string {
  return view.groupShown && view.group ? view.group : view.level;
}
