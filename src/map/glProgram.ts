/**
 * Small WebGL helpers for the map's own layers (glChoropleth.ts, glLabels.ts), drawn in MapLibre's context:
 * shader programs, buffers, and a vertex array of the layer's own, so that MapLibre's bound vertex arrays are
 * never changed (MapLibre re-binds the rest of its state after a custom layer has drawn).
 */
export type GL = WebGLRenderingContext | WebGL2RenderingContext;

function shader(gl: GL, type: number, source: string): WebGLShader {
  const s = gl.createShader(type);
  if (!s) throw new Error('WebGL: no shader');
  gl.shaderSource(s, source);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`WebGL shader: ${gl.getShaderInfoLog(s) ?? ''}`);
  return s;
}

export interface Program {
  program: WebGLProgram;
  attrib: (name: string) => number;
  uniform: (name: string) => WebGLUniformLocation | null;
}

/** `attributes` get locations 0, 1, … in that order (the same for every program of a layer's vertex array). */
export function program(gl: GL, vertex: string, fragment: string, attributes: readonly string[]): Program {
  const p = gl.createProgram();
  if (!p) throw new Error('WebGL: no program');
  gl.attachShader(p, shader(gl, gl.VERTEX_SHADER, vertex));
  gl.attachShader(p, shader(gl, gl.FRAGMENT_SHADER, fragment));
  attributes.forEach((name, i) => gl.bindAttribLocation(p, i, name));
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(`WebGL program: ${gl.getProgramInfoLog(p) ?? ''}`);
  const uniforms = new Map<string, WebGLUniformLocation | null>();
  return {
    program: p,
    attrib: (name) => gl.getAttribLocation(p, name),
    uniform: (name) => {
      if (!uniforms.has(name)) uniforms.set(name, gl.getUniformLocation(p, name));
      return uniforms.get(name) ?? null;
    },
  };
}

export function buffer(gl: GL, target: number, data: ArrayBufferView, usage: number): WebGLBuffer {
  const b = gl.createBuffer();
  if (!b) throw new Error('WebGL: no buffer');
  gl.bindBuffer(target, b);
  gl.bufferData(target, data, usage);
  return b;
}

/** Binds `b` to attribute `loc` (skipped when the shader does not use it). */
export function attribute(gl: GL, loc: number, b: WebGLBuffer, size: number, type: number, normalized = false): void {
  if (loc < 0) return;
  gl.bindBuffer(gl.ARRAY_BUFFER, b);
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, size, type, normalized, 0, 0);
}

export interface VertexArray {
  bind(): void;
  unbind(): void;
  delete(): void;
}

/** A vertex array of the layer's own (WebGL 2, or WebGL 1's extension); without either, plain attributes. */
export function vertexArray(gl: GL): VertexArray {
  if ('createVertexArray' in gl) {
    const v = gl.createVertexArray();
    return {
      bind: () => gl.bindVertexArray(v),
      unbind: () => gl.bindVertexArray(null),
      delete: () => gl.deleteVertexArray(v),
    };
  }
  const ext = gl.getExtension('OES_vertex_array_object');
  if (ext) {
    const v = ext.createVertexArrayOES();
    return {
      bind: () => ext.bindVertexArrayOES(v),
      unbind: () => ext.bindVertexArrayOES(null),
      delete: () => ext.deleteVertexArrayOES(v),
    };
  }
  return { bind: () => {}, unbind: () => {}, delete: () => {} };
}

/** 32-bit element indices: WebGL 2 has them, WebGL 1 through an extension (every current browser). */
export function uintIndices(gl: GL): boolean {
  return 'createVertexArray' in gl || gl.getExtension('OES_element_index_uint') !== null;
}
