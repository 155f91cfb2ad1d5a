/**
 * The import graph of `src/` and `data/build/` keeps to the floors (tests/architecture/floors.ts): no cycle
 * between files or between the floor table's folders, no import up a floor. The checker is tested first on a
 * small labelled fixture graph, so a broken checker cannot pass the real graph silently.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { check, cycles, resolve, specifiers } from './graph';
import { unitOf, type Floor } from './floors';

/**
 * Known violations in src/boot/** waiting for another engineer's part (issue 11); each line exactly as the
 * check prints it, with the reason. A line here that the check no longer finds fails too (remove it).
 */
const PENDING: readonly { violation: string; reason: string }[] = [];

const ROOT = path.resolve(import.meta.dirname, '../..');

function projectFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|svelte)$/.test(e.name)) files.set(p, fs.readFileSync(path.join(ROOT, p), 'utf8'));
    }
  };
  walk('src');
  walk('data/build');
  return files;
}

/** Every violation as one plain line. */
function lines(r: ReturnType<typeof check>): string[] {
  return [
    ...r.unassigned.map((f) => `no floor: ${f}`),
    ...r.upward.map((u) => `up a floor: ${u}`),
    ...r.fileCycles.map((c) => `file cycle: ${c.join(' ↔ ')}`),
    ...r.folderCycles.map((c) => `folder cycle: ${c.units.join(' ↔ ')}\n    ${c.edges.join('\n    ')}`),
  ];
}

describe('the checker (fixture graph, synthetic)', () => {
  const FIXTURE_FLOORS: Floor[] = [
    { floor: 0, name: 'low', paths: ['src/low/'] },
    { floor: 1, name: 'mid', paths: ['src/mid/', 'src/mid/special.ts'] },
    { floor: 2, name: 'top', paths: ['src/top/', 'pipe/'] },
  ];
  const files = new Map<string, string>([
    // fine: down a floor, a type import, a package
    ['src/mid/a.ts', "import { x } from '../low/x';\nimport type { T } from '../low/t';\nimport ts from 'typescript';"],
    ['src/low/x.ts', 'export const x = 1;'],
    ['src/low/t.ts', 'export type T = number;'],
    // up a floor, written as a dynamic import inside a .svelte script
    [
      'src/low/up.svelte',
      "<script lang=\"ts\">\n  const m = import('../top/view');\n</script>\n<p>import('../mid/a')</p>",
    ],
    ['src/top/view.ts', "export * from './more';"],
    ['src/top/more.ts', ''],
    // a file cycle in one folder (re-export ↔ worker URL with a query suffix)
    ['src/mid/c1.ts', "export { c2 } from './c2';"],
    ['src/mid/c2.ts', "const w = new URL('./c1.ts?worker', import.meta.url);"],
    // a folder cycle without a file cycle (mid/special.ts is its own unit), made by a type import;
    // and a cycle of type imports only, which is no file cycle
    ['src/mid/special.ts', "import { b } from './b';"],
    ['src/mid/b.ts', 'export const b = 1;'],
    ['src/mid/s2.ts', "import { type S } from './special';\nimport type { T } from './t1';"],
    ['src/mid/t1.ts', "import type { S2 } from './s2';"],
    // pipeline may import only floor 0 here
    ['pipe/run.ts', "import { a } from '../src/mid/a.ts';"],
    ['orphan/z.ts', ''],
  ]);
  const pipeMax = { 'pipe/': 0 };
  const r = check(files, FIXTURE_FLOORS, pipeMax);

  it('reads static, type, re-export, dynamic, URL and import-type specifiers (not text outside <script>)', () => {
    const names = (f: string) => specifiers(files.get(f)!, f).map((s) => s.spec + (s.typeOnly ? ' (type)' : ''));
    expect(names('src/low/up.svelte')).toEqual(['../top/view']);
    expect(names('src/mid/a.ts')).toEqual(['../low/x', '../low/t (type)', 'typescript']);
    expect(names('src/mid/c2.ts')).toEqual(['./c1.ts?worker']);
    expect(names('src/mid/s2.ts')).toEqual(['./special (type)', './t1 (type)']);
    expect(
      specifiers("type M = import('./m').M; export * as n from './n'; import d, { type e } from './d';", 'f.ts'),
    ).toEqual([
      { spec: './m', typeOnly: true },
      { spec: './n', typeOnly: false },
      { spec: './d', typeOnly: false },
    ]);
  });

  it('resolves relative specifiers: extension, .svelte.ts, index, query suffix; packages are not followed', () => {
    const have = new Set(['src/a/b.svelte.ts', 'src/i18n/index.ts', 'src/w.worker.ts']);
    const ex = (p: string) => have.has(p);
    expect(resolve('src/x/y.ts', '../a/b.svelte', ex)).toBe('src/a/b.svelte.ts');
    expect(resolve('src/x/y.ts', '../i18n', ex)).toBe('src/i18n/index.ts');
    expect(resolve('src/y.ts', './w.worker.ts?worker', ex)).toBe('src/w.worker.ts');
    expect(resolve('src/y.ts', 'maplibre-gl', ex)).toBeNull();
  });

  it('places a file on the longest entry that holds it', () => {
    expect(unitOf('src/mid/special.ts', FIXTURE_FLOORS)).toEqual({ unit: 'src/mid/special.ts', floor: 1 });
    expect(unitOf('src/mid/b.ts', FIXTURE_FLOORS)).toEqual({ unit: 'src/mid/', floor: 1 });
    expect(unitOf('orphan/z.ts', FIXTURE_FLOORS)).toBeNull();
  });

  it('finds the up-floor imports, the pipeline limit and the file without a floor', () => {
    expect(r.upward).toEqual([
      'pipe/run.ts → src/mid/a.ts (floor 2 → 1)',
      'src/low/up.svelte → src/top/view.ts (floor 0 → 2)',
    ]);
    expect(r.unassigned).toEqual(['orphan/z.ts']);
  });

  it('finds the file cycle and the folder cycle', () => {
    expect(r.fileCycles).toEqual([['src/mid/c1.ts', 'src/mid/c2.ts']]);
    expect(r.folderCycles).toEqual([
      {
        units: ['src/mid/', 'src/mid/special.ts'],
        edges: [
          'src/mid/ → src/mid/special.ts: src/mid/s2.ts → src/mid/special.ts',
          'src/mid/special.ts → src/mid/: src/mid/special.ts → src/mid/b.ts',
        ],
      },
    ]);
    expect(cycles([{ from: 'a', to: 'a' }])).toEqual([['a']]);
    expect(cycles([{ from: 'a', to: 'b' }])).toEqual([]);
  });
});

describe('the project (src/ and data/build/)', () => {
  const found = lines(check(projectFiles()));
  const pending = new Set(PENDING.map((p) => p.violation));

  it('PENDING lists only src/boot violations that still exist, each with a reason', () => {
    for (const p of PENDING) {
      expect(p.reason.length, p.violation).toBeGreaterThan(10);
      expect(p.violation.includes('src/boot/'), p.violation).toBe(true);
    }
    expect(PENDING.filter((p) => !found.includes(p.violation)).map((p) => p.violation)).toEqual([]);
  });

  it('no cycle, no import up a floor, no file without a floor', () => {
    expect(found.filter((l) => !pending.has(l))).toEqual([]);
  });
});
