/** Rebuild only when an output is missing or the inputs (data/raw + data/build) changed since the last build. */
import fs from 'node:fs';
import { STAMP } from './paths.ts';
import { inputHash, OUTPUTS } from './stamp.ts';
import { build } from './index.ts';

const missing = OUTPUTS.filter((f) => !fs.existsSync(f));
let recorded: string | null = null;
try {
  recorded = JSON.parse(fs.readFileSync(STAMP, 'utf8')).inputs_sha256 ?? null;
} catch {
  recorded = null;
}
const current = inputHash();
if (missing.length === 0 && recorded === current) {
  console.log(`data: up to date (inputs sha256 ${current.slice(0, 12)}), nothing to rebuild`);
} else {
  console.log(
    missing.length ? `data: ${missing.length} output(s) missing, rebuilding` : 'data: inputs changed, rebuilding',
  );
  build().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
