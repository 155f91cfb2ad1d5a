/** The audit's state: run on request in a worker (seeded), with progress; stale once the configuration changes. */
import type { Config, Matrix } from '../../analytics/composite';
import type { AuditJson } from '../../analytics/composite/audit';
import AuditWorker from './audit.worker.ts?worker';
import type { AuditDone, AuditProgress, AuditRequest } from './audit.worker';
import { WorkerClient } from '../../io/worker';
import { hook } from '../../io/instrument';

export const AUDIT_BASE_SAMPLE = 256;

export class AuditModel {
  status = $state<'idle' | 'running' | 'ready' | 'failed'>('idle');
  progress = $state(0);
  result = $state.raw<AuditJson | null>(null);
  ms = $state<number | null>(null);
  error = $state<string | null>(null);
  /** the configuration (as JSON) the result belongs to */
  key = $state<string | null>(null);
  #worker: WorkerClient<AuditRequest, AuditDone, AuditProgress> | null = null;
  #id = 0;

  static keyOf(matrix: Matrix | null, config: Config | null): string | null {
    return matrix && config ? `${matrix.level}:${matrix.codes.length}:${JSON.stringify(config)}` : null;
  }

  run(matrix: Matrix, config: Config, n = AUDIT_BASE_SAMPLE): Promise<AuditJson | null> {
    this.#worker ??= new WorkerClient<AuditRequest, AuditDone, AuditProgress>(() => new AuditWorker(), 'worker');
    const id = ++this.#id;
    this.status = 'running';
    this.progress = 0;
    this.error = null;
    const key = AuditModel.keyOf(matrix, config);
    const onProgress = (p: AuditProgress) => {
      if (id === this.#id) this.progress = p.done / p.total;
    };
    // a worker that cannot start (or crashes) says so instead of leaving the progress bar forever
    return this.#worker.request({ matrix, config, n }, { onProgress }).then(
      ({ result, ms }) => {
        if (id !== this.#id || !result) return null;
        this.result = result;
        this.ms = ms;
        this.key = key;
        this.status = 'ready';
        hook('audit', `${result.sensitivity?.runs ?? 0}:${Math.round(ms)}`);
        return result;
      },
      (e: Error) => {
        if (id !== this.#id) return null;
        this.status = 'failed';
        this.error = e.message;
        return null;
      },
    );
  }

  dispose(): void {
    this.#id++;
    this.#worker?.terminate();
    this.#worker = null;
  }
}
