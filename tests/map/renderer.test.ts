import { describe, expect, it } from 'vitest';
import { isSoftwareRendererName } from '../../src/map/renderer';

describe('software WebGL (camera moves jump there)', () => {
  it('tells the software rasterisers from GPUs by the renderer names browsers report', () => {
    // names as Chromium, Firefox and Mesa report them
    for (const sw of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'softpipe',
    ])
      expect(isSoftwareRendererName(sw), sw).toBe(true);
    for (const gpu of [
      'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Mesa Intel(R) UHD Graphics 630 (CFL GT2)',
      'Apple M1',
      'WebKit WebGL',
      '',
    ])
      expect(isSoftwareRendererName(gpu), gpu).toBe(false);
  });
});
