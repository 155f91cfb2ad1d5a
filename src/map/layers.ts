/** deck.gl layers of the map: the choropleth and the selection outline. Data stays stable; colours change via updateTriggers. */
import { GeoJsonLayer } from '@deck.gl/layers';
import { FillStyleExtension } from '@deck.gl/extensions';
import type { Feature, Geometry } from 'geojson';
import type { Boundaries, GeoProps } from './geo';
import { PROVINCE_LINES } from './style';

export type RGBA = [number, number, number, number];

export interface ChoroplethProps {
  id: string;
  data: Boundaries;
  colours: Map<string, RGBA>;
  noData: RGBA;
  colourKey: string;
  opacity: number;
  onAfterColours?: () => void;
}

export function choroplethLayer(p: ChoroplethProps) {
  return new GeoJsonLayer<GeoProps>({
    id: p.id,
    data: p.data,
    // interleaved MapLibreOverlay: draw below the province and region lines
    ...({ beforeId: PROVINCE_LINES } as object),
    filled: true,
    stroked: false,
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 0, 0, 60],
    opacity: p.opacity,
    getFillColor: (f: Feature<Geometry, GeoProps>) => p.colours.get(f.properties.code) ?? p.noData,
    updateTriggers: { getFillColor: p.colourKey }
  });
}

export function selectionLayer(feature: Feature<Geometry, GeoProps> | null) {
  return new GeoJsonLayer<GeoProps>({
    id: 'selection',
    data: feature ? [feature] : [],
    filled: false,
    stroked: true,
    pickable: false,
    getLineColor: [20, 20, 20, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 3
  });
}

const hatch = new FillStyleExtension({ pattern: true });

let atlas: HTMLCanvasElement | null = null;
/** A 16 × 16 mask with one diagonal line that tiles seamlessly (drawn here: nothing is fetched). */
function hatchAtlas(): HTMLCanvasElement {
  if (atlas) return atlas;
  atlas = document.createElement('canvas');
  atlas.width = atlas.height = 16;
  const ctx = atlas.getContext('2d') as CanvasRenderingContext2D;
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  for (const o of [-16, 0, 16]) {
    ctx.beginPath();
    ctx.moveTo(o, 16);
    ctx.lineTo(o + 16, 0);
    ctx.stroke();
  }
  return atlas;
}

/** "No data" territories: grey with diagonal hatching, so a missing value never looks like a value. */
export function noDataLayer(id: string, features: Feature<Geometry, GeoProps>[], fill: RGBA, lines: RGBA) {
  return new GeoJsonLayer<GeoProps>({
    id,
    data: features,
    ...({ beforeId: PROVINCE_LINES } as object),
    filled: true,
    stroked: false,
    pickable: false,
    extensions: [hatch],
    fillPatternAtlas: hatchAtlas(),
    fillPatternMapping: { nodata: { x: 0, y: 0, width: 16, height: 16 } },
    fillPatternMask: true,
    fillPatternSizeUnits: 'pixels',
    getFillPattern: () => 'nodata',
    getFillPatternScale: 0.5,
    getFillColor: lines,
    getFillPatternBackgroundColor: fill
  } as ConstructorParameters<typeof GeoJsonLayer<GeoProps>>[0]);
}
