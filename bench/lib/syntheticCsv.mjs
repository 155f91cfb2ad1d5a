// SYNTHETIC import input for the import figures: real comune codes from the built territories.parquet,
// invented deterministic values, `rows` rows, every comune once per year from `firstYear`.
import fs from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';

export async function syntheticCsv(root, rows, firstYear) {
  const buf = fs.readFileSync(path.join(root, 'data/territories.parquet'));
  const territories = await parquetReadObjects({
    file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
    columns: ['level', 'code'],
  });
  const codes = territories.filter((r) => r.level === 'comune').map((r) => r.code);
  const lines = ['comune_code,anno,conteggio,quota'];
  for (let i = 0; i < rows; i++) {
    const code = codes[i % codes.length];
    const year = firstYear + Math.floor(i / codes.length);
    lines.push(`${code},${year},${(i * 7919) % 10007},${(((i * 104729) % 100003) / 1000).toFixed(3)}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}
