/** The audit's state: run on request in a worker (seeded), with progress; stale once the configuration changes. */
import type { Config, Matrix } from '../../analytics/composite';
import type { AuditJson } from '../../analytics/composite/audit';
import AuditWorker from './audit.worker.ts?worker';
import type { AuditMessage, AuditRequest } from './audit.worker';

export const AUDIT_BASE_SAMPLE = 256;

export class AuditModel {
  status = $state<'idle' | 'running' | 'ready' | 'failed'>('idle');
  progress = $state(0);
  result = $state.raw<AuditJson | null>(null);
  ms = $state<number | null>(null);
  error = $state<string | null>(null);
  /** the configuration (as JSON) the result belongs to */
  key = $state<string | null>(null);
  #worker: Worker | null = null;
  #id = 0;

  static keyOf(matrix: Matrix | null, config: Config | null): string | null {
    return matrix && config ? `${matrix.level}:${matrix.codes.length}:${JSON.stringify(config)}` : null;
  }

  run(matrix: Matrix, config: Config, n = AUDIT_BASE_SAMPLE): Promise<AuditJson | null> {
    this.#worker ??= new AuditWorker();
    const id = ++this.#id;
    this.status = 'running';
    this.progress = 0;
    this.error = null;
    const key = AuditModel.keyOf(matrix, config);
    return new Promise((resolve) => {
      const w = this.#worker as Worker;
      const onMessage = (e: MessageEvent<AuditMessage>) => {
        const msg = e.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') {
          this.progress = msg.done / msg.total;
          return;
        }
        w.removeEventListener('message', onMessage);
        if (msg.type === 'done') {
          this.result = msg.result;
          this.ms = msg.ms;
          this.key = key;
          this.status = 'ready';
          document.body.dataset.audit = `${msg.result.sensitivity?.runs ?? 0}:${Math.round(msg.ms)}`;
          resolve(msg.result);
        } else {
          this.status = 'failed';
          this.error = msg.message;
          resolve(null);
        }
      };
      w.addEventListener('message', onMessage);
      // a worker that cannot start (or crashes) says so instead of leaving the progress bar forever
      w.onerror = (ev: ErrorEvent) => {
        if (id !== this.#id) return;
        w.removeEventListener('message', onMessage);
        this.status = 'failed';
        this.error = ev.message || 'worker error';
        resolve(null);
      };
      const req: AuditRequest = { id, matrix, config, n };
      w.postMessage(req);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
