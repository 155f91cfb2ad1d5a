/// <reference lib="webworker" />
/** The Monte Carlo of the coefficient, off the main thread: the UI stays responsive. */
import {
  prepare,
  monteCarlo,
  computeIndex,
  effectiveWeights,
  type Config,
  type Matrix,
  type MonteCarloResult,
} from '../analytics/composite';

export interface McRequest {
  id: number;
  matrix: Matrix;
  config: Config;
}
export type McMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: MonteCarloResult; ms: number; singleMs: number }
  | { id: number; type: 'error'; message: string };

const post = (m: McMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
let current = 0;

self.onmessage = (e: MessageEvent<McRequest>) => {
  const { id, matrix, config } = e.data;
  current = id;
  try {
    const t0 = performance.now();
    const p = prepare(matrix, config);
    const run = monteCarlo(p, { weights: effectiveWeights(config) });
    // in slices, so that a newer request (a moved slider) can take over between them
    const slice = () => {
      if (current !== id) return;
      const finished = run.step(50);
      post({ id, type: 'progress', done: run.done, total: run.total });
      if (!finished) {
        setTimeout(slice, 0);
        return;
      }
      const result = run.result();
      const ms = performance.now() - t0;
      // one single full computation (prepare + score), median of 9, for the benchmark's ratio
      const times: number[] = [];
      for (let k = 0; k < 9; k++) {
        const s0 = performance.now();
        computeIndex(matrix, config);
        times.push(performance.now() - s0);
      }
      const single = times.sort((a, b) => a - b)[4];
      post({ id, type: 'done', result, ms, singleMs: single }, [
        result.rankP05.buffer,
        result.rankP50.buffer,
        result.rankP95.buffer,
        result.uncertain.buffer,
      ]);
    };
    slice();
  } catch (err) {
    post({ id, type: 'error', message: (err as Error).message });
  }
};
