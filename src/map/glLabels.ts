/**
 * Place names as a MapLibre custom layer on top of the map: each label a quad textured from labelAtlas.ts,
 * anchored at its place (Web Mercator) and snapped to a device pixel so the text stays sharp. Being drawn in the
 * map's own canvas, the names are in the PNG export (the atlas is drawn again at the export's pixel ratio), and
 * they take no pointer events. The labels come already free of overlaps (labelPlan.ts `labelsAt`).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { PlaceLabel } from './labelPlan';
import { labelAtlas } from './labelAtlas';
import { mercX, mercY } from './mercator';
import { buffer, program, vertexArray, type GL, type Program, type VertexArray } from './glProgram';
import { LABEL_FS, LABEL_VS } from './glShaders';

export const LABELS_LAYER = 'place-labels';
/** floats per vertex: anchor x, y; offset x, y (device px); u, v */
const STRIDE = 6;

/** two triangles per label (pure; exported for tests) */
export function labelQuads(
  items: readonly { label: PlaceLabel; x: number; y: number; w: number; h: number }[],
  width: number,
  height: number,
): Float32Array {
  const out = new Float32Array(items.length * 6 * STRIDE);
  let k = 0;
  for (const it of items) {
    const ax = mercX(it.label.position[0]);
    const ay = mercY(it.label.position[1]);
    const left = -Math.floor(it.w / 2);
    const top = Math.floor(it.h / 2);
    const corner = (dx: number, dy: number) => {
      out.set([ax, ay, left + dx, top - dy, (it.x + dx) / width, (it.y + dy) / height], k);
      k += STRIDE;
    };
    corner(0, 0);
    corner(0, it.h);
    corner(it.w, 0);
    corner(it.w, 0);
    corner(0, it.h);
    corner(it.w, it.h);
  }
  return out;
}

export class GlLabels implements CustomLayerInterface {
  readonly id = LABELS_LAYER;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  #labels: readonly PlaceLabel[] = [];
  #visible = true;
  #map: MapLibreMap | null = null;
  #gl: GL | null = null;
  #texture: WebGLTexture | null = null;
  #vertices: WebGLBuffer | null = null;
  #count = 0;
  #program: Program | null = null;
  #vao: VertexArray | null = null;
  /** the labels and pixel ratio the texture was made for */
  #made: { labels: readonly PlaceLabel[]; ratio: number } | null = null;

  set(labels: readonly PlaceLabel[], visible: boolean): void {
    if (labels === this.#labels && visible === this.#visible) return;
    this.#labels = labels;
    this.#visible = visible;
    this.#map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: GL): void {
    this.#map = map;
    this.#gl = gl;
    // also when added again after a lost context (MapLibre drops custom layers then): nothing of before is kept
    this.#program = program(gl, LABEL_VS, LABEL_FS, ['a_anchor', 'a_offset', 'a_uv']);
    this.#vao = vertexArray(gl);
    this.#texture = this.#vertices = null;
    this.#made = null;
  }

  onRemove(): void {
    const gl = this.#gl;
    if (gl) {
      if (this.#texture) gl.deleteTexture(this.#texture);
      if (this.#vertices) gl.deleteBuffer(this.#vertices);
    }
    this.#vao?.delete();
    this.#texture = this.#vertices = null;
    this.#made = null;
    this.#map = this.#gl = null;
  }

  #make(gl: GL, ratio: number): void {
    const atlas = labelAtlas(this.#labels, ratio);
    if (!this.#texture) this.#texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.#texture);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, atlas.canvas);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    for (const [p, v] of [
      [gl.TEXTURE_MIN_FILTER, gl.LINEAR],
      [gl.TEXTURE_MAG_FILTER, gl.LINEAR],
      [gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE],
      [gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE],
    ])
      gl.texParameteri(gl.TEXTURE_2D, p, v);
    if (this.#vertices) gl.deleteBuffer(this.#vertices);
    this.#vertices = buffer(
      gl,
      gl.ARRAY_BUFFER,
      labelQuads(atlas.items, atlas.canvas.width, atlas.canvas.height),
      gl.STATIC_DRAW,
    );
    this.#count = atlas.items.length * 6;
    this.#made = { labels: this.#labels, ratio };
  }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, options: CustomRenderMethodInput): void {
    const p = this.#program;
    if (!p || !this.#vao || !this.#map || !this.#visible || !this.#labels.length) return;
    const ratio = this.#map.getPixelRatio();
    if (this.#made?.labels !== this.#labels || this.#made.ratio !== ratio) this.#make(gl, ratio);
    if (!this.#vertices || !this.#count) return;
    this.#vao.bind();
    gl.useProgram(p.program);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#vertices);
    const F = Float32Array.BYTES_PER_ELEMENT;
    for (const [name, size, offset] of [
      ['a_anchor', 2, 0],
      ['a_offset', 2, 2],
      ['a_uv', 2, 4],
    ] as const) {
      const loc = p.attrib(name);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, gl.FLOAT, false, STRIDE * F, offset * F);
    }
    gl.uniformMatrix4fv(p.uniform('u_matrix'), false, options.defaultProjectionData.mainMatrix as Float32Array);
    gl.uniform2f(p.uniform('u_size'), gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#texture);
    gl.uniform1i(p.uniform('u_texture'), 0);
    gl.drawArrays(gl.TRIANGLES, 0, this.#count);
    this.#vao.unbind();
  }
}
