/**
 * No source file over 300 lines without a one-line reason at its top (issue 11): its first line is a comment
 * "Over 300 lines: <why>". The checker is tried on labelled fixture texts first, so it cannot pass by accident.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const MAX_LINES = 300;
const REASON = /^(\/\/|<!--) Over 300 lines: .{12,}/;
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['src', 'data/build', 'tests', 'bench', 'scripts'];
const SKIP = ['tests/fixtures', 'bench/.work'];

/** The files over the limit whose first line gives no reason. */
export function withoutReason(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const lines = text.split('\n');
    const n = text.endsWith('\n') ? lines.length - 1 : lines.length;
    if (n > MAX_LINES && !REASON.test(lines[0])) out.push(`${file}: ${n} lines, no "Over 300 lines: …" first line`);
  }
  return out;
}

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (SKIP.includes(dir)) return;
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|svelte|mjs|js)$/.test(e.name)) files.set(p, fs.readFileSync(path.join(ROOT, p), 'utf8'));
    }
  };
  for (const d of DIRS) walk(d);
  return files;
}

describe('file length', () => {
  it('the checker (labelled fixture texts): a long file needs its reason on the first line', () => {
    const long = (first: string) => [first, ...Array.from({ length: 300 }, () => 'x;')].join('\n') + '\n';
    const files = new Map([
      ['short.ts', 'x;\n'.repeat(300)],
      ['reasoned.ts', long('// Over 300 lines: one table of data, not logic.')],
      ['reasoned.svelte', long('<!-- Over 300 lines: markup and styles of one dialog. -->')],
      ['bare.ts', long('// a long file')],
      ['empty-reason.ts', long('// Over 300 lines:')],
      ['second-line.ts', long('import x;').replace('import x;\n', 'import x;\n// Over 300 lines: too late.\n')],
    ]);
    expect(withoutReason(files)).toEqual([
      'bare.ts: 301 lines, no "Over 300 lines: …" first line',
      'empty-reason.ts: 301 lines, no "Over 300 lines: …" first line',
      'second-line.ts: 302 lines, no "Over 300 lines: …" first line',
    ]);
  });

  it('every file over 300 lines in src/, data/build/, tests/, bench/ and scripts/ says why at its top', () => {
    expect(withoutReason(sources())).toEqual([]);
  });
});
