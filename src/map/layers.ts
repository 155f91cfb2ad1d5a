/** deck.gl layers of the map: the choropleth and the selection outline. Data stays stable; colours change via updateTriggers. */
import { GeoJsonLayer } from '@deck.gl/layers';
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
