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
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(comp.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(comp.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + comp.length, 16);
  return new Uint8Array(Buffer.concat([local, name, comp, central, name, end]));
}
