/** Messages between the page (runImport.ts) and the import worker. */
import type { IndicatorMeta } from '../analytics/catalogue';
import type { Grouping, ServiceLayer } from '../core/userData';
import type { ImportOutcome, ImportPreview, KeyChoice, TerritoryRef } from './core/types';
import type { ColumnChoice, IndicatorSource, RatioChoice } from './core/uses/indicators';
import type { ServiceChoice } from './core/uses/services';
import type { GroupingChoice, GroupingReport } from './core/uses/grouping';
import type { BlobbedRows, PackedRows } from './packed';

/**
 * What the user chose to make of the file. `taken`: every id in use in the workspace (core/ids.ts
 * takenIds): the new indicator ids avoid them; a layer's or grouping's id must be free.
 */
export type UseRequest = (
  | { kind: 'indicators'; columns: ColumnChoice[]; ratios: RatioChoice[]; src: IndicatorSource }
  | { kind: 'services'; choice: ServiceChoice; importedOn: string }
  | { kind: 'grouping'; choice: GroupingChoice }
  /** the user changed the key in the preview: the kept table is matched again with it (and kept so) */
  | { kind: 'preview'; key: KeyChoice }
) & { taken: string[] };

/** Indicator rows come as typed columns (their buffers transferred, never cloned) and as the Blobs IndexedDB keeps. */
export type UseResult =
  | { kind: 'indicators'; metas: IndicatorMeta[]; packed: PackedRows; blobs: BlobbedRows }
  | { kind: 'services'; layer: ServiceLayer; skipped: number[] }
  | { kind: 'grouping'; grouping: Grouping; report: GroupingReport }
  | { kind: 'preview'; preview: ImportPreview };

export type WorkerRequest =
  /** the File itself (a handle, cheap to send): the worker reads it, off the main thread */
  | {
      type: 'import';
      id: number;
      file: Blob;
      fileName: string;
      territories?: TerritoryRef[];
      cadastral?: [string, string][] | null;
    }
  /** start the worker and build its territory lookup before the first file (no answer) */
  | { type: 'prepare'; id: number; territories: TerritoryRef[]; cadastral: [string, string][] | null }
  /** build a use of the import `importId` (the last one imported) */
  | { type: 'build'; id: number; importId: number; use: UseRequest }
  /** indicator rows (typed columns as Blobs) → one Arrow IPC stream with integer codes, for DuckDB's insert */
  | { type: 'dbfile'; id: number; blobs: BlobbedRows };

export type WorkerResponse =
  | { type: 'import'; id: number; bytes: ArrayBuffer; outcome: ImportOutcome }
  | { type: 'build'; id: number; result?: UseResult; error?: string }
  /** how far the request `id` is (reading and checking the file; building the chosen use) */
  | { type: 'progress'; id: number; phase: 'reading' | 'building' }
  | { type: 'dbfile'; id: number; bytes?: Uint8Array; error?: string };
