/** Reading a boundary file into the flat topology the weights need (TopoJSON, or packed `.ctb(.gz)`). */
import { flattenTopology, type FlatTopology, type TopologyLike } from '../core/geometry/topoBinary';
import { inflatePacked, unpackTopology } from '../core/geometry/topoPack';

export async function readTopology(bytes: ArrayBuffer, file: string): Promise<FlatTopology> {
  if (/\.ctb(\.gz)?$/.test(file)) return unpackTopology(await inflatePacked(bytes), file);
  let json: TopologyLike;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as TopologyLike;
  } catch (e) {
    throw new Error(`${file} is not valid TopoJSON: ${(e as Error).message}`);
  }
  return flattenTopology(json, 'territories', file);
}
