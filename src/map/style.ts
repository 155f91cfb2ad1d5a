/**
 * A self-contained MapLibre style: no remote tiles, fonts or sprites. The boundaries themselves are the
 * basemap. An optional raster tile URL (set by the user) is the only thing that could be fetched.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const SEA = '#dce8ef';
export const LAND = '#f3f2ee';
/** hatch lines over "no data" territories (the map's WebGL layer and the 2D first paint) */
export const NO_DATA_LINES: [number, number, number, number] = [140, 140, 140, 255];

export function baseStyle(tileUrl: string | null = null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': SEA } }],
  };
  if (tileUrl) {
    style.sources.user_tiles = { type: 'raster', tiles: [tileUrl], tileSize: 256 };
    style.layers.push({ id: 'user-tiles', type: 'raster', source: 'user_tiles', paint: { 'raster-opacity': 0.6 } });
  }
  return style;
}

/** Layer ids, bottom to top; the choropleth (glChoropleth.ts) is inserted before `PROVINCE_LINES`. */
export const LAND_FILL = 'land-fill';
export const PROVINCE_LINES = 'province-lines';
export const REGION_LINES = 'region-lines';
