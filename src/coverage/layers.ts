/**
 * deck.gl point layers of the coverage view: one circle per comune (area ∝ number of services) when the map
 * is zoomed out, each service when zoomed in. Both layers always exist (stable data); `visible` switches.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { ServiceRecord } from '../core/userData';
import { clusterRadius, type PointCluster } from './measures';

export const POINTS_LAYER = 'coverage-points';
export const CLUSTERS_LAYER = 'coverage-clusters';

const EXACT: [number, number, number, number] = [20, 20, 20, 230];
const AT_COMUNE: [number, number, number, number] = [255, 255, 255, 230];
const LINE: [number, number, number, number] = [20, 20, 20, 255];

export function pointLayers(points: ServiceRecord[], clusters: PointCluster[], zoomedIn: boolean, key: string) {
  return [
    new ScatterplotLayer<PointCluster>({
      id: CLUSTERS_LAYER,
      data: clusters,
      visible: !zoomedIn,
      pickable: true,
      stroked: true,
      filled: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getPosition: (c) => [c.lon, c.lat],
      getRadius: (c) => clusterRadius(c.count),
      getFillColor: [255, 255, 255, 170],
      getLineColor: LINE,
      updateTriggers: { getRadius: key },
    }),
    new ScatterplotLayer<ServiceRecord>({
      id: POINTS_LAYER,
      data: points,
      visible: zoomedIn,
      pickable: true,
      stroked: true,
      filled: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getLineWidth: 1.2,
      getPosition: (p) => [p.lon, p.lat],
      getRadius: 4,
      // filled = exact coordinates; hollow = placed at the comune's inner point
      getFillColor: (p) => (p.precision === 'exact' ? EXACT : AT_COMUNE),
      getLineColor: LINE,
      updateTriggers: { getFillColor: key },
    }),
  ];
}
