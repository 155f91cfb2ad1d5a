/**
 * THE FLOORS: every file of `src/` and `data/build/` sits on one floor; an import may go to the same floor
 * (without forming a cycle, between files or between the folders below) or down, never up.
 * ARCHITECTURE.md quotes this table; `imports.test.ts` enforces it.
 */
export interface Floor {
  floor: number;
  name: string;
  /** folders (ending in '/') or single files; a file belongs to the longest entry that holds it */
  paths: readonly string[];
}

export const FLOORS: readonly Floor[] = [
  { floor: 0, name: 'contract', paths: ['src/contract/'] },
  {
    floor: 1,
    name: 'core',
    paths: ['src/analytics/', 'src/charts/', 'src/import/core/', 'src/i18n/', 'src/core/'],
  },
  { floor: 2, name: 'io', paths: ['src/db/', 'src/io/', 'src/offline/sw.ts'] },
  {
    floor: 3,
    name: 'app',
    paths: ['src/boot/', 'src/state/', 'src/map/', 'src/ui/', 'src/modes/', 'src/offline/offline.svelte.ts'],
  },
  {
    floor: 4,
    name: 'features',
    paths: [
      'src/coefficient/',
      'src/coverage/',
      'src/compare/',
      'src/priority/',
      'src/profile/',
      'src/story/',
      'src/export/',
      'src/import/',
      'src/sql/',
      'src/grouping/',
      'src/network/',
      'src/survey/',
      'src/spatial/',
      'src/project/',
    ],
  },
  {
    floor: 5,
    name: 'entry',
    paths: ['src/App.svelte', 'src/app.ts', 'src/main.ts', 'src/features.ts', 'src/cli/', 'data/build/'],
  },
];

/** The pipeline is on the entry floor but may import only the contract and core floors. */
export const PIPELINE_MAX_FLOOR: Record<string, number> = { 'data/build/': 1 };

export interface Unit {
  /** the table entry (folder or file) the file belongs to */
  unit: string;
  floor: number;
}

/** The floor entry of a file (path relative to the project root, '/' separators), or null if it has none. */
export function unitOf(file: string, floors: readonly Floor[] = FLOORS): Unit | null {
  let best: Unit | null = null;
  for (const f of floors)
    for (const p of f.paths) {
      const hit = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (hit && (!best || p.length > best.unit.length)) best = { unit: p, floor: f.floor };
    }
  return best;
}
