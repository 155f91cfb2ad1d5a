// `npm run test:e2e [files…]`: build the app (dist/), then the end-to-end tests in Chromium — all of them, or the
// files named (e.g. `npm run test:e2e tests/e2e/atlas.e2e.ts`). The data must be built (`npm run data:ensure`).
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args) => spawnSync(npx, args, { stdio: 'inherit', shell: false }).status ?? 1;

const built = run(['vite', 'build', '--logLevel', 'warn']);
process.exit(
  built !== 0 ? built : run(['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]),
);
