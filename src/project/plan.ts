/**
 * What opening a project would do, before anything is applied (pure): which of its datasets clash with one
 * already in this browser (same id, same name, or an id of one of its indicators, layer or grouping taken),
 * what each one may do (keep both with new ids and name — the default —, replace the one here, or skip), the
 * new ids of a renamed dataset (and the same renaming in the settings and stories that name them), and the
 * rows whose territory codes the bundled data no longer has (left out, counted and listed; the rest kept).
 */
import { uniqueIds } from '../import/core/ids';
import type { DatasetKind } from './format';

export type Action = 'add' | 'rename' | 'replace' | 'skip';

/** A dataset of the project, as the plan needs it. */
export interface Incoming {
  id: string;
  name: string;
  kind: DatasetKind;
  /** every id it would create: its own, its indicators', its layer's or grouping's (and members table) */
  ids: string[];
}

/** A dataset already in this browser. */
export interface Existing {
  id: string;
  name: string;
  ids: string[];
}

export interface Clash {
  /** the dataset here it clashes with */
  with: { id: string; name: string };
  by: 'id' | 'name' | 'ids';
}

export interface PlanRow {
  id: string;
  name: string;
  clash: Clash | null;
  /** what the user may choose; the first is the default (never a silent replacement) */
  actions: Action[];
}

const norm = (s: string) => s.trim().toLowerCase();

export function planDatasets(
  items: readonly Incoming[],
  here: readonly Existing[],
  builtIn: Iterable<string>,
): PlanRow[] {
  const builtInIds = new Set(builtIn);
  return items.map((it) => {
    const byId = here.find((e) => e.id === it.id);
    const byName = here.find((e) => norm(e.name) === norm(it.name));
    const byIds = here.find((e) => it.ids.some((x) => e.ids.includes(x)));
    const hit = byId ?? byName ?? byIds;
    const clash: Clash | null = hit
      ? { with: { id: hit.id, name: hit.name }, by: byId ? 'id' : byName ? 'name' : 'ids' }
      : null;
    // an id the built-in data already uses can only be renamed (the bundled data is never replaced)
    const builtInClash = it.ids.some((x) => builtInIds.has(x));
    const actions: Action[] = clash
      ? ['rename', 'replace', 'skip']
      : builtInClash
        ? ['rename', 'skip']
        : ['add', 'skip'];
    return { id: it.id, name: it.name, clash, actions };
  });
}

/** The new ids and name of a dataset kept beside one already here: the first free suffix (`_2`…, `(2)`…). */
export function renamed(
  it: Incoming,
  taken: Iterable<string>,
  names: Iterable<string>,
): { id: string; name: string; ids: Map<string, string> } {
  const used = new Set(taken);
  const members = (x: string) => `${x}_members`;
  let id = it.id;
  for (let k = 2; used.has(id) || used.has(members(id)); k++) id = `${it.id}_${k}`;
  used.add(id);
  const ids = new Map<string, string>([[it.id, id]]);
  if (it.ids.includes(members(it.id))) ids.set(members(it.id), members(id));
  const rest = it.ids.filter((x) => x !== it.id && x !== members(it.id));
  for (const p of uniqueIds(rest, used)) ids.set(p.wanted, p.id);
  const nameSet = new Set([...names].map(norm));
  let name = it.name;
  for (let k = 2; nameSet.has(norm(name)); k++) name = `${it.name} (${k})`;
  return { id, name, ids };
}

/** Every id inside a string replaced by its new one (whole ids only: `user_a` is not `user_ab`). */
export function remapText(s: string, ids: ReadonlyMap<string, string>): string {
  if (!ids.size) return s;
  const keys = [...ids.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[^a-z0-9_]/g, ''));
  const re = new RegExp(`(?<![A-Za-z0-9_])(${keys.join('|')})(?![A-Za-z0-9_])`, 'g');
  return s.replace(re, (m) => ids.get(m) ?? m);
}

/** The same renaming in a JSON value (a configuration, the coverage settings, a story): every string, deep. */
export function remapJson<T>(x: T, ids: ReadonlyMap<string, string>): T {
  if (!ids.size) return x;
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? remapText(v, ids)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, w]) => [k, walk(w)]))
          : v;
  return walk(x) as T;
}

/** Rows whose territory code the bundled data no longer has: left out, counted, the codes listed. */
export interface CodeCheck<R> {
  kept: R[];
  dropped: number;
  /** the missing codes, sorted (each once) */
  codes: string[];
}

/**
 * Keep the rows whose code is known (`known(level, code)`); a row without a code (a service point placed by
 * its coordinates only) is kept.
 */
export function checkCodes<R>(
  rows: readonly R[],
  codeOf: (r: R) => { level: string; code: string | null },
  known: (level: string, code: string) => boolean,
): CodeCheck<R> {
  const kept: R[] = [];
  const missing = new Set<string>();
  let dropped = 0;
  for (const r of rows) {
    const { level, code } = codeOf(r);
    if (code === null || known(level, code)) kept.push(r);
    else {
      dropped++;
      missing.add(code);
    }
  }
  return { kept, dropped, codes: [...missing].sort() };
}
