// Helpers of the CLI tests: run a command-line tool of src/cli as `npm run <tool>` does, and a fresh folder for its files.
import { expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `tool(...args)` runs src/cli/<name>.ts through tsx and gives its exit code and output: one Node process with
 * tsx's loader (`node --import tsx`), the same code as `npx tsx` runs, without npx's and tsx's own launcher
 * processes (two more Node starts per run: ~0.5 s each time, ~40 runs in the CLI tests).
 */
export function cliTool(name: string, opts: { cwd?: string } = {}) {
  return (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      cwd: opts.cwd,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

/** A new temporary folder (its name starts with `prefix`). */
export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * Run the tool twice with the same words, writing `a.<ext>` then `b.<ext>` in `dir` (`words(out)`; the first run
 * may add `extra`): both must succeed and write the same bytes. The two results, the first file and its bytes.
 */
export function runTwice(
  tool: ReturnType<typeof cliTool>,
  dir: string,
  ext: string,
  words: (out: string) => string[],
  extra: string[] = [],
) {
  const a = path.join(dir, `a.${ext}`);
  const b = path.join(dir, `b.${ext}`);
  const r1 = tool(...words(a), ...extra);
  const r2 = tool(...words(b));
  expect(r1.code, r1.stderr).toBe(0);
  expect(r2.code, r2.stderr).toBe(0);
  const bytes = fs.readFileSync(a);
  expect(bytes.equals(fs.readFileSync(b))).toBe(true);
  return { r1, r2, a, bytes };
}
