import { describe, it, expect } from 'vitest';
import type { CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { GlChoropleth } from '../../src/map/glChoropleth';
import type { RGBA } from '../../src/map/layers';
import { shapes } from '../fixtures/map/shapes';

// Synthetic fixture (tests/fixtures/map/shapes.ts): A = a triangle (3 vertices), B = a closed square (5), C = a triangle.
const b = shapes();

/** A stand-in WebGL context that records the calls the layer makes (constants are their own names). */
function fakeGl() {
  const calls: { name: string; args: unknown[] }[] = [];
  const answers: Record<string, (...a: unknown[]) => unknown> = {
    getShaderParameter: () => true,
    getProgramParameter: () => true,
    getAttribLocation: () => 0,
    getExtension: () => ({}),
  };
  const gl = new Proxy({} as Record<string, unknown>, {
    has: () => true,
    get: (_, name: string) => {
      if (/^[A-Z_0-9]+$/.test(name)) return name;
      return (...args: unknown[]) => {
        calls.push({ name, args });
        return answers[name] ? answers[name](...args) : {};
      };
    },
  });
  return { gl: gl as unknown as WebGL2RenderingContext, calls };
}

function setup() {
  const { gl, calls } = fakeGl();
  let repaints = 0;
  const map = { getPixelRatio: () => 1, triggerRepaint: () => repaints++ } as unknown as MapLibreMap;
  const layer = new GlChoropleth('choropleth');
  layer.onAdd(map, gl);
  const options = { defaultProjectionData: { mainMatrix: new Float32Array(16) } } as CustomRenderMethodInput;
  const frame = () => {
    calls.length = 0;
    layer.render(gl, options);
    return calls;
  };
  return { layer, frame, repaints: () => repaints };
}
const named = (calls: { name: string; args: unknown[] }[], name: string) => calls.filter((c) => c.name === name);
/** the data of a bufferData (target, data, usage) or bufferSubData (target, offset, data) call */
const bytes = (c: { name: string; args: unknown[] }) => [...(c.args[c.name === 'bufferData' ? 1 : 2] as Uint8Array)];
const uniform1f = (calls: { name: string; args: unknown[] }[]) => named(calls, 'uniform1f').map((c) => c.args[1]);

describe('GlChoropleth: the buffers a recolour touches', () => {
  const red: RGBA = [200, 0, 0, 255];
  const blue: RGBA = [0, 0, 200, 255];
  it('first frame: vertices, triangles and one colour per vertex (B and C have no value: alpha 0), drawn whole', () => {
    const { layer, frame } = setup();
    layer.setData(b);
    layer.setColours(new Map([['A', red]]), 'k1', 0);
    const calls = frame();
    const data = named(calls, 'bufferData');
    expect(data).toHaveLength(4); // positions, indices, colours, transition start
    expect(bytes(data[2])).toEqual([...[200, 0, 0, 255, 200, 0, 0, 255, 200, 0, 0, 255], ...new Array(32).fill(0)]);
    expect(named(calls, 'drawElements')[0].args).toEqual(['TRIANGLES', b.indices.length, 'UNSIGNED_INT', 0]);
    expect(named(calls, 'bufferSubData')).toHaveLength(0);
  });
  it('a recolour is one bufferSubData of the colours; the same key again uploads nothing', () => {
    const { layer, frame } = setup();
    layer.setData(b);
    layer.setColours(new Map([['A', red]]), 'k1', 0);
    frame();
    layer.setColours(
      new Map([
        ['A', blue],
        ['B', red],
      ]),
      'k2',
      0,
    );
    const calls = frame();
    const sub = named(calls, 'bufferSubData');
    expect(sub).toHaveLength(1);
    expect(bytes(sub[0]).slice(0, 4)).toEqual([0, 0, 200, 255]);
    expect(bytes(sub[0]).slice(12, 16)).toEqual([200, 0, 0, 255]);
    expect(named(calls, 'bufferData')).toHaveLength(0);
    layer.setColours(new Map(), 'k2', 0);
    expect(named(frame(), 'bufferSubData')).toHaveLength(0);
  });
  it('a transition also uploads the colours before as its start, blends from 0 and asks for more frames', () => {
    const { layer, frame, repaints } = setup();
    layer.setData(b);
    layer.setColours(new Map([['A', red]]), 'k1', 450);
    // the first colours have nothing to blend from
    expect(uniform1f(frame())[0]).toBe(1);
    layer.setColours(new Map([['A', blue]]), 'k2', 450);
    const before = repaints();
    const calls = frame();
    const sub = named(calls, 'bufferSubData');
    expect(sub).toHaveLength(2);
    expect(bytes(sub[0]).slice(0, 4)).toEqual([0, 0, 200, 255]);
    expect(bytes(sub[1]).slice(0, 4)).toEqual([200, 0, 0, 255]);
    // u_t (the blend) starts at 0 on the transition's first frame
    expect(uniform1f(calls)[0]).toBe(0);
    expect(repaints()).toBeGreaterThan(before);
  });
});
