/// <reference lib="webworker" />
/**
 * Parse, validate and match keys off the main thread (the page stays responsive on big files). The
 * whole imported form stays here: the page gets the report and the first rows, and asks for the use it
 * chooses (indicators, service layer, grouping), which is built here and sent back.
 */
import { buildLookup, type TerritoryLookup } from './core/keys';
import { importKept, previewOf } from './core/importFile';
import { failedOutcome } from './core/types';
import { rowsOf, type ImportedData } from './core/analyse';
import { buildIndicatorColumns } from './core/uses/indicators';
import { buildServiceLayer } from './core/uses/services';
import { buildGrouping } from './core/uses/grouping';
import type { ImportPreview, Problem, RawTable, TerritoryRef } from './core/types';
import type { UseRequest, UseResult, WorkerRequest, WorkerResponse } from './protocol';
import { fromBlobs, toBlobs, transferables } from './packed';
import { toArrowColumns } from './packedArrow';

/** rows shown in the preview (it shows 10) */
const SAMPLE = 50;

let look: TerritoryLookup | null = null;
let territories: TerritoryRef[] = [];
let lookKey = '';
/** the last file imported: its report and its whole imported form */
let kept: {
  id: number;
  preview: ImportPreview;
  data: ImportedData;
  table?: RawTable;
  readProblems?: Problem[];
} | null = null;

const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function build(use: UseRequest, p: ImportPreview, data: ImportedData): UseResult {
  if (use.kind === 'preview') {
    // a key chosen in the preview: the kept table matched again, and kept so for the use built next
    if (!kept?.table) throw new Error('gone');
    const t0 = performance.now();
    const r = previewOf(
      kept.table,
      kept.readProblems ?? [],
      { fileName: p.fileName, bytes: p.bytes },
      look as TerritoryLookup,
      { key: use.key, sample: SAMPLE },
    );
    const preview = { ...r.preview, ms: performance.now() - t0 };
    kept = { ...kept, preview, data: r.data };
    return { kind: 'preview', preview };
  }
  if (use.kind === 'indicators') {
    // built column by column from the imported form into typed columns (~20 bytes a row, no object per row),
    // transferred to the page; and as Blobs, made here (a copy the page need not make): the form IndexedDB keeps
    const { metas, packed } = buildIndicatorColumns(p, data, use.columns, use.ratios, territories, use.src, use.taken);
    return { kind: 'indicators', metas, packed, blobs: toBlobs(packed) };
  }
  const full: ImportPreview = { ...p, rows: rowsOf(data) };
  if (use.kind === 'services')
    return {
      kind: 'services',
      ...buildServiceLayer(full, use.choice, (look as TerritoryLookup).byCode.comune, use.importedOn),
    };
  return { kind: 'grouping', ...buildGrouping(full, use.choice) };
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  if (m.type === 'dbfile') {
    try {
      const bytes = toArrowColumns(await fromBlobs(m.blobs));
      post({ type: 'dbfile', id: m.id, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (err) {
      post({ type: 'dbfile', id: m.id, error: (err as Error)?.message ?? String(err) });
    }
    return;
  }
  if (m.type === 'build') {
    if (!kept || kept.id !== m.importId) return post({ type: 'build', id: m.id, error: 'gone' });
    try {
      post({ type: 'progress', id: m.id, phase: 'building' });
      const result = build(m.use, kept.preview, kept.data);
      post({ type: 'build', id: m.id, result }, result.kind === 'indicators' ? transferables(result.packed) : []);
    } catch (err) {
      post({ type: 'build', id: m.id, error: (err as Error)?.message ?? String(err) });
    }
    return;
  }
  const { id, territories: ts, cadastral } = m;
  if (ts) {
    const key = `${ts.length}:${cadastral?.length ?? 0}`;
    if (key !== lookKey || !look) {
      look = buildLookup(ts, cadastral ? new Map(cadastral) : null);
      territories = ts;
      lookKey = key;
    }
  }
  if (m.type === 'prepare') return;
  const { file, fileName } = m;
  kept = null;
  post({ type: 'progress', id, phase: 'reading' });
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    return post({
      type: 'import',
      id,
      bytes: new ArrayBuffer(0),
      outcome: failedOutcome(fileName, (err as Error)?.message ?? String(err)),
    });
  }
  if (!look) return post({ type: 'import', id, bytes, outcome: failedOutcome(fileName, 'no territories') }, [bytes]);
  const { outcome, data, table, readProblems } = await importKept(
    new Uint8Array(bytes),
    fileName,
    look,
    () => performance.now(),
    SAMPLE,
  );
  if (outcome.ok && data) kept = { id, preview: outcome.preview, data, table: table ?? undefined, readProblems };
  // the file's bytes go back to the page (transferred, not copied): it keeps the original
  post({ type: 'import', id, bytes, outcome }, [bytes]);
};
