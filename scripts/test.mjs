// The whole test suite, as the README and CI run it: data (if stale), type check, build, unit + DuckDB
// tests, lint and format, end-to-end tests in Chromium. Ends with one plain line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

fs.mkdirSync('.cache', { recursive: true });
const step = (title, cmd, args) => {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
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
// The machine is rarely busy on both cores for long (the e2e tests wait on Chromium's frames and timers, the
// build on files): the end-to-end tests start as soon as the build is there and run beside the type check,
// lint, format and unit tests. A background step's output is kept and printed, whole, when it ends.
const background = (title, cmd, args) => {
  const started = Date.now();
  return new Promise((resolve) => {
    let out = '';
    const c = spawn(cmd, args, { shell: false, env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (out += d));
    c.on('close', (code) =>
      resolve({ ok: code === 0, out, title: `${title}: ${cmd} ${args.join(' ')}`, s: (Date.now() - started) / 1000 }),
    );
  });
};
const print = (r) => console.log(`\n▶ ${r.title} (${r.s.toFixed(0)} s, in the background)\n${r.out}`);

const checking = background('type check', npx, [
  'svelte-check',
  '--tsconfig',
  './tsconfig.json',
  '--fail-on-warnings=false',
]);
const built = step('build', npx, ['vite', 'build', '--logLevel', 'warn']);
if (!built) failed += 1;
const e2e = built
  ? background('end-to-end tests in Chromium', npx, [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=.cache/e2e.json',
    ])
  : null;

// lint and format: ESLint (typescript-eslint, eslint-plugin-svelte) and Prettier, no warning allowed
const linted = step('lint', npx, ['eslint', '--max-warnings', '0', '.']);
const formatted = step('format', npx, ['prettier', '--check', '--log-level', 'warn', '.']);
if (!linted) failed += 1;
if (!formatted) failed += 1;
ok = linted && formatted && ok;

const checked = await checking;
print(checked);
if (!checked.ok) failed += 1;
ok = checked.ok && ok;

step('unit, pipeline and DuckDB tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=.cache/unit.json',
]);
count('.cache/unit.json');
if (e2e) {
  print(await e2e);
  count('.cache/e2e.json');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && ok && built ? 0 : 1);
