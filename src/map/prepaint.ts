// Over 300 lines: the first picture: projection, paths and colours drawn before the map, in one place to match it.
/**
 * The first picture of the map, drawn with the plain 2D canvas while MapLibre starts (its
 * WebGL start-up takes most of a second on an ordinary laptop, and longer in software rendering).
 * Same projection (mercator.ts), same colours and the same hatched "no data" as the WebGL map, which
 * replaces it as soon as it has drawn the same layer. Nothing here is interactive.
 *
 * The picture is an inline SVG with one path per colour, in integer units of 1/4 CSS pixel: the browser
 * rasterises it off the main thread, and a canvas would first wait (up to a third of a second here) for
 * its channel to the GPU process, which is busy starting up. ~200,000 separate canvas lineTo calls
 * would also cost ten times more than one path string.
 */
import type { BinaryBoundaries } from '../core/geometry/binary';
import type { RGBA } from './layers';
import { mercY } from './mercator';

/** path coordinates are in units of 1/SUB CSS pixel */
export const SUB = 4;
/** a vertex closer than this (path units: 3/4 of a pixel) to the last one drawn is dropped */
export const TOL = 3;

/** lon/lat → CSS pixels: x = lon·kx + ox, y = mercY(lat)·ky + oy (mercator.ts `linearProjection`) */
export interface Project {
  kx: number;
  ox: number;
  ky: number;
  oy: number;
}

/** Where the picture goes: SVG path strings in 1/SUB pixel units, filled or stroked. */
export interface Painter {
  fillRect(colour: string, width: number, height: number): void;
  /** `transform`: an SVG transform applied to the path (paths in the reference projection) */
  fill(path: string, style: string, transform?: string): void;
  stroke(path: string, colour: string, width: number): void;
}

export function rgbaCss(c: RGBA): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${(c[3] ?? 255) / 255})`;
}

const mercCache = new WeakMap<Float64Array, Float64Array>();
/** mercator y (0 to 1) of every vertex, computed once per set of boundaries */
function mercYs(b: BinaryBoundaries): Float64Array {
  let m = mercCache.get(b.positions);
  if (!m) {
    const n = b.positions.length / 2;
    m = new Float64Array(n);
    for (let v = 0; v < n; v++) m[v] = mercY(b.positions[2 * v + 1]);
    mercCache.set(b.positions, m);
  }
  return m;
}

/** ASCII bytes of a path, grown as needed; one TextDecoder call at the end (much faster than ~10^5 string concatenations). */
class PathWriter {
  buf = new Uint8Array(1 << 16);
  n = 0;
  #tmp = new Uint8Array(12);
  #room(k: number) {
    if (this.n + k <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  ch(c: number) {
    this.#room(1);
    this.buf[this.n++] = c;
  }
  int(v: number) {
    this.#room(12);
    if (v < 0) {
      this.buf[this.n++] = 45; // '-'
      v = -v;
    }
    let k = 0;
    do {
      this.#tmp[k++] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
    while (k > 0) this.buf[this.n++] = this.#tmp[--k];
  }
  text(from = 0, to = this.n): string {
    return new TextDecoder().decode(this.buf.subarray(from, to));
  }
}
const M = 77;
const L = 108; // 'l': relative line-to
const Z = 90;
const SP = 32;

/** Write feature i: "M x y l dx dy … Z" per ring, vertices within `tol` units of the last one dropped. */
function writeFeature(w: PathWriter, b: BinaryBoundaries, i: number, my: Float64Array, p: Project, tol: number) {
  const pos = b.positions;
  const kx = p.kx * SUB;
  const ox = p.ox * SUB;
  const ky = p.ky * SUB;
  const oy = p.oy * SUB;
  for (let r = b.featureRings[i]; r < b.featureRings[i + 1]; r++) {
    const v0 = b.ringStarts[r];
    const v1 = b.ringStarts[r + 1];
    if (v1 - v0 < 3) continue;
    let lx = Math.round(pos[2 * v0] * kx + ox);
    let ly = Math.round(my[v0] * ky + oy);
    w.ch(M);
    w.int(lx);
    w.ch(SP);
    w.int(ly);
    // then relative moves ("l dx dy dx dy …"): one or two digits each instead of four, the same points
    let first = true;
    for (let v = v0 + 1; v < v1; v++) {
      const x = Math.round(pos[2 * v] * kx + ox);
      const y = Math.round(my[v] * ky + oy);
      if (Math.abs(x - lx) < tol && Math.abs(y - ly) < tol) continue;
      if (first) {
        w.ch(L);
        first = false;
      } else w.ch(SP);
      w.int(x - lx);
      w.ch(SP);
      w.int(y - ly);
      lx = x;
      ly = y;
    }
    w.ch(Z);
  }
}

/**
 * The SVG path of the features `indices` (closed rings, in 1/SUB pixel units). A vertex within
 * `tol` units of the last one written is dropped: at the scale of the whole country most comune
 * vertices fall inside one pixel, and the picture is the same without them. `cache`: the path of
 * each feature, already computed (featurePaths).
 */
export function pathOf(
  b: BinaryBoundaries,
  indices: Iterable<number>,
  p: Project,
  tol = TOL,
  cache?: readonly string[],
): string {
  if (cache) {
    const parts: string[] = [];
    for (const i of indices) parts.push(cache[i]);
    return parts.join('');
  }
  const my = mercYs(b);
  const w = new PathWriter();
  for (const i of indices) writeFeature(w, b, i, my, p, tol);
  return w.text();
}

/**
 * The reference projection: Web Mercator at zoom REF_ZOOM (about Italy whole on a laptop screen), origin at
 * REF_ORIGIN (north-west of Italy). The geometry worker writes the comune paths in it as soon as they are
 * decoded, before the page knows its map's size; `refTransform` takes them to the actual view.
 */
export const REF_ZOOM = 5.3;
export const REF_ORIGIN: readonly [number, number] = [6, 47.5];
export function refProjection(): Project {
  const ws = 512 * 2 ** REF_ZOOM;
  return { kx: ws / 360, ox: ws * (0.5 - (REF_ORIGIN[0] + 180) / 360), ky: ws, oy: -ws * mercY(REF_ORIGIN[1]) };
}
/** The SVG transform from reference path units to a view's, or null when the zooms differ too much
 * (the reference paths' detail would show). */
export function refTransform(view: Project, zoom: number): string | null {
  const s = 2 ** (zoom - REF_ZOOM);
  if (s < 0.6 || s > 1.6) return null;
  const tx = (REF_ORIGIN[0] * view.kx + view.ox) * SUB;
  const ty = (mercY(REF_ORIGIN[1]) * view.ky + view.oy) * SUB;
  return `matrix(${s} 0 0 ${s} ${tx} ${ty})`;
}

/** The path of every feature for one view (the geometry worker computes them while the app starts). */
export function featurePaths(b: BinaryBoundaries, p: Project, tol = TOL): string[] {
  const my = mercYs(b);
  const w = new PathWriter();
  const ends = new Uint32Array(b.length + 1);
  for (let i = 0; i < b.length; i++) {
    writeFeature(w, b, i, my, p, tol);
    ends[i + 1] = w.n;
  }
  const all = w.text();
  // ASCII: byte offsets are character offsets
  const out: string[] = new Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = all.slice(ends[i], ends[i + 1]);
  return out;
}

/**
 * Fill every feature with the style `fillOf` gives it (null: not drawn). Features of the same style
 * share a path, one per cell of a `cells` × `cells` grid over the view: the browser rasterises the
 * picture in tiles, and a tile skips the paths whose bounds it does not touch. Filled even-odd
 * (holes kept). Returns the number of paths.
 */
export function fillBoundaries(
  pt: Painter,
  b: BinaryBoundaries,
  project: Project,
  fillOf: (index: number) => string | null,
  view: { width: number; height: number; cells: number } = { width: 1, height: 1, cells: 1 },
  cache?: readonly string[],
  transform?: string,
): number {
  const groups = new Map<string, { style: string; idx: number[] }>();
  const { width, height, cells } = view;
  for (let i = 0; i < b.length; i++) {
    const f = fillOf(i);
    if (f == null) continue;
    let key = f;
    if (cells > 1) {
      const x = ((b.bbox[4 * i] + b.bbox[4 * i + 2]) / 2) * project.kx + project.ox;
      const y = mercY((b.bbox[4 * i + 1] + b.bbox[4 * i + 3]) / 2) * project.ky + project.oy;
      const cx = Math.max(0, Math.min(cells - 1, Math.floor((x / width) * cells)));
      const cy = Math.max(0, Math.min(cells - 1, Math.floor((y / height) * cells)));
      key = `${f}|${cx},${cy}`;
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { style: f, idx: [] }));
    g.idx.push(i);
  }
  for (const { style, idx } of groups.values()) pt.fill(pathOf(b, idx, project, TOL, cache), style, transform);
  return groups.size;
}

/** Width of MapLibre's region lines at a zoom (the style interpolates 0.6 px at z5 to 1.6 px at z9). */
export function regionLineWidth(zoom: number): number {
  const z = Math.max(5, Math.min(9, zoom));
  return 0.6 + ((z - 5) / 4) * 1.0;
}

export interface PrepaintScene {
  sea: string;
  land: string;
  regions: BinaryBoundaries;
  /** the choropleth, once its colours are known */
  layer?: {
    boundaries: BinaryBoundaries;
    colours: Map<string, RGBA>;
    noData: RGBA;
    /** drawn over "no data" territories (a fill style, e.g. HATCH; null: none) */
    hatch: string | null;
    /** the path of each feature, if already computed (featurePaths): for this view, or in the reference
     * projection with `pathTransform` taking it to this view */
    paths?: readonly string[];
    pathTransform?: string;
  };
}

const memo = new WeakMap<BinaryBoundaries, { key: string; path: string }>();
/** The path of all features of `b` (remembered for the last view). */
function memoPath(b: BinaryBoundaries, p: Project): string {
  const key = `${p.kx}|${p.ox}|${p.ky}|${p.oy}`;
  const m = memo.get(b);
  if (m?.key === key) return m.path;
  const path = pathOf(
    b,
    Array.from({ length: b.length }, (_, i) => i),
    p,
  );
  memo.set(b, { key, path });
  return path;
}

/** Sea, land, the choropleth (if any) and the region lines: the whole first picture. */
export function drawScene(
  pt: Painter,
  s: PrepaintScene,
  project: Project,
  zoom: number,
  width: number,
  height: number,
): void {
  pt.fillRect(s.sea, width, height);
  // the regions' path serves the land and the region lines, in every picture of the same view
  const regionPath = memoPath(s.regions, project);
  pt.fill(regionPath, s.land);
  if (s.layer) {
    const { boundaries: b, colours, noData, hatch, paths, pathTransform } = s.layer;
    const css = new Map<RGBA, string>();
    const noDataCss = rgbaCss(noData);
    // many small territories (comuni): split each colour's path by area of the view
    const view = { width, height, cells: b.length > 1000 ? 8 : 1 };
    fillBoundaries(
      pt,
      b,
      project,
      (i) => {
        const c = colours.get(b.codes[i]);
        if (!c) return noDataCss;
        let v = css.get(c);
        if (!v) css.set(c, (v = rgbaCss(c)));
        return v;
      },
      view,
      paths,
      pathTransform,
    );
    if (hatch)
      fillBoundaries(pt, b, project, (i) => (colours.has(b.codes[i]) ? null : hatch), view, paths, pathTransform);
  }
  pt.stroke(regionPath, '#4a4a4a', regionLineWidth(zoom));
}

/** One shape of the picture: an SVG path (1/SUB pixel units) filled or stroked. */
export type Shape = { d: string; fill: string; transform?: string } | { d: string; stroke: string; width: number };

/** A Painter that collects the picture as SVG shapes (`HATCH` stands for the hatch pattern). */
export function shapePainter(): Painter & { shapes: Shape[] } {
  const shapes: Shape[] = [];
  return {
    shapes,
    fillRect(colour, w, h) {
      shapes.push({ d: `M0 0H${w * SUB}V${h * SUB}H0Z`, fill: colour });
    },
    fill(d, style, transform) {
      shapes.push(transform ? { d, fill: style, transform } : { d, fill: style });
    },
    stroke(d, colour, width) {
      shapes.push({ d, stroke: colour, width: width * SUB });
    },
  };
}
export const HATCH = 'url(#prepaint-hatch)';
