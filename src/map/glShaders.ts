/**
 * GLSL (ES 1.00, so WebGL 1 and 2 alike) of the map's own layers. Positions are Web Mercator 0…1, projected by
 * MapLibre's matrix (flat map, no globe). Colours leave the fragment shaders premultiplied, as MapLibre blends.
 */

/** the choropleth: a colour per vertex (alpha 0 = no data), blended from the previous colours during a transition */
export const FILL_VS = `
attribute vec2 a_pos;
attribute vec4 a_colour;
attribute vec4 a_from;
uniform mat4 u_matrix;
uniform float u_t;
uniform vec4 u_noData;
varying vec4 v_colour;
varying float v_missing;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  v_missing = a_colour.a == 0.0 ? 1.0 : 0.0;
  vec4 from = a_from.a == 0.0 ? u_noData : a_from;
  v_colour = v_missing > 0.5 ? u_noData : mix(from, a_colour, u_t);
}`;

/** "no data": the grey with diagonal lines ("/", every `u_period` device pixels) of the 2D first picture */
export const FILL_FS = `
precision highp float;
varying vec4 v_colour;
varying float v_missing;
uniform vec4 u_lines;
uniform float u_period;
uniform float u_width;
uniform float u_opacity;
void main() {
  vec4 c = v_colour;
  if (v_missing > 0.5 && mod(gl_FragCoord.x - gl_FragCoord.y, u_period) < u_width) c = u_lines;
  gl_FragColor = vec4(c.rgb * c.a, c.a) * u_opacity;
}`;

/** thin lines of one colour (borders near the view) */
export const LINE_VS = `
attribute vec2 a_pos;
uniform mat4 u_matrix;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
}`;

export const LINE_FS = `
precision mediump float;
uniform vec4 u_colour;
void main() {
  gl_FragColor = vec4(u_colour.rgb * u_colour.a, u_colour.a);
}`;

/** place names: a quad per label from a texture of them, its anchor snapped to a device pixel (sharp text) */
export const LABEL_VS = `
attribute vec2 a_anchor;
attribute vec2 a_offset;
attribute vec2 a_uv;
uniform mat4 u_matrix;
uniform vec2 u_size;
varying vec2 v_uv;
void main() {
  vec4 c = u_matrix * vec4(a_anchor, 0.0, 1.0);
  vec2 px = floor((c.xy / c.w * 0.5 + 0.5) * u_size + 0.5) + a_offset;
  gl_Position = vec4(px / u_size * 2.0 - 1.0, 0.0, 1.0);
  v_uv = a_uv;
}`;

export const LABEL_FS = `
precision mediump float;
uniform sampler2D u_texture;
varying vec2 v_uv;
void main() {
  gl_FragColor = texture2D(u_texture, v_uv);
}`;
