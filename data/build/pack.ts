/**
 * The comune boundaries packed for the app's first map (src/core/geometry/topoPack.ts), gzip-compressed so that
 * they are small on any static host. The build fails if the packed form does not decode to exactly the
 * boundaries of the TopoJSON it came from.
 */
import zlib from 'node:zlib';
import { DataError } from './csv.ts';
import { packTopology, unpackTopology } from '../../src/core/geometry/topoPack.ts';
import { decodeFlat, decodeTopology, type TopologyLike } from '../../src/core/geometry/topoBinary.ts';

export function packComuni(topoJson: string): { gz: Buffer; features: number } {
  const topo = JSON.parse(topoJson) as TopologyLike;
  const packed = packTopology(topo);
  const ref = decodeTopology(topo, 'territories', 'comuni.topo.json');
  const back = decodeFlat(
    unpackTopology(
      packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.length) as ArrayBuffer,
      'comuni.ctb',
    ),
    'comuni.ctb',
  );
  const same =
    back.length === ref.length &&
    back.codes.every((c, i) => c === ref.codes[i]) &&
    back.names.every((n, i) => n === ref.names[i]) &&
    Buffer.from(back.positions.buffer).equals(Buffer.from(ref.positions.buffer)) &&
    Buffer.from(back.ringStarts.buffer).equals(Buffer.from(ref.ringStarts.buffer)) &&
    Buffer.from(back.featureRings.buffer).equals(Buffer.from(ref.featureRings.buffer));
  if (!same)
    throw new DataError(
      'public/geo/comuni.ctb.gz: the packed comuni do not decode to the same boundaries as comuni.topo.json',
    );
  // level 9, no file name or time in the header: the same input gives the same bytes
  return { gz: zlib.gzipSync(packed, { level: 9 }), features: ref.length };
}
