/** Writing the CLI's CSV: to a file (written to a temporary file, then renamed) or to stdout with "-". */
import fs from 'node:fs';
import path from 'node:path';

export function writeText(out: string, text: string): void {
  if (out === '-') {
    process.stdout.write(text);
    return;
  }
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new Error(`cannot write ${out}: folder ${dir} does not exist`);
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text, 'utf8');
  fs.renameSync(tmp, out);
}
