/**
 * The map's colour type. The base map (choropleth, "no data" hatch, borders, place names) is drawn without
 * deck.gl, in MapLibre's own context (glChoropleth.ts, glLabels.ts, the selection as a MapLibre line layer);
 * deck.gl is loaded only for a view's extra layers (e.g. src/coverage/layers.ts).
 */
export type RGBA = [number, number, number, number];
