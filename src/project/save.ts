/**
 * "Salva progetto": everything a user made in this browser, in one file — every imported dataset (rows as
 * Parquet, its description, its original file), and the current settings: the view, the coefficient's
 * configuration, the coverage settings, the territories picked for comparison, the story of this session.
 */
import { version as atlasVersion } from '../../package.json';
import { DATA_FILES } from '../contract';
import type { Hub } from '../modes/types';
import { encodeView, fromBase64Url } from '../state/url';
import { datasets, type StoredDataset } from '../import/datasets.svelte';
import { unpackSlice } from '../import/packed';
import { keptStory } from '../story/load';
import {
  FORMAT_VERSION,
  PROJECT_FORMAT,
  jsonBytes,
  writeProject,
  type Manifest,
  type ProjectItem,
  type SettingKind,
} from './format';
import { groupingParquet, indicatorsParquet, servicesParquet } from './tables';

/** What identifies the bundled data: a fingerprint of its build report (row counts, checks, what was dropped). */
export async function dataRelease(): Promise<string> {
  try {
    const r = await fetch(DATA_FILES.buildReport);
    if (!r.ok) return 'unknown';
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', await r.arrayBuffer()));
    return `build-report sha256:${[...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  } catch {
    return 'unknown';
  }
}

/** A dataset's description, without its rows (they are the Parquet file). */
export function describe(d: StoredDataset): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: d.id,
    name: d.name,
    fileName: d.fileName,
    kind: d.kind,
    importedOn: d.importedOn,
  };
  if (d.indicators) out.metas = d.indicators.metas;
  if (d.layer) {
    const { points: _points, ...layer } = d.layer;
    out.layer = layer;
  }
  if (d.grouping) out.grouping = { id: d.grouping.id, label: d.grouping.label, source: d.grouping.source };
  if (d.weighted) out.weighted = [...d.weighted];
  return out;
}

async function datasetFiles(d: StoredDataset, files: Record<string, Uint8Array>): Promise<ProjectItem> {
  const base = `datasets/${d.id}`;
  let rows = 0;
  let levels: string[] = [];
  if (d.indicators) {
    const p = d.indicators.packed;
    files[`${base}.parquet`] = indicatorsParquet(unpackSlice(p));
    rows = p.length;
    levels = [...new Set(p.levels)];
  } else if (d.layer) {
    files[`${base}.parquet`] = servicesParquet(d.layer.points);
    rows = d.layer.points.length;
    levels = d.layer.points.some((x) => x.comune_code) ? ['comune'] : [];
  } else if (d.grouping) {
    const names = new Map(d.grouping.names);
    files[`${base}.parquet`] = groupingParquet(
      d.grouping.members.map(([comune_code, group_code]) => ({
        comune_code,
        group_code,
        group_name: names.get(group_code) ?? group_code,
      })),
    );
    rows = d.grouping.members.length;
    levels = ['comune'];
  }
  files[`${base}.json`] = jsonBytes(describe(d));
  const item: ProjectItem = {
    kind: d.kind,
    id: d.id,
    name: d.name,
    rows,
    levels,
    file: `${base}.parquet`,
    meta: `${base}.json`,
  };
  const original = new Uint8Array(d.bytes instanceof Blob ? await d.bytes.arrayBuffer() : d.bytes);
  if (original.byteLength) {
    item.original = `originals/${d.id}/${d.fileName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'file'}`;
    files[item.original] = original;
  }
  return item;
}

const decoded = (token: string | null): unknown => {
  if (!token) return null;
  try {
    return fromBase64Url(token);
  } catch {
    return null;
  }
};

/** The settings of the view on screen worth keeping, each as one item (`names`: the item's name, by kind). */
export function settingFiles(
  hub: Hub,
  files: Record<string, Uint8Array>,
  names: Record<SettingKind, string>,
): ProjectItem[] {
  const v = hub.view.snapshot();
  const out: ProjectItem[] = [];
  const add = (kind: SettingKind, value: unknown, levels: string[] = []) => {
    const file = `settings/${kind}.json`;
    files[file] = jsonBytes(value);
    out.push({ kind, id: kind, name: names[kind], rows: null, levels, file });
  };
  // the view itself (level, grouping, indicator, year, classes, camera…), without what the other items hold
  add('view', { search: encodeView({ ...v, tool: null, cfg: null, opts: null, compare: [], slide: 0 }) }, [v.level]);
  const cfg = decoded(v.cfg);
  if (cfg) add('coefficient', cfg);
  const opts = decoded(v.opts);
  if (opts && typeof opts === 'object' && 'measure' in opts) add('coverage', opts);
  if (v.compare.length) add('compare', { level: v.level, codes: [...v.compare] }, [v.level]);
  const story = keptStory();
  if (story) add('story', story);
  return out;
}

/** The project file of this browser's work, and its manifest. */
export async function saveProject(
  hub: Hub,
  names: Record<SettingKind, string>,
): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const store = datasets(hub);
  await store.restore();
  const files: Record<string, Uint8Array> = {};
  const items: ProjectItem[] = [];
  for (const d of store.list) items.push(await datasetFiles(d, files));
  items.push(...settingFiles(hub, files, names));
  const manifest: Manifest = {
    format: PROJECT_FORMAT,
    formatVersion: FORMAT_VERSION,
    atlasVersion,
    dataRelease: await dataRelease(),
    createdAt: new Date().toISOString(),
    items,
  };
  return { bytes: writeProject(manifest, files), manifest };
}
