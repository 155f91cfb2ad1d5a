/**
 * The arrays the map's WebGL layers draw from, built on the CPU (pure: no GL here): the vertices in Web Mercator
 * (0…1, as MapLibre's matrix expects), one RGBA colour per vertex from the territory's colour, and line segments
 * for rings. A vertex of a territory without a value gets alpha 0, which the fragment shader draws as the hatched
 * "no data" grey (a colour given with alpha 0 is kept at 1/255, still invisible, so that it is not taken for one).
 */
import type { BinaryBoundaries, RingSubset } from '../core/geometry/binary';
import { mercX, mercY } from './mercator';
import type { RGBA } from './layers';

/** lon, lat pairs → mercator x, y pairs */
export function mercatorVertices(lonLat: Float64Array): Float32Array {
  const out = new Float32Array(lonLat.length);
  for (let i = 0; i < lonLat.length; i += 2) {
    out[i] = mercX(lonLat[i]);
    out[i + 1] = mercY(lonLat[i + 1]);
  }
  return out;
}

/**
 * The colour of every vertex (4 bytes each) from its territory's colour; a territory missing from `colours`
 * gets 0, 0, 0, 0 ("no data"). Writes into `out` when given (same length), so a recolour allocates nothing.
 */
export function vertexColours(b: BinaryBoundaries, colours: ReadonlyMap<string, RGBA>, out?: Uint8Array): Uint8Array {
  const n = b.startIndices[b.length];
  const c = out && out.length === 4 * n ? out : new Uint8Array(4 * n);
  for (let i = 0; i < b.length; i++) {
    const rgba = colours.get(b.codes[i]);
    const from = 4 * b.startIndices[i];
    const to = 4 * b.startIndices[i + 1];
    if (!rgba) {
      c.fill(0, from, to);
      continue;
    }
    const [r, g, bl, a] = rgba;
    const alpha = Math.max(1, Math.round(a));
    for (let k = from; k < to; k += 4) {
      c[k] = r;
      c[k + 1] = g;
      c[k + 2] = bl;
      c[k + 3] = alpha;
    }
  }
  return c;
}

/** Every ring as closed line segments (pairs of vertex indices, for GL_LINES). */
export function ringSegments(rings: RingSubset): Uint32Array {
  let n = 0;
  for (let r = 0; r < rings.length; r++) n += rings.startIndices[r + 1] - rings.startIndices[r];
  const out = new Uint32Array(2 * n);
  let k = 0;
  for (let r = 0; r < rings.length; r++) {
    const from = rings.startIndices[r];
    const to = rings.startIndices[r + 1];
    for (let v = from; v < to; v++) {
      out[k++] = v;
      out[k++] = v + 1 < to ? v + 1 : from;
    }
  }
  return out;
}
