/// <reference lib="webworker" />
/** The Monte Carlo of the coefficient, off the main thread: the UI stays responsive. */
import {
  prepare,
  monteCarlo,
  effectiveWeights,
  type Config,
  type Matrix,
  type MonteCarloResult,
} from '../analytics/composite';
import { inSlices, serve, withTransfer } from '../io/worker';

export interface McRequest {
  matrix: Matrix;
  config: Config;
}
export type McProgress = { done: number; total: number };
/** `result` null: a newer request took over */
export type McDone = { result: MonteCarloResult | null; ms: number };

serve<McRequest, McDone, McProgress>(async ({ matrix, config }, ctx) => {
  const t0 = performance.now();
  const run = monteCarlo(prepare(matrix, config), { weights: effectiveWeights(config) });
  // in slices, so that a newer request (a moved slider) can take over between them
  const step = () => {
    const finished = run.step(50);
    ctx.progress({ done: run.done, total: run.total });
    return finished;
  };
  const result = await inSlices(ctx, step, () => run.result());
  if (!result) return { result: null, ms: 0 };
  const buffers = [result.rankP05.buffer, result.rankP50.buffer, result.rankP95.buffer, result.uncertain.buffer];
  return withTransfer({ result, ms: performance.now() - t0 }, buffers);
});
