/// <reference lib="webworker" />
/** The coefficient's audit off the main thread: statistics, then the Sobol runs in slices (progress). */
import { prepare, scoreWith, effectiveWeights, type Config, type Matrix } from '../../analytics/composite';
import { auditJson, auditStatistics, sensitivityRun, type AuditJson } from '../../analytics/composite/audit';
import { inSlices, serve } from '../../io/worker';

export interface AuditRequest {
  matrix: Matrix;
  config: Config;
  /** Saltelli base sample */
  n: number;
}
export type AuditProgress = { done: number; total: number };
/** `result` null: a newer request took over */
export type AuditDone = { result: AuditJson | null; ms: number };

serve<AuditRequest, AuditDone, AuditProgress>(async ({ matrix, config, n }, ctx) => {
  const t0 = performance.now();
  const p = prepare(matrix, config);
  const scored = scoreWith(p, effectiveWeights(config));
  const stats = auditStatistics(p, scored);
  if (scored.scored < 2)
    return { result: auditJson(matrix, config, stats, null, scored.rank), ms: performance.now() - t0 };
  const run = sensitivityRun(matrix, config, { n, seed: config.uncertainty.seed });
  const step = () => {
    const finished = run.step(8);
    ctx.progress({ done: run.done, total: run.total });
    return finished;
  };
  const result = await inSlices(ctx, step, () => auditJson(matrix, config, stats, run.result(), scored.rank));
  return { result, ms: performance.now() - t0 };
});
