/**
 * The choropleth layer's id: built for the map (App) and read back by MapView (which outlines to draw) and by
 * the tests and bench (`document.body.dataset.layer`). One owner, so the two sides cannot drift.
 */
import type { GeoLevel } from './files';

/** what the choropleth shows: an ISTAT level or an imported grouping */
export type LayerLevel = GeoLevel | 'group';

const PREFIX = 'choropleth-';
const GROUP = 'choropleth-group-';

/** `choropleth-<level>`, or `choropleth-group-<id>` when an imported grouping replaces the level */
export function choroplethLayerId(level: GeoLevel, group: string | null): string {
  return group ? GROUP + group : PREFIX + level;
}

/** The level a choropleth layer id draws ('group' for a grouping). */
export function layerLevel(id: string): LayerLevel {
  return id.startsWith(GROUP) ? 'group' : (id.slice(PREFIX.length) as GeoLevel);
}
