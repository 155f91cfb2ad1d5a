/**
 * A long computation run a few steps at a time (the Monte Carlo draws, the Sobol rows): the worker runs a slice,
 * then looks whether a newer request came, and takes the result once every step is done. Pure.
 */
export interface SteppedRun<R> {
  readonly total: number;
  readonly done: number;
  /** run up to `count` more steps; true when all are done */
  step(count: number): boolean;
  /** the result (every step must be done) */
  result(): R;
}

/** `total` steps of `one(i)`, then `finish()`; asking the result early throws `unfinished(done)`. */
export function stepped<R>(
  total: number,
  one: (i: number) => void,
  finish: () => R,
  unfinished: (done: number) => string,
): SteppedRun<R> {
  let done = 0;
  return {
    total,
    get done() {
      return done;
    },
    step(count: number) {
      const end = Math.min(total, done + Math.max(0, Math.floor(count)));
      while (done < end) one(done++);
      return done === total;
    },
    result() {
      if (done < total) throw new Error(unfinished(done));
      return finish();
    },
  };
}
