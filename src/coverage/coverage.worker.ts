/// <reference lib="webworker" />
/**
 * The coverage measures off the main thread (nearest km, per 10k, 2SFCA, E2SFCA, gap), and the benchmark:
 * E2SFCA with the spatial index against the brute-force all-pairs scan, timed in this same worker.
 */
import {
  coverageMeasures,
  fca,
  fcaBruteForce,
  type CoverageMeasure,
  type DemandPoint,
  type ServicePoint,
} from '../analytics/coverage/index';
import type { CoverageSettings } from './measures';

export type CoverageRequest =
  | {
      id: number;
      type: 'measures';
      demand: DemandPoint[];
      services: ServicePoint[];
      settings: CoverageSettings;
      /** comuni outside the layer's regions: "no data" */
      noData: string[];
      k: number;
    }
  | {
      id: number;
      type: 'bench';
      demand: DemandPoint[];
      services: ServicePoint[];
      d0: number;
      runs: number;
      warmup: number;
    };

export type CoverageMessage =
  | { id: number; type: 'measures'; rows: CoverageMeasure[]; ms: number }
  | { id: number; type: 'bench'; indexed: number[]; brute: number[]; maxDiff: number; reached: number }
  | { id: number; type: 'error'; message: string };

const post = (m: CoverageMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<CoverageRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'measures') {
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
      post({ id: req.id, type: 'measures', rows, ms: performance.now() - t0 });
      return;
    }
    const opts = { d0: req.d0, decay: 'gaussian' as const, useCapacity: true };
    const indexed: number[] = [];
    const brute: number[] = [];
    let maxDiff = 0;
    let reached = 0;
    // alternate the two so that both see the same warm-up and the same machine load
    for (let r = -req.warmup; r < req.runs; r++) {
      const t0 = performance.now();
      const a = fca(req.demand, req.services, opts);
      const t1 = performance.now();
      const b = fcaBruteForce(req.demand, req.services, opts);
      const t2 = performance.now();
      if (r < 0) continue; // warm-up (JIT) runs are not counted
      indexed.push(t1 - t0);
      brute.push(t2 - t1);
      for (let i = 0; i < a.access.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a.access[i] - b.access[i]));
      if (r === 0) for (let i = 0; i < a.access.length; i++) if (a.access[i] > 0) reached++;
    }
    post({ id: req.id, type: 'bench', indexed, brute, maxDiff, reached });
  } catch (err) {
    post({ id: req.id, type: 'error', message: (err as Error).message });
  }
};
