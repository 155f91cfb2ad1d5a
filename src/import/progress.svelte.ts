/**
 * What a long import is doing now (shown by the import tool as a progress bar with words and a Cancel
 * button). One instance per page. Cancel really stops the work: the import worker is terminated
 * (runImport.ts) and the page's own slices (unpacking, DuckDB) stop at the next slice.
 */
export type ImportPhase = 'reading' | 'building' | 'storing' | 'database';

export class ImportProgress {
  phase = $state<ImportPhase | null>(null);
  /** 0..1, or null when the phase cannot tell how far it is */
  fraction = $state<number | null>(null);
  /** the file being imported */
  file = $state('');
  /** Cancel can stop this phase */
  cancellable = $state(false);
  #cancelled = false;
  #onCancel: (() => void) | null = null;

  /** Start (or move to) a phase; `onCancel` is what Cancel does during it. */
  set(phase: ImportPhase, fraction: number | null = null, onCancel: (() => void) | null = this.#onCancel): void {
    this.phase = phase;
    this.fraction = fraction;
    this.#onCancel = onCancel;
    this.cancellable = !!onCancel;
  }

  begin(file: string): void {
    this.#cancelled = false;
    this.file = file;
  }

  done(): void {
    this.phase = null;
    this.fraction = null;
    this.#onCancel = null;
    this.cancellable = false;
  }

  get cancelled(): boolean {
    return this.#cancelled;
  }

  cancel(): void {
    this.#cancelled = true;
    const f = this.#onCancel;
    this.done();
    f?.();
  }
}

export const importProgress = new ImportProgress();
