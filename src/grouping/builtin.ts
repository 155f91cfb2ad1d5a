/**
 * The built-in groupings (public/data/groupings.json, src/contract/groupings.ts): Aree Interne 2020 classes and
 * SNAI project areas, offered beside the imported groupings with their source and date. Downloaded once after
 * the first map; their members table reaches DuckDB the first time a view needs it.
 */
import { DATA_FILES, type BuiltInGroupingEntry } from '../contract';
import type { Grouping } from '../core/userData';
import { writeMembersTable } from '../db/queries/groupingMembers';
import type { WasmDb } from '../db/duckdb';
import type { DataStore } from '../state/data.svelte';

type Lang = 'it' | 'en';
/** a group's name in the interface's language (the published Italian one when there is no English) */
const nameIn = (g: BuiltInGroupingEntry['groups'][number], lang: Lang) => (lang === 'en' && g.name_en) || g.name;

/** One entry of the file as a grouping (the shape of an imported one, with `builtIn`), its names in `lang`. */
export function fromEntry(e: BuiltInGroupingEntry, lang: Lang = 'it'): Grouping {
  const members = new Map<string, string>();
  const names = new Map<string, string>();
  for (const g of e.groups) {
    names.set(g.code, nameIn(g, lang));
    for (const c of g.comuni) members.set(c, g.code);
  }
  return {
    id: e.id,
    label: e.label,
    source: e.source.it,
    members,
    names,
    builtIn: { source: e.source, reference_date: e.reference_date, licence: e.licence },
  };
}

const loaded = new WeakMap<DataStore, BuiltInGroupingEntry[]>();

/** Download the built-in groupings and add them to the store (after any imported ones of the same id: kept). */
export async function loadBuiltInGroupings(data: DataStore, lang: Lang = 'it', base = './'): Promise<void> {
  try {
    const r = await fetch(base + DATA_FILES.groupings);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const entries = (await r.json()) as BuiltInGroupingEntry[];
    loaded.set(data, entries);
    const taken = new Set(data.userGroupings.map((g) => g.id));
    data.userGroupings = [
      ...data.userGroupings,
      ...entries.filter((e) => !taken.has(e.id)).map((e) => fromEntry(e, lang)),
    ];
  } catch (e) {
    data.fail(`${DATA_FILES.groupings}: ${(e as Error).message}`);
  }
}

/** The built-in groups' names in the language the interface switched to (members and ids unchanged). */
export function relabelBuiltIns(data: DataStore, lang: Lang): void {
  const entries = loaded.get(data);
  if (!entries) return;
  const byId = new Map(entries.map((e) => [e.id, e]));
  let changed = false;
  const next = data.userGroupings.map((g) => {
    const e = g.builtIn ? byId.get(g.id) : undefined;
    if (!e) return g;
    const names = new Map(e.groups.map((x) => [x.code, nameIn(x, lang)]));
    if ([...names].every(([c, n]) => g.names.get(c) === n)) return g;
    changed = true;
    return { ...g, names };
  });
  if (changed) data.userGroupings = next;
}

const inDb = new WeakMap<WasmDb, Map<string, Promise<void>>>();

/** A built-in grouping's members table in DuckDB (`<id>_members`, as an imported grouping has), made once. */
export function ensureMembers(db: WasmDb, data: DataStore, id: string): Promise<void> {
  const g = data.userGroupings.find((x) => x.id === id);
  if (!g?.builtIn) return Promise.resolve();
  let made = inDb.get(db);
  if (!made) inDb.set(db, (made = new Map()));
  let p = made.get(id);
  if (!p) {
    p = writeMembersTable(db, id, g.members, g.names);
    made.set(id, p);
  }
  return p;
}
