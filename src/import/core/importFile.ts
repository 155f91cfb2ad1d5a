/** The importer's one entry point (runs in a worker in the app, directly in Node tests). */
import { readTable } from './readTable';
import { analyse, rowsOf, type ImportedData } from './analyse';
import type { TerritoryLookup } from './keys';
import {
  failedOutcome,
  type ImportOutcome,
  type ImportPreview,
  type KeyChoice,
  type RawTable,
  type Problem,
} from './types';

/** A year (1900–2100) written in the file name (`occupati_2023.csv`, `dati-31-12-2024.xlsx`), offered as the reference date. */
export function dateFromName(fileName: string): string | null {
  const base = fileName.replace(/\.[^.]+$/, '');
  const iso = /(?:^|[^\d])((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?:[^\d]|$)/.exec(base);
  if (iso && +iso[2] >= 1 && +iso[2] <= 12 && +iso[3] >= 1 && +iso[3] <= 31) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /(?:^|[^\d])(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d{2})(?:[^\d]|$)/.exec(base);
  if (dmy && +dmy[2] >= 1 && +dmy[2] <= 12 && +dmy[1] >= 1 && +dmy[1] <= 31) return `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  const y = [...base.matchAll(/(?:^|[^\d])((?:19|20)\d{2})(?=[^\d]|$)/g)].map((m) => m[1]).filter((x) => +x <= 2100);
  return y.length ? y[y.length - 1] : null;
}

/** Analyse a table already read (the worker keeps it: a new key choice re-runs only this). */
export function previewOf(
  table: RawTable,
  readProblems: Problem[],
  meta: { fileName: string; bytes: number },
  look: TerritoryLookup,
  opts: { key?: KeyChoice; sample?: number } = {},
): { preview: Omit<ImportPreview, 'ms'>; data: ImportedData } {
  const a = analyse(table, look, { key: opts.key });
  return {
    preview: {
      fileName: meta.fileName,
      bytes: meta.bytes,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      columns: a.columns,
      key: a.key,
      keyCandidates: a.keyCandidates,
      keyAsk: a.keyAsk,
      yearColumn: a.yearColumn,
      dateSuggestion: a.yearColumn ? null : dateFromName(meta.fileName),
      rowCount: table.rowCount,
      matched: a.matched,
      account: a.account,
      rows: rowsOf(a.data, 0, opts.sample ?? Infinity),
      points: a.points,
      problems: [...readProblems, ...a.problems],
    },
    data: a.data,
  };
}

/**
 * Read, validate and match keys. The preview lists the first `sample` rows (every row by default);
 * `data` is the whole imported form, column by column (null when the file could not be read).
 */
export async function importKept(
  bytes: Uint8Array,
  fileName: string,
  look: TerritoryLookup,
  now: () => number = () => Date.now(),
  sample = Infinity,
  opts: { key?: KeyChoice } = {},
): Promise<{ outcome: ImportOutcome; data: ImportedData | null; table: RawTable | null; readProblems?: Problem[] }> {
  const t0 = now();
  try {
    const read = await readTable(bytes, fileName);
    if (!read.ok) return { outcome: { ok: false, problem: read.problem, fileName }, data: null, table: null };
    const { preview, data } = previewOf(read.table, read.problems, { fileName, bytes: bytes.byteLength }, look, {
      key: opts.key,
      sample,
    });
    return {
      outcome: { ok: true, preview: { ...preview, ms: now() - t0 } },
      data,
      table: read.table,
      readProblems: read.problems,
    };
  } catch (e) {
    return { outcome: failedOutcome(fileName, (e as Error)?.message ?? String(e)), data: null, table: null };
  }
}

/** The whole outcome, every row in the preview (Node, tests). */
export async function importBytes(
  bytes: Uint8Array,
  fileName: string,
  look: TerritoryLookup,
  now: () => number = () => Date.now(),
  opts: { key?: KeyChoice } = {},
): Promise<ImportOutcome> {
  return (await importKept(bytes, fileName, look, now, Infinity, opts)).outcome;
}
