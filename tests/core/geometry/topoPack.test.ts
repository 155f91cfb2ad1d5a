import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflatePacked, packTopology, unpackTopology } from '../../../src/core/geometry/topoPack';
import { decodeFlat, decodeTopology, flattenTopology, type TopologyLike } from '../../../src/core/geometry/topoBinary';

// Synthetic fixture (test data): two squares sharing an edge, one arc reversed, quantised.
const TOPO: TopologyLike = {
  type: 'Topology',
  transform: { scale: [0.5, 0.25], translate: [10, 40] },
  arcs: [
    [
      [2, 0],
      [0, 4],
    ], // shared edge (x = 11)
    [
      [2, 4],
      [-2, 0],
      [0, -4],
      [2, 0],
    ], // left square's other three sides
    [
      [2, 0],
      [2, 0],
      [0, 4],
      [-2, 0],
    ], // right square's other three sides
  ],
  objects: {
    territories: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { code: '001', name: 'Ovest' } },
        { type: 'Polygon', arcs: [[2, ~0]], properties: { code: '002', name: 'Est' } },
      ],
    },
  },
};
const ab = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

describe('packed topology (CTB1)', () => {
  it('round-trips to the same flat topology as the JSON', () => {
    const packed = packTopology(TOPO);
    expect(new TextDecoder().decode(packed.subarray(0, 4))).toBe('CTB1');
    const back = unpackTopology(ab(packed));
    const ref = flattenTopology(TOPO);
    expect(back.codes).toEqual(['001', '002']);
    expect(back.names).toEqual(['Ovest', 'Est']);
    expect(Array.from(back.arcXY)).toEqual(Array.from(ref.arcXY));
    expect(Array.from(back.refs)).toEqual([0, 1, 2, ~0]);
    expect(Array.from(back.ringRefs)).toEqual(Array.from(ref.ringRefs));
    // the left square, worked by hand: (11,40) (11,41) then arc 1 from its second point
    expect(Array.from(decodeFlat(back).positions.subarray(0, 10))).toEqual([11, 40, 11, 41, 10, 41, 10, 40, 11, 40]);
  });

  it('stores small numbers in one byte each (zigzag varints)', () => {
    const packed = packTopology(TOPO);
    const headerLen = new DataView(packed.buffer, packed.byteOffset).getUint32(4, true);
    // 3 arc lengths + 20 coordinates + 2 + 2 + 2 counts + 4 references, all small
    expect(packed.length - 8 - headerLen).toBe(3 + 20 + 2 + 2 + 2 + 4);
  });

  it('refuses a topology that is not quantised, and corrupt or truncated files, in plain words', () => {
    expect(() => packTopology({ ...TOPO, transform: undefined })).toThrow(/quantised/);
    const packed = packTopology(TOPO);
    expect(() => unpackTopology(ab(packed.subarray(0, packed.length - 3)), 'geo/x.ctb')).toThrow(
      /geo\/x\.ctb: truncated/,
    );
    const extra = new Uint8Array(packed.length + 1);
    extra.set(packed);
    expect(() => unpackTopology(ab(extra), 'geo/x.ctb')).toThrow(/left over/);
    expect(() => unpackTopology(ab(new TextEncoder().encode('{"type":"Topology"}')), 'geo/x.ctb')).toThrow(
      /not a packed topology/,
    );
  });

  it('reads the file whether the host sent it compressed or the browser already inflated it', async () => {
    const packed = packTopology(TOPO);
    const gz = zlib.gzipSync(packed);
    expect(new Uint8Array(await inflatePacked(ab(gz)))).toEqual(packed);
    expect(new Uint8Array(await inflatePacked(ab(packed)))).toEqual(packed);
  });

  const file = path.resolve('public/geo/comuni.ctb.gz');
  it.runIf(fs.existsSync(file))(
    'the built comuni.ctb.gz decodes to exactly the boundaries of comuni.topo.json',
    async () => {
      const packed = await inflatePacked(ab(fs.readFileSync(file)));
      const d = decodeFlat(unpackTopology(packed));
      const ref = decodeTopology(JSON.parse(fs.readFileSync('public/geo/comuni.topo.json', 'utf8')));
      expect(d.codes).toEqual(ref.codes);
      expect(d.names).toEqual(ref.names);
      expect(Buffer.from(d.positions.buffer).equals(Buffer.from(ref.positions.buffer))).toBe(true);
      expect(Array.from(d.ringStarts)).toEqual(Array.from(ref.ringStarts));
    },
  );
});
