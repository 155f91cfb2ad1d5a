/// <reference lib="webworker" />
/** The coverage measures off the main thread (nearest km, per 10k, 2SFCA, E2SFCA, gap). */
import {
  coverageMeasures,
  type CoverageMeasure,
  type DemandPoint,
  type ServicePoint,
} from '../analytics/coverage/index';
import type { CoverageSettings } from './measures';
import { serve } from '../io/worker';

export type CoverageRequest = {
  demand: DemandPoint[];
  services: ServicePoint[];
  settings: CoverageSettings;
  /** comuni outside the layer's regions: "no data" */
  noData: string[];
  k: number;
};

export type CoverageDone = { rows: CoverageMeasure[]; ms: number };

serve<CoverageRequest, CoverageDone>((req) => {
  const t0 = performance.now();
  const noData = new Set(req.noData);
  const rows = coverageMeasures(req.demand, req.services, {
    d0: req.settings.d0,
    decay: req.settings.decay,
    useCapacity: req.settings.useCapacity,
    gapKm: req.settings.gapKm,
    k: req.k,
    hasData: noData.size ? (code) => !noData.has(code) : undefined,
  });
  return { rows, ms: performance.now() - t0 };
});
