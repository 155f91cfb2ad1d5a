/**
 * The built-in groupings in the app (src/grouping/builtin.ts): a group's name follows the interface's language,
 * members and ids do not change. SYNTHETIC entry in the file's shape (a labelled fixture).
 */
import { describe, expect, it, vi } from 'vitest';
import type { BuiltInGroupingEntry } from '../../src/contract/groupings';

vi.mock('../../src/db/duckdb', () => ({ getDb: vi.fn() }));
const { DataStore } = await import('../../src/state/data.svelte');
const { fromEntry, loadBuiltInGroupings, relabelBuiltIns } = await import('../../src/grouping/builtin');

const ENTRY: BuiltInGroupingEntry = {
  id: 'fixture_classes',
  label: { it: 'Classi (fixture)', en: 'Classes (fixture)' },
  source: { it: 'fonte', en: 'source' },
  reference_date: '2020',
  licence: 'test',
  groups: [
    { code: 'A', name: 'A – Polo', name_en: 'A – Pole', comuni: ['900001', '900002'] },
    { code: 'E', name: 'E – Periferico', name_en: '', comuni: ['900003'] },
  ],
};

describe('built-in groupings', () => {
  it('names the groups in the language asked for; without an English name, the published Italian one', () => {
    expect([...fromEntry(ENTRY, 'it').names]).toEqual([
      ['A', 'A – Polo'],
      ['E', 'E – Periferico'],
    ]);
    const en = fromEntry(ENTRY, 'en');
    expect([...en.names]).toEqual([
      ['A', 'A – Pole'],
      ['E', 'E – Periferico'],
    ]);
    expect([...en.members]).toEqual([
      ['900001', 'A'],
      ['900002', 'A'],
      ['900003', 'E'],
    ]);
  });

  it('relabels the loaded groupings when the language changes, and leaves an imported one alone', async () => {
    const data = new DataStore();
    const imported = { ...fromEntry({ ...ENTRY, id: 'mine' }), builtIn: undefined };
    data.userGroupings = [imported];
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify([ENTRY])));
    await loadBuiltInGroupings(data, 'it');
    vi.unstubAllGlobals();
    expect(data.nameOf('comune', 'A', 'fixture_classes')).toBe('A – Polo');
    relabelBuiltIns(data, 'en');
    expect(data.nameOf('comune', 'A', 'fixture_classes')).toBe('A – Pole');
    expect(data.userGroupings[0]).toBe(imported);
    // same language again: nothing is reassigned (no needless re-derivation)
    const before = data.userGroupings;
    relabelBuiltIns(data, 'en');
    expect(data.userGroupings).toBe(before);
    relabelBuiltIns(data, 'it');
    expect(data.nameOf('comune', 'A', 'fixture_classes')).toBe('A – Polo');
  });
});
