/**
 * "Apri progetto": a project file read, checked and described before anything changes (`prepareProject`: its
 * items, what each would replace here, the rows whose codes the bundled data no longer has), then applied as
 * the user chose (`applyProject`): datasets through the same store as an import (IndexedDB, restored on
 * reload), the settings as the atlas's own link to the project's view, the story as this session's story.
 */
import type { Hub } from '../modes/types';
import { datasets, type StoredDataset, type StoredGrouping } from '../import/datasets.svelte';
import { packRows } from '../import/packed';
import { ownIds, takenIds } from '../import/core/ids';
import { keptStory, remember } from '../story/load';
import { validateStory, type Story } from '../story/story';
import type { IndicatorMeta } from '../contract';
import type { ServiceLayer } from '../core/userData';
import {
  DATASET_KINDS,
  jsonFile,
  ProjectError,
  readProject,
  type Manifest,
  type ProjectItem,
  type SettingKind,
} from './format';
import { checkCodes, planDatasets, remapJson, renamed, type Action, type PlanRow } from './plan';
import { projectView } from './view';
import { readGrouping, readIndicators, readServices } from './tables';
import { dataRelease } from './save';

export interface OpenedDataset {
  item: ProjectItem;
  d: StoredDataset;
  /** rows left out: their territory codes are not in the bundled data */
  dropped: number;
  codes: string[];
}
export interface OpenedSetting {
  item: ProjectItem & { kind: SettingKind };
  value: unknown;
  /** there is one here that applying would replace */
  replaces: boolean;
  dropped: number;
  codes: string[];
}
export interface ItemProblem {
  item: ProjectItem;
  reason: 'missing' | 'unreadable';
}
export interface Opened {
  manifest: Manifest;
  datasets: OpenedDataset[];
  settings: OpenedSetting[];
  problems: ItemProblem[];
  plan: PlanRow[];
  /** made on the data release bundled here */
  sameData: boolean;
}

type Meta = Record<string, unknown>;
const isObj = (x: unknown): x is Meta => !!x && typeof x === 'object' && !Array.isArray(x);

/** A dataset of the file as the store keeps it, its rows checked against the bundled codes. */
async function openDataset(
  item: ProjectItem,
  files: Record<string, Uint8Array>,
  known: (level: string, code: string) => boolean,
  createdAt: string,
): Promise<OpenedDataset | ItemProblem> {
  const bytes = files[item.file];
  const meta = item.meta ? jsonFile(files, item.meta) : null;
  if (!bytes || !isObj(meta)) return { item, reason: 'missing' };
  const original = item.original ? files[item.original] : undefined;
  const base = {
    id: item.id,
    name: item.name,
    fileName: typeof meta.fileName === 'string' ? meta.fileName : item.name,
    kind: item.kind as StoredDataset['kind'],
    importedOn: typeof meta.importedOn === 'string' ? meta.importedOn : createdAt,
    bytes: new Blob(original ? [original as Uint8Array<ArrayBuffer>] : []),
    ...(Array.isArray(meta.weighted) ? { weighted: meta.weighted.map(String) } : {}),
  };
  try {
    if (item.kind === 'indicators' && Array.isArray(meta.metas)) {
      const metas = (meta.metas as IndicatorMeta[]).filter((m) => isObj(m) && typeof m.id === 'string');
      const ids = new Set(metas.map((m) => m.id));
      const rows = (await readIndicators(bytes)).filter((r) => ids.has(r.indicator));
      const c = checkCodes(rows, (r) => r, known);
      return {
        item,
        d: { ...base, indicators: { metas, packed: packRows(c.kept) } },
        dropped: c.dropped,
        codes: c.codes,
      };
    }
    if (item.kind === 'services' && isObj(meta.layer) && typeof meta.layer.id === 'string') {
      const c = checkCodes(await readServices(bytes), (p) => ({ level: 'comune', code: p.comune_code }), known);
      const layer = { ...(meta.layer as unknown as ServiceLayer), points: c.kept, imported: true };
      return { item, d: { ...base, layer }, dropped: c.dropped, codes: c.codes };
    }
    if (item.kind === 'grouping' && isObj(meta.grouping) && typeof meta.grouping.id === 'string') {
      const c = checkCodes(await readGrouping(bytes), (m) => ({ level: 'comune', code: m.comune_code }), known);
      const g = meta.grouping as unknown as StoredGrouping;
      const names = new Map(c.kept.map((m) => [m.group_code, m.group_name]));
      const grouping: StoredGrouping = {
        id: g.id,
        label: g.label,
        source: g.source,
        members: c.kept.map((m) => [m.comune_code, m.group_code]),
        names: [...names],
      };
      return { item, d: { ...base, grouping }, dropped: c.dropped, codes: c.codes };
    }
  } catch {
    return { item, reason: 'unreadable' };
  }
  return { item, reason: 'unreadable' };
}

/** Read and check a project file; nothing is changed. Throws ProjectError for a file that is no project. */
export async function prepareProject(hub: Hub, bytes: Uint8Array): Promise<Opened> {
  const { manifest, files } = readProject(bytes);
  const { data, view } = hub;
  const store = datasets(hub);
  await Promise.all([data.loadFull(), store.restore()]);
  const codes = new Set(data.territories.map((t) => `${t.level}\u0001${t.code}`));
  const known = (level: string, code: string) => codes.has(`${level}\u0001${code}`);
  const out: Opened = { manifest, datasets: [], settings: [], problems: [], plan: [], sameData: false };
  for (const item of manifest.items) {
    if ((DATASET_KINDS as readonly string[]).includes(item.kind)) {
      const r = await openDataset(item, files, known, manifest.createdAt);
      if ('reason' in r) out.problems.push(r);
      else out.datasets.push(r);
      continue;
    }
    const value = jsonFile(files, item.file);
    if (value === null) {
      out.problems.push({ item, reason: 'missing' });
      continue;
    }
    const kind = item.kind as SettingKind;
    const s: OpenedSetting = { item: { ...item, kind }, value, replaces: false, dropped: 0, codes: [] };
    if (kind === 'view') s.replaces = true;
    if (kind === 'coefficient') s.replaces = !!view.cfg;
    if (kind === 'coverage') s.replaces = !!view.opts;
    if (kind === 'story') {
      try {
        s.value = validateStory(value);
      } catch {
        out.problems.push({ item, reason: 'unreadable' });
        continue;
      }
      s.replaces = keptStory() !== null;
    }
    if (kind === 'compare') {
      const c = isObj(value) ? value : {};
      const level = String(c.level ?? '');
      const check = checkCodes(Array.isArray(c.codes) ? c.codes.map(String) : [], (x) => ({ level, code: x }), known);
      s.value = { level, codes: check.kept };
      Object.assign(s, { dropped: check.dropped, codes: check.codes, replaces: view.compare.length > 0 });
    }
    out.settings.push(s);
  }
  const userIds = new Set(data.userIndicatorIds);
  out.plan = planDatasets(
    out.datasets.map((x) => ({ id: x.d.id, name: x.d.name, kind: x.d.kind, ids: ownIds(x.d) })),
    store.list.map((x) => ({ id: x.id, name: x.name, ids: ownIds(x) })),
    data.catalogue.filter((m) => !userIds.has(m.id)).map((m) => m.id),
  );
  out.sameData = manifest.dataRelease === (await dataRelease());
  return out;
}

/** The dataset under its new ids and name (kept beside one of this browser). */
function withIds(d: StoredDataset, id: string, name: string, ids: ReadonlyMap<string, string>): StoredDataset {
  const label = name === d.name ? null : { it: name, en: name };
  const out: StoredDataset = { ...d, id, name };
  if (d.indicators) {
    const { metas, packed } = d.indicators;
    out.indicators = {
      metas: metas.map((m) => ({ ...m, id: ids.get(m.id) ?? m.id })),
      packed: { ...packed, indicators: packed.indicators.map((x) => ids.get(x) ?? x) },
    };
  }
  if (d.layer)
    out.layer = {
      ...d.layer,
      id,
      label: label ?? d.layer.label,
      points: d.layer.points.map((p) => ({ ...p, layer: id })),
    };
  if (d.grouping) out.grouping = { ...d.grouping, id, label: label ?? d.grouping.label };
  return out;
}

export interface Applied {
  /** datasets added (kept beside, replacing or new) */
  added: number;
  /** the link to open for the chosen settings (null: none chosen) */
  url: string | null;
}

/** Apply the project as chosen: `choice` per dataset id ('add' / 'rename' / 'replace' / 'skip'), settings by kind. */
export async function applyProject(
  hub: Hub,
  opened: Opened,
  choice: ReadonlyMap<string, Action>,
  settings: ReadonlySet<SettingKind>,
): Promise<Applied> {
  const store = datasets(hub);
  const { data } = hub;
  const ids = new Map<string, string>();
  let added = 0;
  for (const x of opened.datasets) {
    const row = opened.plan.find((p) => p.id === x.d.id);
    const action = choice.get(x.d.id) ?? row?.actions[0] ?? 'skip';
    if (action === 'skip') continue;
    let d = x.d;
    if (action === 'replace' && row?.clash) await store.remove(row.clash.with.id);
    if (action === 'rename') {
      const taken = takenIds({
        indicators: data.catalogue.map((m) => m.id),
        layers: data.userServiceLayers.map((l) => l.id),
        groupings: data.userGroupings.map((g) => g.id),
        datasets: store.list.map((s) => s.id),
      });
      const r = renamed(
        { id: d.id, name: d.name, kind: d.kind, ids: ownIds(d) },
        taken,
        store.list.map((s) => s.name),
      );
      for (const [a, b] of r.ids) if (a !== b) ids.set(a, b);
      d = withIds(d, r.id, r.name, r.ids);
    }
    await store.add(d);
    added++;
  }
  const chosen = new Map<SettingKind, unknown>();
  for (const s of opened.settings) if (settings.has(s.item.kind)) chosen.set(s.item.kind, s.value);
  if (chosen.has('story')) remember(remapJson(chosen.get('story'), ids) as Story);
  chosen.delete('story');
  const url = chosen.size ? projectView(hub.view.snapshot(), chosen, ids) : null;
  return { added, url };
}

/** The `project` parameter of the page's original link (the atlas rewrites the URL once it has loaded). */
export function projectParam(): string | null {
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  const hrefs = [location.href, nav?.name].filter((h): h is string => !!h);
  return hrefs.map((h) => new URL(h).searchParams.get('project')).find((p) => !!p) ?? null;
}

let linkUsed = false;
/** The link's project, once per page (closing and opening the tool again does not reopen it). */
export function linkOnce(): string | null {
  if (linkUsed) return null;
  linkUsed = true;
  return projectParam();
}

/** A project file served beside the atlas (same origin only). */
export async function fetchProject(link: string): Promise<Uint8Array> {
  let u: URL;
  try {
    u = new URL(link, location.href);
  } catch {
    throw new ProjectError('bad_link', link);
  }
  if (u.origin !== location.origin) throw new ProjectError('other_origin', u.origin);
  let r: Response;
  try {
    r = await fetch(u, { credentials: 'same-origin' });
  } catch {
    throw new ProjectError('download', link);
  }
  if (!r.ok) throw new ProjectError('download', `${link} (HTTP ${r.status})`);
  return new Uint8Array(await r.arrayBuffer());
}
