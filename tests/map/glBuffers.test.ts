import { describe, it, expect } from 'vitest';
import { mercatorVertices, ringSegments, vertexColours } from '../../src/map/glBuffers';
import type { RGBA } from '../../src/map/layers';
import { shapes } from '../fixtures/map/shapes';

// Synthetic fixture (tests/fixtures/map/shapes.ts): A = a triangle (3 vertices), B = a closed square (5), C = a triangle.
const b = shapes();

describe('vertexColours: one RGBA per vertex, alpha 0 for "no data"', () => {
  const colours = new Map<string, RGBA>([
    ['A', [10, 20, 30, 255]],
    ['C', [1, 2, 3, 0]],
  ]);
  const c = vertexColours(b, colours);
  it("repeats a territory's colour on each of its vertices", () => {
    expect(c.length).toBe(4 * 11);
    expect([...c.subarray(0, 12)]).toEqual([10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255]);
  });
  it('a territory without a value gets 0, 0, 0, 0 on its five vertices', () => {
    expect([...c.subarray(12, 32)]).toEqual(new Array(20).fill(0));
  });
  it('a colour given with alpha 0 keeps alpha 1, so it is not drawn as "no data"', () => {
    expect([...c.subarray(32, 36)]).toEqual([1, 2, 3, 1]);
  });
  it('writes into the array it is given (a recolour allocates nothing)', () => {
    const again = vertexColours(b, new Map<string, RGBA>([['B', [7, 7, 7, 200]]]), c);
    expect(again).toBe(c);
    expect([...again.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...again.subarray(12, 16)]).toEqual([7, 7, 7, 200]);
  });
});

describe('mercatorVertices', () => {
  it('maps lon 0 / lat 0 to the centre of the world and lon 180 to its east edge', () => {
    const m = mercatorVertices(new Float64Array([0, 0, 180, 0, -90, 85.051129]));
    expect(m[0]).toBeCloseTo(0.5, 7);
    expect(m[1]).toBeCloseTo(0.5, 7);
    expect(m[2]).toBeCloseTo(1, 7);
    expect(m[4]).toBeCloseTo(0.25, 7);
    expect(m[5]).toBeCloseTo(0, 6);
  });
});

describe('ringSegments', () => {
  it('closes each ring: a 3-vertex ring gives 3 segments, the last back to its first vertex', () => {
    const s = ringSegments({ length: 2, startIndices: new Uint32Array([0, 3, 5]), positions: new Float64Array(10) });
    expect([...s]).toEqual([0, 1, 1, 2, 2, 0, 3, 4, 4, 3]);
  });
});
