/**
 * Input fingerprint: sha256 over the relative paths and contents of every file in data/raw, data/build, src/contract,
 * src/analytics (the territory profiles written ahead are its computation) and the packer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, OUT } from './paths.ts';

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export function inputHash(): string {
  const h = crypto.createHash('sha256');
  // the packed boundaries are written with the app's own code (src/core/geometry/topoPack.ts, topoBinary.ts)
  // and the tables with the contract's schemas (src/contract)
  const app = ['topoPack.ts', 'topoBinary.ts'].map((f) => path.join(ROOT, 'src', 'core', 'geometry', f));
  const files = [
    ...walk(path.join(ROOT, 'data', 'raw')),
    ...walk(path.join(ROOT, 'data', 'build')),
    ...walk(path.join(ROOT, 'src', 'contract')),
    ...walk(path.join(ROOT, 'src', 'analytics')),
    ...app,
  ]
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
    .sort();
  for (const f of files) {
    h.update(f + '\0');
    h.update(fs.readFileSync(path.join(ROOT, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

export const OUTPUTS = Object.values(OUT);
