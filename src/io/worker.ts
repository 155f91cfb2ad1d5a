/**
 * One request/response protocol for every worker of the app. The caller (`WorkerClient`) numbers each
 * request; the worker (`serve`) answers it once, with the handler's value or its error as a message, and
 * may send progress before. A worker that fails (the `error` event) rejects every pending request.
 * Transfer lists go both ways (`withTransfer` in a handler). `ctx.superseded()` tells a long handler that a
 * newer request has arrived, so it can stop (the Monte Carlo does, when a slider moves).
 */

/** What travels: a request, a progress note, or the one answer. */
export type Envelope<Req, Res, P> =
  | { id: number; kind: 'request'; body: Req }
  | { id: number; kind: 'progress'; progress: P }
  | { id: number; kind: 'done'; value: Res }
  | { id: number; kind: 'error'; error: string };

/** The end of a channel: a Worker, the worker's own scope, or a MessagePort (tests). */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
}

const TRANSFER = Symbol('transfer');
type Transferred<T> = { [TRANSFER]: Transferable[]; value: T };

/** A handler's value sent with these buffers transferred (the worker loses them). */
export function withTransfer<T>(value: T, transfer: Transferable[]): Transferred<T> {
  return { [TRANSFER]: transfer, value } as Transferred<T>;
}
const isTransferred = <T>(v: unknown): v is Transferred<T> => typeof v === 'object' && v !== null && TRANSFER in v;

export interface ServeContext<P> {
  id: number;
  progress(p: P): void;
  /** a newer request has arrived since this one */
  superseded(): boolean;
}

/** In the worker: answer each request with `handle`'s value (or its error). */
export function serve<Req, Res, P = never>(
  handle: (req: Req, ctx: ServeContext<P>) => Res | Transferred<Res> | Promise<Res | Transferred<Res>>,
  port: Port = self as unknown as Port,
): void {
  let latest = 0;
  port.addEventListener('message', (e: MessageEvent<Envelope<Req, Res, P>>) => {
    const m = e.data;
    if (m?.kind !== 'request') return;
    const id = m.id;
    latest = Math.max(latest, id);
    const ctx: ServeContext<P> = {
      id,
      progress: (progress) => port.postMessage({ id, kind: 'progress', progress }),
      superseded: () => latest !== id,
    };
    new Promise<Res | Transferred<Res>>((resolve) => resolve(handle(m.body, ctx))).then(
      (out) => {
        if (isTransferred<Res>(out)) port.postMessage({ id, kind: 'done', value: out.value }, out[TRANSFER]);
        else port.postMessage({ id, kind: 'done', value: out });
      },
      (err: unknown) =>
        port.postMessage({ id, kind: 'error', error: err instanceof Error ? err.message : String(err) }),
    );
  });
  (port as { start?: () => void }).start?.();
}

interface Pending<Res, P> {
  resolve(v: Res): void;
  reject(e: Error): void;
  onProgress?: (p: P) => void;
}

/** On the caller's side: one worker (started on the first request), any number of requests. */
export class WorkerClient<Req, Res, P = never> {
  #port: (Port & { terminate?(): void }) | null = null;
  #next = 0;
  #pending = new Map<number, Pending<Res, P>>();

  /** `name` prefixes a worker failure's message */
  constructor(
    private readonly start: () => Port & { terminate?(): void },
    private readonly name = 'worker',
  ) {}

  request(body: Req, opts: { transfer?: Transferable[]; onProgress?: (p: P) => void } = {}): Promise<Res> {
    const port = (this.#port ??= this.#open());
    const id = ++this.#next;
    return new Promise<Res>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress: opts.onProgress });
      port.postMessage({ id, kind: 'request', body }, opts.transfer ?? []);
    });
  }

  /** stop the worker; pending requests are rejected */
  terminate(): void {
    this.#port?.terminate?.();
    this.#port = null;
    this.#failAll('stopped');
  }

  #open() {
    const port = this.start();
    port.addEventListener('message', (e: MessageEvent<Envelope<Req, Res, P>>) => {
      const m = e.data;
      const p = this.#pending.get(m?.id);
      if (!p) return;
      if (m.kind === 'progress') p.onProgress?.(m.progress);
      else if (m.kind === 'done' || m.kind === 'error') {
        this.#pending.delete(m.id);
        if (m.kind === 'done') p.resolve(m.value);
        else p.reject(new Error(m.error));
      }
    });
    port.addEventListener('error', (e: ErrorEvent) => {
      this.#port?.terminate?.();
      this.#port = null;
      this.#failAll(e.message || 'failed');
    });
    (port as { start?: () => void }).start?.();
    return port;
  }

  #failAll(why: string) {
    const all = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of all) p.reject(new Error(`${this.name}: ${why}`));
  }
}

/**
 * In a handler: call `step` in slices (a macrotask apart, so that a newer request can arrive) until it
 * returns true, then resolve with `finish()`; null if a newer request arrived meanwhile.
 */
export function inSlices<T>(ctx: { superseded(): boolean }, step: () => boolean, finish: () => T): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        if (ctx.superseded()) return resolve(null);
        if (step()) resolve(finish());
        else setTimeout(slice, 0);
      } catch (e) {
        reject(e);
      }
    };
    slice();
  });
}
