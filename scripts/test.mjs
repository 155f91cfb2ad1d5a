// The whole test suite, as the README and CI run it: data (if stale), type check, build, unit + DuckDB
// tests, lint and format, end-to-end tests in Chromium. Ends with one plain line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

fs.mkdirSync('.cache', { recursive: true });
const started = Date.now();
const seconds = (t) => `${Math.round((Date.now() - t) / 1000)} s`;
const step = (title, cmd, args) => {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  console.log(`◀ ${title}: ${seconds(t)}`);
  return r.status === 0;
};
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let passed = 0;
let failed = 0;
const count = (file) => {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += j.numPassedTests ?? 0;
    failed += (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
  } catch {
    failed += 1;
    console.error(`no results in ${file}: the runner did not finish`);
  }
};

let ok = step('data (build if missing or stale)', npx, ['tsx', 'data/build/ensure.ts']);
if (!ok) failed += 1;
// the type check and the build at once (two cores): the type check's output is printed when it ends
console.log(`\n▶ type check and build: ${npx} svelte-check … | ${npx} vite build`);
const checkStart = Date.now();
const checking = new Promise((resolve) => {
  let out = '';
  const c = spawn(npx, ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings=false'], { shell: false });
  c.stdout.on('data', (d) => (out += d));
  c.stderr.on('data', (d) => (out += d));
  c.on('close', (code) => resolve({ ok: code === 0, out, took: seconds(checkStart) }));
});
const built = step('build', npx, ['vite', 'build', '--logLevel', 'warn']);
if (!built) failed += 1;
const checked = await checking;
console.log(
  `\n▶ type check: ${npx} svelte-check --tsconfig ./tsconfig.json\n${checked.out}◀ type check: ${checked.took}`,
);
if (!checked.ok) failed += 1;
ok = checked.ok && ok;

// lint and format: ESLint (typescript-eslint, eslint-plugin-svelte) and Prettier, no warning allowed. Both keep
// a cache in .cache/ keyed by each file's content (and their configuration): a second run checks only the files
// that changed (measured: ESLint 15 → 2 s, Prettier 14 → 2 s); a fresh clone checks everything.
const cached = (tool) => ['--cache', '--cache-strategy', 'content', '--cache-location', `.cache/${tool}`];
const linted = step('lint', npx, ['eslint', '--max-warnings', '0', ...cached('eslint'), '.']);
const formatted = step('format', npx, ['prettier', '--check', '--log-level', 'warn', ...cached('prettier'), '.']);
if (!linted) failed += 1;
if (!formatted) failed += 1;
ok = linted && formatted && ok;

step('unit, pipeline and DuckDB tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=.cache/unit.json',
]);
count('.cache/unit.json');
if (built) {
  step('end-to-end tests in Chromium', npx, [
    'vitest',
    'run',
    '--config',
    'vitest.e2e.config.ts',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=.cache/e2e.json',
  ]);
  count('.cache/e2e.json');
}
console.log(`\nwhole suite: ${seconds(started)}\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && ok && built ? 0 : 1);
