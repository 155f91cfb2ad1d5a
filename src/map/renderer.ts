/**
 * Whether the map's WebGL runs in software (no GPU: SwiftShader, llvmpipe — office virtual desktops, locked-down
 * laptops). There every frame is drawn by the CPU and read back by the compositor, so a 600 ms camera animation
 * costs seconds of a blocked page: the map jumps instead.
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** the renderer's name says it is a software rasteriser */
export const isSoftwareRendererName = (name: string): boolean => SOFTWARE.test(name);

/** The renderer of the canvas's WebGL context (the one MapLibre made), '' when it cannot be told. */
export function rendererName(canvas: HTMLCanvasElement): string {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return '';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}
