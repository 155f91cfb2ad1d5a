/**
 * The project file (`.coefficienti.zip`): one zip (fflate) with `manifest.json` — the format version, the atlas
 * version and the data release it was made on, when, and one item per thing a user made — and each item's
 * file: an imported dataset's rows as Parquet (`datasets/<id>.parquet`, src/project/tables.ts), its description
 * (`datasets/<id>.json`), its original file (`originals/<id>/<name>`), and the settings as JSON
 * (`settings/<kind>.json`). Pure: bytes in, bytes or a plain error out (ProjectError, its `code` says which).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const PROJECT_FORMAT = 'coefficienti-project';
/** The newest format this atlas reads and the one it writes. */
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const PROJECT_EXT = '.coefficienti.zip';

export type DatasetKind = 'indicators' | 'services' | 'grouping';
export type SettingKind = 'view' | 'coefficient' | 'coverage' | 'compare' | 'story';
export type ItemKind = DatasetKind | SettingKind;
export const DATASET_KINDS: readonly DatasetKind[] = ['indicators', 'services', 'grouping'];
export const SETTING_KINDS: readonly SettingKind[] = ['view', 'coefficient', 'coverage', 'compare', 'story'];

export interface ProjectItem {
  kind: ItemKind;
  id: string;
  name: string;
  /** rows of a dataset (indicator rows, service points, grouping members); null for a setting */
  rows: number | null;
  /** the levels of the territory codes it holds (e.g. ['comune', 'province']); [] when it holds none */
  levels: string[];
  /** the item's file in the zip (Parquet for a dataset, JSON for a setting) */
  file: string;
  /** a dataset's description (datasets/<id>.json) */
  meta?: string;
  /** a dataset's original file, as it was imported */
  original?: string;
}

export interface Manifest {
  format: typeof PROJECT_FORMAT;
  formatVersion: number;
  atlasVersion: string;
  /** what identifies the bundled data the project was made on (a fingerprint of data/build-report.json) */
  dataRelease: string;
  createdAt: string;
  items: ProjectItem[];
}

export type ProjectErrorCode =
  | 'not_zip'
  | 'no_manifest'
  | 'bad_manifest'
  | 'newer'
  // a link (?project=…): not a URL, another site, or the download failed
  | 'bad_link'
  | 'other_origin'
  | 'download';

/** Why a file cannot be opened as a project; `detail` holds what the message needs (a version, a field). */
export class ProjectError extends Error {
  constructor(
    readonly code: ProjectErrorCode,
    readonly detail: string = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

const isStr = (x: unknown): x is string => typeof x === 'string';
const KINDS: readonly string[] = [...DATASET_KINDS, ...SETTING_KINDS];
/** a path inside the zip: relative, no `..`, no backslash */
const safePath = (p: unknown): p is string =>
  isStr(p) && p.length > 0 && p.length < 300 && !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..');

/** The manifest checked field by field (a newer format is refused before anything else is read). */
export function parseManifest(json: unknown): Manifest {
  if (!json || typeof json !== 'object') throw new ProjectError('bad_manifest', 'not an object');
  const m = json as Record<string, unknown>;
  if (m.format !== PROJECT_FORMAT) throw new ProjectError('bad_manifest', 'format');
  const v = m.formatVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ProjectError('bad_manifest', 'formatVersion');
  if (v > FORMAT_VERSION) throw new ProjectError('newer', String(v));
  if (!Array.isArray(m.items)) throw new ProjectError('bad_manifest', 'items');
  const ids = new Set<string>();
  const items = m.items.map((x: unknown, i): ProjectItem => {
    const it = (x ?? {}) as Record<string, unknown>;
    const bad = (field: string) => new ProjectError('bad_manifest', `items[${i}].${field}`);
    if (!isStr(it.kind) || !KINDS.includes(it.kind)) throw bad('kind');
    if (!isStr(it.id) || !/^[a-z0-9_]{1,80}$/.test(it.id)) throw bad('id');
    if (ids.has(`${it.kind}:${it.id}`)) throw bad('id');
    ids.add(`${it.kind}:${it.id}`);
    if (!isStr(it.name)) throw bad('name');
    if (it.rows !== null && (typeof it.rows !== 'number' || !Number.isInteger(it.rows) || it.rows < 0))
      throw bad('rows');
    if (!Array.isArray(it.levels) || !it.levels.every(isStr)) throw bad('levels');
    if (!safePath(it.file)) throw bad('file');
    if (it.meta !== undefined && !safePath(it.meta)) throw bad('meta');
    if (it.original !== undefined && !safePath(it.original)) throw bad('original');
    const out: ProjectItem = {
      kind: it.kind as ItemKind,
      id: it.id,
      name: it.name.slice(0, 200),
      rows: it.rows as number | null,
      levels: it.levels as string[],
      file: it.file,
    };
    if (it.meta !== undefined) out.meta = it.meta as string;
    if (it.original !== undefined) out.original = it.original as string;
    return out;
  });
  return {
    format: PROJECT_FORMAT,
    formatVersion: v,
    atlasVersion: isStr(m.atlasVersion) ? m.atlasVersion : '',
    dataRelease: isStr(m.dataRelease) ? m.dataRelease : '',
    createdAt: isStr(m.createdAt) ? m.createdAt : '',
    items,
  };
}

/** An opened project: its manifest and its files by path. */
export interface ProjectFiles {
  manifest: Manifest;
  files: Record<string, Uint8Array>;
}

/** Read a project file: a zip with a valid manifest, else a ProjectError (not a zip, no manifest, newer…). */
export function readProject(bytes: Uint8Array): ProjectFiles {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ProjectError('not_zip');
  }
  const raw = files[MANIFEST];
  if (!raw) throw new ProjectError('no_manifest');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(raw));
  } catch {
    throw new ProjectError('bad_manifest', 'JSON');
  }
  return { manifest: parseManifest(json), files };
}

/**
 * Write a project file: the manifest first, then every file (JSON compressed; Parquet is compressed already);
 * a `manifest.json` among the files (those of a project read back) is the given manifest's place, not kept.
 */
export function writeProject(manifest: Manifest, files: Record<string, Uint8Array>): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = {
    [MANIFEST]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }],
  };
  for (const [p, b] of Object.entries(files))
    if (p !== MANIFEST) entries[p] = [b, { level: p.endsWith('.parquet') ? 0 : 6 }];
  return zipSync(entries);
}

/** A JSON file of the project, parsed (null when it is absent or not JSON). */
export function jsonFile(files: Record<string, Uint8Array>, path: string): unknown {
  const b = files[path];
  if (!b) return null;
  try {
    return JSON.parse(strFromU8(b));
  } catch {
    return null;
  }
}

export const jsonBytes = (x: unknown): Uint8Array => strToU8(JSON.stringify(x));

/** The file name of a saved project: `progetto-2026-12-01.coefficienti.zip`. */
export const projectFileName = (date: Date, word = 'progetto'): string =>
  `${word}-${date.toISOString().slice(0, 10)}${PROJECT_EXT}`;
