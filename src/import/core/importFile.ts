/** The importer's one entry point (runs in a worker in the app, directly in Node tests). */
import { readTable } from './readTable';
import { analyse, rowsOf, type ImportedData } from './analyse';
import type { TerritoryLookup } from './keys';
import type { ImportOutcome } from './types';

/**
 * Read, validate and match keys. The preview lists the first `sample` rows (every row by default);
 * `data` is the whole imported form, column by column (null when the file could not be read).
 */
export async function importKept(
  bytes: Uint8Array,
  fileName: string,
  look: TerritoryLookup,
  now: () => number = () => Date.now(),
  sample = Infinity
): Promise<{ outcome: ImportOutcome; data: ImportedData | null }> {
  const t0 = now();
  try {
    const read = await readTable(bytes, fileName);
    if (!read.ok) return { outcome: { ok: false, problem: read.problem, fileName }, data: null };
    const a = analyse(read.table, look);
    const rows = rowsOf(a.data, 0, sample);
    return {
      outcome: {
        ok: true,
        preview: {
          fileName,
          bytes: bytes.byteLength,
          format: read.table.format,
          encoding: read.table.encoding,
          delimiter: read.table.delimiter,
          columns: a.columns,
          key: a.key,
          yearColumn: a.yearColumn,
          rowCount: read.table.rowCount,
          matched: a.matched,
          rows,
          points: a.points,
          problems: [...read.problems, ...a.problems],
          ms: now() - t0
        }
      },
      data: a.data
    };
  } catch (e) {
    return { outcome: { ok: false, fileName, problem: { code: 'unreadable', severity: 'error', count: 0, rows: [], values: [], detail: (e as Error)?.message ?? String(e) } }, data: null };
  }
}

/** The whole outcome, every row in the preview (Node, tests). */
export async function importBytes(bytes: Uint8Array, fileName: string, look: TerritoryLookup, now: () => number = () => Date.now()): Promise<ImportOutcome> {
  return (await importKept(bytes, fileName, look, now)).outcome;
}
