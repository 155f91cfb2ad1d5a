/// <reference lib="webworker" />
/**
 * Decode boundaries (TopoJSON, or the packed form of topoPack.ts) and triangulate them off the main
 * thread, in two messages: the rings first (enough for the 2D first paint), then the triangles (the WebGL layer).
 */
import {
  decodeFlat,
  decodeTopology,
  triangulate,
  type DecodedBoundaries,
  type TopologyLike,
} from '../core/geometry/topoBinary';
import { inflatePacked, unpackTopology } from '../core/geometry/topoPack';
import { transferables } from '../core/geometry/binary';
import { featurePaths, refProjection } from './prepaint';
import type { GeometryStart } from '../contract/firstPicture';

const post = (m: unknown, t: Transferable[] = []) => (self as unknown as Worker).postMessage(m, t);

/** name: the file as the user knows it; url: where to fetch it; packed: a gzip-compressed packed
 * topology (topoPack.ts), else TopoJSON (the message index.html's inline script sends too) */
type Job = GeometryStart;

async function decode({ name, url, packed }: Job): Promise<DecodedBoundaries> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`${name}: could not be downloaded (${(e as Error).message})`);
  }
  if (!res.ok) throw new Error(`${name}: could not be downloaded (HTTP ${res.status})`);
  const body = res.body;
  if (!body) throw new Error(`${name}: empty response`);
  if (packed) {
    const raw = await inflatePacked(await new Response(body).arrayBuffer());
    return decodeFlat(unpackTopology(raw, name), name);
  }
  return decodeTopology(JSON.parse(await new Response(body).text()) as TopologyLike, 'territories', name);
}

let go: (() => void) | null = null;
let triangulateNow = false;
/** the app says when MapLibre starts (the triangles are for it); a few seconds at most */
const trianglesWanted = () =>
  triangulateNow ? Promise.resolve() : new Promise<void>((r) => ((go = r), setTimeout(r, 3000)));

self.onmessage = async (e: MessageEvent<Job | { triangulate: true }>) => {
  if ('triangulate' in e.data) {
    triangulateNow = true;
    go?.();
    return;
  }
  try {
    const d = await decode(e.data);
    // the path of every comune for the first picture, at once, in the reference projection: the page
    // does not know its map's size yet, and moves them into its view with a transform (prepaint.ts)
    post({ ok: true, phase: 'paths', paths: featurePaths(d, refProjection()) });
    // the rings go as copies: this side keeps its own to triangulate
    const rings = {
      ...d,
      positions: d.positions.slice(),
      startIndices: d.startIndices.slice(),
      ringStarts: d.ringStarts.slice(),
      featureRings: d.featureRings.slice(),
      bbox: d.bbox.slice(),
      polygonRings: d.polygonRings.slice(),
    };
    post({ ok: true, phase: 'rings', binary: rings }, transferables(rings));
    // the triangles are needed only once MapLibre starts, after the first picture (meanwhile the
    // picture's view may arrive: its paths are computed then, see the 'view' message)
    await trianglesWanted();
    const indices = triangulate(d);
    post({ ok: true, phase: 'triangles', indices }, [indices.buffer]);
  } catch (err) {
    post({ ok: false, error: (err as Error).message });
  }
};
