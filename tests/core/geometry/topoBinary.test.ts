import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTopology, triangulate, type TopologyLike } from '../../../src/core/geometry/topoBinary';
import { toBinary } from '../../../src/core/geometry/binary';
import { topoToFeatures } from '../../../src/map/geo';
import type { Topology } from 'topojson-specification';

// A synthetic topology (test fixture), quantised: x = 10 + 0.5·q, y = 40 + 0.25·q.
//   arc0 (0,0)(4,0)(4,4) → (10,40)(12,40)(12,41)      arc1 (4,4)(0,4)(0,0) → (12,41)(10,41)(10,40)
//   arc2 a small square (10.5,40.25)…(10.5,40.25)        arc3 (12,40)(14,40)(14,41)
//   arc4 (14,41)(12,41)                                  arc5 (12,41)(12,40)
const TOPO: TopologyLike = {
  type: 'Topology',
  transform: { scale: [0.5, 0.25], translate: [10, 40] },
  arcs: [
    [
      [0, 0],
      [4, 0],
      [0, 4],
    ],
    [
      [4, 4],
      [-4, 0],
      [0, -4],
    ],
    [
      [1, 1],
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ],
    [
      [4, 0],
      [4, 0],
      [0, 4],
    ],
    [
      [8, 4],
      [-4, 0],
    ],
    [
      [4, 4],
      [0, -4],
    ],
  ],
  objects: {
    territories: {
      type: 'GeometryCollection',
      geometries: [
        // A: a square with a square hole (two arcs stitched: their shared point once)
        { type: 'Polygon', arcs: [[0, 1], [2]], properties: { code: 'A', name: 'Alfa' } },
        // B: three arcs
        { type: 'Polygon', arcs: [[3, 4, 5]], properties: { code: 'B', name: 'Beta' } },
        // C: one reversed two-point arc: a degenerate ring, padded to 4 points with its first
        { type: 'MultiPolygon', arcs: [[[~5]]], properties: { code: 'C', name: 'Gamma' } },
        // D: no geometry
        { type: null, properties: { code: 'D', name: 'Delta' } },
      ],
    },
  },
};

describe('TopoJSON straight to flat arrays', () => {
  it('stitches, reverses, pads and indexes rings as worked by hand', () => {
    const d = decodeTopology(TOPO);
    expect(Array.from(d.positions)).toEqual([
      // A outer: arc0 then arc1 without its first point
      10, 40, 12, 40, 12, 41, 10, 41, 10, 40,
      // A hole
      10.5, 40.25, 11, 40.25, 11, 40.5, 10.5, 40.5, 10.5, 40.25,
      // B: arc3, arc4 and arc5 each without its first point
      12, 40, 14, 40, 14, 41, 12, 41, 12, 40,
      // C: arc5 reversed (12,40)(12,41), then its first point twice
      12, 40, 12, 41, 12, 40, 12, 40,
    ]);
    expect(Array.from(d.startIndices)).toEqual([0, 10, 15, 19, 19]);
    expect(Array.from(d.ringStarts)).toEqual([0, 5, 10, 15, 19]);
    expect(Array.from(d.featureRings)).toEqual([0, 2, 3, 4, 4]);
    expect(Array.from(d.polygonRings)).toEqual([0, 2, 3, 4]);
    expect(Array.from(d.bbox.subarray(0, 12))).toEqual([10, 40, 12, 41, 12, 40, 14, 41, 12, 40, 12, 41]);
    expect(d.codes).toEqual(['A', 'B', 'C', 'D']);
    expect(d.names).toEqual(['Alfa', 'Beta', 'Gamma', 'Delta']);
    expect(d.indices.length).toBe(0);
  });

  it('triangulates the square with a hole into 8 triangles that avoid the hole', () => {
    const d = decodeTopology(TOPO);
    const tri = triangulate(d);
    const a = Array.from(tri).filter((v) => v < 10);
    expect(a.length).toBe(8 * 3);
    // area of A's triangles = 2 × 1 − 0.5 × 0.25 = 1.875
    let area = 0;
    for (let t = 0; t < a.length; t += 3) {
      const [p, q, r] = [a[t], a[t + 1], a[t + 2]].map((v) => [d.positions[2 * v], d.positions[2 * v + 1]]);
      area += Math.abs((q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1])) / 2;
    }
    expect(area).toBeCloseTo(1.875, 12);
  });

  it('equals topojson-client + toBinary on the fixture', () => {
    const d = decodeTopology(TOPO);
    const ref = toBinary(topoToFeatures(TOPO as unknown as Topology).features);
    expect(Array.from(d.positions)).toEqual(Array.from(ref.positions));
    expect(Array.from(triangulate(d))).toEqual(Array.from(ref.indices));
  });

  it('says which file and arc are wrong', () => {
    const bad = {
      ...TOPO,
      objects: { territories: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[9]] }] } },
    };
    expect(() => decodeTopology(bad, 'territories', 'geo/x.topo.json')).toThrow(
      /geo\/x\.topo\.json: feature 0 refers to arc 9/,
    );
    expect(() => decodeTopology({ ...TOPO, objects: {} }, 'territories', 'geo/x.topo.json')).toThrow(
      /no "territories" object/,
    );
  });

  for (const file of ['regions', 'provinces', 'comuni']) {
    const p = path.resolve('public/geo', `${file}.topo.json`);
    it.runIf(fs.existsSync(p))(`gives exactly what topojson-client + toBinary give for the real ${file}`, () => {
      const topo = JSON.parse(fs.readFileSync(p, 'utf8'));
      const d = decodeTopology(topo);
      const ref = toBinary(topoToFeatures(topo).features);
      expect(d.length).toBe(ref.length);
      expect(d.codes).toEqual(ref.codes);
      expect(Buffer.from(d.positions.buffer).equals(Buffer.from(ref.positions.buffer))).toBe(true);
      expect(Array.from(d.ringStarts)).toEqual(Array.from(ref.ringStarts));
      expect(Array.from(d.featureRings)).toEqual(Array.from(ref.featureRings));
      expect(Array.from(d.bbox)).toEqual(Array.from(ref.bbox));
      expect(Buffer.from(triangulate(d).buffer).equals(Buffer.from(ref.indices.buffer))).toBe(true);
    });
  }
});
