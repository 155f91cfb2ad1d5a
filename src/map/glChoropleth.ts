/**
 * The choropleth drawn in MapLibre's own WebGL context (a custom layer inserted before PROVINCE_LINES): the
 * territories' triangles from BinaryBoundaries (vertices projected to Web Mercator once), a colour per vertex
 * updated with one bufferSubData per recolour, the hatched "no data" in the fragment shader, the opacity of a
 * faded map, the colour transition of presentations, and the thin borders near the view (GL_LINES).
 * No deck.gl: one polygon layer does not need its 220 KB of JavaScript nor its start-up.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { BinaryBoundaries, RingSubset } from '../core/geometry/binary';
import type { RGBA } from './layers';
import { mercatorVertices, ringSegments, vertexColours } from './glBuffers';
import {
  attribute,
  buffer,
  program,
  uintIndices,
  vertexArray,
  type GL,
  type Program,
  type VertexArray,
} from './glProgram';
import { FILL_FS, FILL_VS, LINE_FS, LINE_VS } from './glShaders';

/** border lines near the view: grey, about the 0.6 px of before as 1 px lines a little lighter */
const OUTLINE: RGBA = [90, 90, 90, 110];
/** the hatch: a line every 8 CSS px, 1 px across (√2 along x − y) */
const HATCH_PERIOD = 8;
const HATCH_WIDTH = Math.SQRT2;

const mercator = new WeakMap<BinaryBoundaries, Float32Array>();
const mercatorOf = (b: BinaryBoundaries): Float32Array => {
  let m = mercator.get(b);
  if (!m) mercator.set(b, (m = mercatorVertices(b.positions)));
  return m;
};
const unit = (c: RGBA): [number, number, number, number] => [c[0] / 255, c[1] / 255, c[2] / 255, c[3] / 255];

interface Mesh {
  data: BinaryBoundaries;
  pos: WebGLBuffer;
  index: WebGLBuffer;
  colour: WebGLBuffer;
  from: WebGLBuffer;
  count: number;
}
interface Lines {
  rings: RingSubset;
  pos: WebGLBuffer;
  index: WebGLBuffer;
  count: number;
}

export class GlChoropleth implements CustomLayerInterface {
  readonly id: string;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  #map: MapLibreMap | null = null;
  #gl: GL | null = null;
  #fill: Program | null = null;
  #line: Program | null = null;
  #vao: VertexArray | null = null;
  #mesh: Mesh | null = null;
  #lines: Lines | null = null;
  // what to draw (set at any time; uploaded on the next frame)
  #data: BinaryBoundaries | null = null;
  #rings: RingSubset | null = null;
  #key: string | null = null;
  /** colours of the vertices now handed over, and those before them (a transition's start) */
  #colours: Uint8Array | null = null;
  #previous: Uint8Array | null = null;
  /** colours handed over and not drawn yet (the vertices are coloured on the next frame), and their transition */
  #pending: { colours: ReadonlyMap<string, RGBA>; ms: number } | null = null;
  #coloursDirty = false;
  #transition = { ms: 0, start: -1 };
  #noData: RGBA = [200, 200, 200, 255];
  #hatch: RGBA = [140, 140, 140, 255];
  #opacity = 1;

  constructor(id: string) {
    this.id = id;
  }

  /** the territories drawn (the same object again changes nothing) */
  setData(b: BinaryBoundaries): void {
    if (b === this.#data) return;
    this.#data = b;
    this.#key = null;
    this.#colours = null;
    this.#previous = null;
    this.#pending = null;
  }

  /**
   * The colours of the territories (`key` changes with them: the same key again changes nothing); over
   * `transitionMs` the map blends from the colours before (none when the territories changed).
   */
  setColours(colours: ReadonlyMap<string, RGBA>, key: string, transitionMs: number): void {
    const b = this.#data;
    if (!b || key === this.#key) return;
    const blend = transitionMs > 0 && this.#key !== null;
    this.#key = key;
    this.#pending = { colours, ms: blend ? transitionMs : 0 };
    this.#map?.triggerRepaint();
  }

  setStyle(s: { noData: RGBA; hatch: RGBA; opacity: number }): void {
    this.#noData = s.noData;
    this.#hatch = s.hatch;
    this.#opacity = s.opacity;
  }

  /** the thin borders near the view (null: none) */
  setOutlines(rings: RingSubset | null): void {
    this.#rings = rings;
  }

  onAdd(map: MapLibreMap, gl: GL): void {
    this.#map = map;
    this.#gl = gl;
    if (!uintIndices(gl)) throw new Error('WebGL: this browser cannot draw the map (no 32-bit indices)');
    // also when added again after a lost context (MapLibre drops custom layers then): nothing of before is kept
    this.#fill = program(gl, FILL_VS, FILL_FS, ['a_pos', 'a_colour', 'a_from']);
    this.#line = program(gl, LINE_VS, LINE_FS, ['a_pos']);
    this.#vao = vertexArray(gl);
    this.#mesh = null;
    this.#lines = null;
  }

  onRemove(): void {
    this.#release();
    this.#vao?.delete();
    this.#map = null;
    this.#gl = null;
  }

  #release(): void {
    const gl = this.#gl;
    if (!gl) return;
    for (const b of [this.#mesh?.pos, this.#mesh?.index, this.#mesh?.colour, this.#mesh?.from])
      if (b) gl.deleteBuffer(b);
    for (const b of [this.#lines?.pos, this.#lines?.index]) if (b) gl.deleteBuffer(b);
    this.#mesh = null;
    this.#lines = null;
  }

  /** GL buffers for the current territories, colours and borders */
  #upload(gl: GL): void {
    const b = this.#data;
    if (b && this.#pending) {
      // a transition keeps the colours drawn so far as its start and reuses the older array; otherwise the
      // colours are written over in place (no allocation on a recolour)
      const { colours, ms } = this.#pending;
      const blend = ms > 0 && this.#colours !== null;
      const out = blend ? this.#previous : this.#colours;
      this.#previous = blend ? this.#colours : null;
      this.#colours = vertexColours(b, colours, out ?? undefined);
      this.#pending = null;
      this.#coloursDirty = true;
      this.#transition = { ms: this.#previous ? ms : 0, start: -1 };
    }
    if (!b || !this.#colours) return;
    if (this.#mesh?.data !== b) {
      this.#release();
      const empty = new Uint8Array(this.#colours.length);
      this.#mesh = {
        data: b,
        pos: buffer(gl, gl.ARRAY_BUFFER, mercatorOf(b), gl.STATIC_DRAW),
        index: buffer(gl, gl.ELEMENT_ARRAY_BUFFER, b.indices, gl.STATIC_DRAW),
        colour: buffer(gl, gl.ARRAY_BUFFER, this.#colours, gl.DYNAMIC_DRAW),
        from: buffer(gl, gl.ARRAY_BUFFER, empty, gl.DYNAMIC_DRAW),
        count: b.indices.length,
      };
      this.#coloursDirty = false;
    }
    if (this.#coloursDirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.#mesh.colour);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.#colours);
      if (this.#previous) {
        gl.bindBuffer(gl.ARRAY_BUFFER, this.#mesh.from);
        gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.#previous);
      }
      this.#coloursDirty = false;
    }
    if ((this.#lines?.rings ?? null) !== this.#rings) {
      if (this.#lines) for (const x of [this.#lines.pos, this.#lines.index]) gl.deleteBuffer(x);
      const r = this.#rings;
      this.#lines = r?.length
        ? {
            rings: r,
            pos: buffer(gl, gl.ARRAY_BUFFER, mercatorVertices(r.positions), gl.STATIC_DRAW),
            index: buffer(gl, gl.ELEMENT_ARRAY_BUFFER, ringSegments(r), gl.STATIC_DRAW),
            count: 2 * (r.startIndices[r.length] ?? 0),
          }
        : null;
    }
  }

  /** how far the colour transition is (1: done) */
  #progress(): number {
    const t = this.#transition;
    if (!t.ms || !this.#previous) return 1;
    const now = performance.now();
    if (t.start < 0) t.start = now;
    return Math.min(1, (now - t.start) / t.ms);
  }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, options: CustomRenderMethodInput): void {
    if (!this.#fill || !this.#line || !this.#vao || !this.#map) return;
    this.#upload(gl);
    const mesh = this.#mesh;
    if (!mesh) return;
    const matrix = options.defaultProjectionData.mainMatrix as Float32Array;
    const ratio = this.#map.getPixelRatio();
    const t = this.#progress();
    this.#vao.bind();
    const f = this.#fill;
    gl.useProgram(f.program);
    attribute(gl, f.attrib('a_pos'), mesh.pos, 2, gl.FLOAT);
    attribute(gl, f.attrib('a_colour'), mesh.colour, 4, gl.UNSIGNED_BYTE, true);
    attribute(gl, f.attrib('a_from'), mesh.from, 4, gl.UNSIGNED_BYTE, true);
    gl.uniformMatrix4fv(f.uniform('u_matrix'), false, matrix);
    gl.uniform1f(f.uniform('u_t'), t);
    gl.uniform4fv(f.uniform('u_noData'), unit(this.#noData));
    gl.uniform4fv(f.uniform('u_lines'), unit(this.#hatch));
    gl.uniform1f(f.uniform('u_period'), HATCH_PERIOD * ratio);
    gl.uniform1f(f.uniform('u_width'), HATCH_WIDTH * ratio);
    gl.uniform1f(f.uniform('u_opacity'), this.#opacity);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, mesh.index);
    gl.drawElements(gl.TRIANGLES, mesh.count, gl.UNSIGNED_INT, 0);
    const lines = this.#lines;
    if (lines) {
      const l = this.#line;
      gl.useProgram(l.program);
      for (const name of ['a_colour', 'a_from']) {
        const loc = f.attrib(name);
        if (loc >= 0) gl.disableVertexAttribArray(loc);
      }
      attribute(gl, l.attrib('a_pos'), lines.pos, 2, gl.FLOAT);
      gl.uniformMatrix4fv(l.uniform('u_matrix'), false, matrix);
      gl.uniform4fv(l.uniform('u_colour'), unit(OUTLINE));
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, lines.index);
      gl.drawElements(gl.LINES, lines.count, gl.UNSIGNED_INT, 0);
    }
    this.#vao.unbind();
    if (t < 1) this.#map.triggerRepaint();
  }
}
