/**
 * The territory under a point, on the CPU (the map's hover, click and double click): a grid over the
 * features' bounding boxes, built once per BinaryBoundaries, then an even-odd point-in-polygon test over
 * the candidates' rings (holes and the parts of a multipolygon alike). Pure.
 */
import type { BinaryBoundaries } from './binary';

interface Grid {
  x0: number;
  y0: number;
  /** cells per degree */
  kx: number;
  ky: number;
  nx: number;
  ny: number;
  /** features of cell c: items[starts[c]] … items[starts[c + 1] - 1], ascending */
  starts: Uint32Array;
  items: Uint32Array;
}

/** the cells a feature's box covers, as [cx0, cy0, cx1, cy1] (inclusive) */
function cellsOf(g: Omit<Grid, 'starts' | 'items'>, b: Float64Array, i: number): [number, number, number, number] {
  const cell = (v: number, v0: number, k: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor((v - v0) * k)));
  return [
    cell(b[4 * i], g.x0, g.kx, g.nx),
    cell(b[4 * i + 1], g.y0, g.ky, g.ny),
    cell(b[4 * i + 2], g.x0, g.kx, g.nx),
    cell(b[4 * i + 3], g.y0, g.ky, g.ny),
  ];
}

const hasBox = (b: Float64Array, i: number) => b[4 * i] <= b[4 * i + 2] && b[4 * i + 1] <= b[4 * i + 3];

function buildGrid(b: BinaryBoundaries): Grid {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < b.length; i++) {
    if (!hasBox(b.bbox, i)) continue;
    x0 = Math.min(x0, b.bbox[4 * i]);
    y0 = Math.min(y0, b.bbox[4 * i + 1]);
    x1 = Math.max(x1, b.bbox[4 * i + 2]);
    y1 = Math.max(y1, b.bbox[4 * i + 3]);
  }
  // about one feature per cell
  const n = Math.max(1, Math.ceil(Math.sqrt(b.length)));
  const w = x1 > x0 ? x1 - x0 : 1;
  const h = y1 > y0 ? y1 - y0 : 1;
  const g = { x0, y0, kx: n / w, ky: n / h, nx: n, ny: n };
  const counts = new Uint32Array(n * n + 1);
  for (let pass = 0; pass < 2; pass++) {
    const items = pass ? new Uint32Array(counts[n * n]) : null;
    const fill = pass ? counts.slice() : null;
    for (let i = 0; i < b.length; i++) {
      if (!hasBox(b.bbox, i)) continue;
      const [cx0, cy0, cx1, cy1] = cellsOf(g, b.bbox, i);
      for (let cy = cy0; cy <= cy1; cy++)
        for (let cx = cx0; cx <= cx1; cx++) {
          const c = cy * n + cx;
          if (items && fill) items[fill[c]++] = i;
          else counts[c + 1]++;
        }
    }
    if (items) return { ...g, starts: counts, items };
    for (let c = 0; c < n * n; c++) counts[c + 1] += counts[c];
  }
  throw new Error('unreachable');
}

const grids = new WeakMap<BinaryBoundaries, Grid>();
function gridOf(b: BinaryBoundaries): Grid {
  let g = grids.get(b);
  if (!g) grids.set(b, (g = buildGrid(b)));
  return g;
}

/** whether (x, y) is inside feature i: even-odd over all its rings (a point in a hole is outside) */
export function featureContains(b: BinaryBoundaries, i: number, x: number, y: number): boolean {
  const p = b.positions;
  let inside = false;
  for (let r = b.featureRings[i]; r < b.featureRings[i + 1]; r++) {
    const from = b.ringStarts[r];
    const to = b.ringStarts[r + 1];
    for (let v = from, u = to - 1; v < to; u = v++) {
      const xv = p[2 * v],
        yv = p[2 * v + 1],
        xu = p[2 * u],
        yu = p[2 * u + 1];
      if (yv > y !== yu > y && x < ((xu - xv) * (y - yv)) / (yu - yv) + xv) inside = !inside;
    }
  }
  return inside;
}

/** Index of the feature under (lon, lat), or −1. Where features overlap, the last one (drawn on top). */
export function featureAt(b: BinaryBoundaries, lon: number, lat: number): number {
  if (!b.length) return -1;
  const g = gridOf(b);
  const cx = Math.floor((lon - g.x0) * g.kx);
  const cy = Math.floor((lat - g.y0) * g.ky);
  if (!(cx >= 0 && cx < g.nx && cy >= 0 && cy < g.ny)) return -1;
  const c = cy * g.nx + cx;
  for (let k = g.starts[c + 1]; k-- > g.starts[c];) {
    const i = g.items[k];
    const bb = b.bbox;
    if (lon < bb[4 * i] || lon > bb[4 * i + 2] || lat < bb[4 * i + 1] || lat > bb[4 * i + 3]) continue;
    if (featureContains(b, i, lon, lat)) return i;
  }
  return -1;
}
