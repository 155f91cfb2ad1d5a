/**
 * A quantised TopoJSON topology packed as typed arrays ("CTB1"), for the comune boundaries of the
 * first map: reading it is a few array views instead of parsing 2.3 MB of JSON. The data pipeline
 * writes it beside the TopoJSON (which stays the open, documented file) and checks that both decode
 * to the same boundaries. Stored gzip-compressed (`.ctb.gz`), so that it is small on any static host.
 *
 * Layout: "CTB1", u32 (little-endian) header length H, H bytes of JSON header, then one stream of
 * zigzag LEB128 varints: the point count of each arc; the arc points (x, y; the first point of each arc
 * absolute, the rest deltas, as in TopoJSON); the polygon count of each feature; the ring count of each
 * polygon; the reference count of each ring; the arc references (~a = arc a reversed), each as the
 * difference from the previous one (neighbouring rings use neighbouring arcs).
 */
import type { FlatTopology, TopologyLike } from './topoBinary';
import { flattenTopology } from './topoBinary';

const MAGIC = 'CTB1';

interface Header {
  version: 1;
  object: string;
  transform: { scale: [number, number]; translate: [number, number] };
  count: { arcs: number; points: number; features: number; polys: number; rings: number; refs: number };
  codes: string[];
  names: string[];
}

/** Pack one object of a quantised topology. */
export function packTopology(topo: TopologyLike, object = 'territories'): Uint8Array {
  if (!topo.transform) throw new Error('packTopology: the topology must be quantised (a "transform")');
  const flat = flattenTopology(topo, object);
  let points = 0;
  for (const arc of topo.arcs) points += arc.length;
  const arcPts = new Int32Array(points * 2);
  let k = 0;
  for (const arc of topo.arcs)
    for (const pt of arc) {
      if (!Number.isInteger(pt[0]) || !Number.isInteger(pt[1]))
        throw new Error('packTopology: arc points must be integers (quantised)');
      arcPts[k++] = pt[0];
      arcPts[k++] = pt[1];
    }
  const header: Header = {
    version: 1,
    object,
    transform: topo.transform,
    count: {
      arcs: topo.arcs.length,
      points,
      features: flat.codes.length,
      polys: flat.polyRings.length - 1,
      rings: flat.ringRefs.length - 1,
      refs: flat.refs.length,
    },
    codes: flat.codes,
    names: flat.names,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const w = new VarintWriter(points * 2 + 8 * (flat.refs.length + flat.ringRefs.length + topo.arcs.length));
  for (const arc of topo.arcs) w.int(arc.length);
  for (let i = 0; i < arcPts.length; i++) w.int(arcPts[i]);
  const counts = (starts: Uint32Array) => {
    for (let i = 0; i + 1 < starts.length; i++) w.int(starts[i + 1] - starts[i]);
  };
  counts(flat.featurePolys);
  counts(flat.polyRings);
  counts(flat.ringRefs);
  let prev = 0;
  for (let i = 0; i < flat.refs.length; i++) {
    w.int(flat.refs[i] - prev);
    prev = flat.refs[i];
  }
  const body = w.bytes();
  const out = new Uint8Array(8 + json.length + body.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(body, 8 + json.length);
  return out;
}

/** zigzag LEB128: small magnitudes in one byte, either sign */
class VarintWriter {
  #buf: Uint8Array;
  #n = 0;
  constructor(size: number) {
    this.#buf = new Uint8Array(Math.max(16, size));
  }
  int(v: number): void {
    if (this.#n + 5 > this.#buf.length) {
      const b = new Uint8Array(this.#buf.length * 2);
      b.set(this.#buf);
      this.#buf = b;
    }
    let z = (v << 1) ^ (v >> 31);
    z >>>= 0;
    while (z >= 0x80) {
      this.#buf[this.#n++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    this.#buf[this.#n++] = z;
  }
  bytes(): Uint8Array {
    return this.#buf.slice(0, this.#n);
  }
}

/** Read a packed topology back as a flat topology (absolute coordinates). */
export function unpackTopology(buf: ArrayBuffer, file = 'CTB'): FlatTopology {
  const bytes = new Uint8Array(buf);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error(`${file}: not a packed topology (CTB1)`);
  const dv = new DataView(buf);
  const hLen = dv.getUint32(4, true);
  if (8 + hLen > bytes.length) throw new Error(`${file}: truncated header`);
  const h = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hLen))) as Header;
  const c = h.count;
  let o = 8 + hLen;
  const end = bytes.length;
  const next = (): number => {
    let z = 0;
    let shift = 0;
    let byte: number;
    do {
      if (o >= end) throw new Error(`${file}: truncated (the data ends early)`);
      byte = bytes[o++];
      z |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    z >>>= 0;
    return (z >>> 1) ^ -(z & 1);
  };
  const starts = (n: number) => {
    const a = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) a[i + 1] = a[i] + next();
    return a;
  };
  const arcStarts = starts(c.arcs);
  if (arcStarts[c.arcs] !== c.points)
    throw new Error(`${file}: arc point counts add up to ${arcStarts[c.arcs]}, header says ${c.points}`);
  const pts = new Int32Array(c.points * 2);
  for (let i = 0; i < pts.length; i++) pts[i] = next();
  const featurePolys = starts(c.features);
  const polyRings = starts(c.polys);
  const ringRefs = starts(c.rings);
  if (featurePolys[c.features] !== c.polys || polyRings[c.polys] !== c.rings || ringRefs[c.rings] !== c.refs)
    throw new Error(`${file}: the polygon, ring and reference counts do not add up (corrupt)`);
  const refs = new Int32Array(c.refs);
  let prev = 0;
  for (let i = 0; i < c.refs; i++) refs[i] = prev = prev + next();
  if (o !== end) throw new Error(`${file}: ${end - o} bytes left over after the data (corrupt)`);
  // quantised deltas → absolute lon/lat (each arc starts from zero, as in TopoJSON)
  const [sx, sy] = h.transform.scale;
  const [tx, ty] = h.transform.translate;
  const arcXY = new Float64Array(c.points * 2);
  for (let a = 0; a < c.arcs; a++) {
    let x = 0;
    let y = 0;
    for (let k = arcStarts[a]; k < arcStarts[a + 1]; k++) {
      x += pts[2 * k];
      y += pts[2 * k + 1];
      arcXY[2 * k] = x * sx + tx;
      arcXY[2 * k + 1] = y * sy + ty;
    }
  }
  return { codes: h.codes, names: h.names, arcStarts, arcXY, featurePolys, polyRings, ringRefs, refs };
}

/**
 * The bytes of a packed file as served: still gzip (a host that sends `.gz` as a file), or already
 * inflated by the browser (a host that sends it with `Content-Encoding: gzip`, as Vite's preview does).
 */
export async function inflatePacked(raw: ArrayBuffer): Promise<ArrayBuffer> {
  const head = new Uint8Array(raw, 0, Math.min(2, raw.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return raw;
  return new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
