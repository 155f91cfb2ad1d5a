/// <reference lib="webworker" />
/** The coefficient's audit off the main thread: statistics, then the Sobol runs in slices (progress). */
import { prepare, scoreWith, effectiveWeights, type Config, type Matrix } from '../../analytics/composite';
import { auditJson, auditStatistics, sensitivityRun, type AuditJson } from '../../analytics/composite/audit';

export interface AuditRequest {
  id: number;
  matrix: Matrix;
  config: Config;
  /** Saltelli base sample */
  n: number;
}
export type AuditMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: AuditJson; ms: number }
  | { id: number; type: 'error'; message: string };

const post = (m: AuditMessage) => (self as unknown as Worker).postMessage(m);
let current = 0;

self.onmessage = (e: MessageEvent<AuditRequest>) => {
  const { id, matrix, config, n } = e.data;
  current = id;
  try {
    const t0 = performance.now();
    const p = prepare(matrix, config);
    const result = scoreWith(p, effectiveWeights(config));
    const stats = auditStatistics(p, result);
    if (result.scored < 2) {
      post({
        id,
        type: 'done',
        result: auditJson(matrix, config, stats, null, result.rank),
        ms: performance.now() - t0,
      });
      return;
    }
    const run = sensitivityRun(matrix, config, { n, seed: config.uncertainty.seed });
    const slice = () => {
      if (current !== id) return;
      const finished = run.step(8);
      post({ id, type: 'progress', done: run.done, total: run.total });
      if (!finished) {
        setTimeout(slice, 0);
        return;
      }
      post({
        id,
        type: 'done',
        result: auditJson(matrix, config, stats, run.result(), result.rank),
        ms: performance.now() - t0,
      });
    };
    slice();
  } catch (err) {
    post({ id, type: 'error', message: (err as Error).message });
  }
};
