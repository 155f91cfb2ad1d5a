/** Test helper (Node): a synthetic Excel zip bomb. */
import { createDeflateRaw } from 'node:zlib';

/**
 * A real zip bomb: one entry, xl/worksheets/sheet1.xml, `size` spaces deflated (a few MB), with its true
 * sizes in the headers (the CRC is left 0: the file is refused before anything is unpacked).
 */
export async function zipBomb(size: number): Promise<Uint8Array> {
  const d = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(4 * 1024 * 1024, 0x20);
  for (let i = 0; i < size / chunk.length; i++) d.write(chunk);
  d.end();
  await new Promise((r) => d.on('end', r));
  const comp = Buffer.concat(out);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  // [offset, bytes, value] of each field of a zip record
  const record = (length: number, fields: [number, 2 | 4, number][]) => {
    const b = Buffer.alloc(length);
    for (const [at, bytes, v] of fields) bytes === 4 ? b.writeUInt32LE(v, at) : b.writeUInt16LE(v, at);
    return b;
  };
  const local = record(30, [
    [0, 4, 0x04034b50],
    [4, 2, 20],
    [8, 2, 8],
    [18, 4, comp.length],
    [22, 4, size],
    [26, 2, name.length],
  ]);
  const central = record(46, [
    [0, 4, 0x02014b50],
    [4, 2, 20],
    [6, 2, 20],
    [10, 2, 8],
    [20, 4, comp.length],
    [24, 4, size],
    [28, 2, name.length],
  ]);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, 1],
    [10, 2, 1],
    [12, 4, 46 + name.length],
    [16, 4, 30 + name.length + comp.length],
  ]);
  return new Uint8Array(Buffer.concat([local, name, comp, central, name, end]));
}
