import { describe, it, expect } from 'vitest';
import { detachLuma } from '../../src/map/deckOverlay';

/** a stand-in for a WebGL2RenderingContext: methods on the prototype, luma.gl's marks on the object itself */
class FakeGL {
  enable(cap: number): string {
    return `real enable ${cap}`;
  }
}

describe('detachLuma (a fresh luma.gl device after a lost WebGL context)', () => {
  it("removes luma.gl's device link, state cache and wrapped methods, leaving the context's own methods", () => {
    const gl = new FakeGL() as FakeGL & Record<string, unknown>;
    Object.assign(gl, {
      luma: { device: { id: 'webgl-device-0' } },
      lumaState: { cache: { 3042: true } },
      enable: () => 'cached: skipped',
      drawingBufferColorSpace: 'srgb',
    });
    expect(gl.enable(3042)).toBe('cached: skipped');
    detachLuma(gl);
    expect('luma' in gl).toBe(false);
    expect('lumaState' in gl).toBe(false);
    expect(gl.enable(3042)).toBe('real enable 3042');
    expect(Object.getOwnPropertyNames(gl)).toEqual(['drawingBufferColorSpace']);
  });

  it('leaves an unmarked context as it was', () => {
    const gl = new FakeGL();
    detachLuma(gl);
    expect(Object.getOwnPropertyNames(gl)).toEqual([]);
    expect(gl.enable(1)).toBe('real enable 1');
  });
});
