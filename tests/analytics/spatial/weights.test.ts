import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { flattenTopology, type TopologyLike } from '../../../src/core/geometry/topoBinary';
import { unpackTopology } from '../../../src/core/geometry/topoPack';
import {
  attachIslands,
  bandWeights,
  featureCentroids,
  fromLists,
  isSymmetric,
  islands,
  knnWeights,
  parseWeightsSpec,
  queenFromTopology,
  rowStandardise,
  toLists,
  type Weights,
} from '../../../src/analytics/spatial';
import { gunzipSync } from 'node:zlib';

/**
 * Fixture topology (absolute coordinates), arcs cut at the junctions as TopoJSON does:
 * A = [0,1]², B = [1,2]×[0,1] share the edge x = 1 (arc 0); C = [2,3]×[1,2] touches B only at the
 * vertex (2, 1) (an arc end point of both); D = [5,6]×[0,1] touches nothing.
 */
const FIXTURE: TopologyLike = {
  type: 'Topology',
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
    ],
    [
      [2, 1],
      [1, 1],
    ],
    [
      [2, 1],
      [3, 1],
      [3, 2],
      [2, 2],
      [2, 1],
    ],
    [
      [5, 0],
      [6, 0],
      [6, 1],
      [5, 1],
      [5, 0],
    ],
  ],
  objects: {
    territories: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[1, 0]], properties: { code: 'A' } },
        { type: 'Polygon', arcs: [[2, 3, -1]], properties: { code: 'B' } },
        { type: 'Polygon', arcs: [[4]], properties: { code: 'C' } },
        { type: 'Polygon', arcs: [[5]], properties: { code: 'D' } },
      ],
    },
  },
};

function rowSums(w: Weights): number[] {
  const out: number[] = [];
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k];
    out.push(s);
  }
  return out;
}

describe('queen contiguity from the topology', () => {
  it('shared arc and shared vertex are neighbours; the island has none', () => {
    const w = queenFromTopology(flattenTopology(FIXTURE));
    expect(toLists(w)).toEqual([[1], [0, 2], [1], []]);
    expect(islands(w)).toEqual([3]);
    expect(isSymmetric(w)).toBe(true);
    const r = rowStandardise(w);
    expect(rowSums(r)).toEqual([1, 1, 1, 0]);
    expect(Array.from(r.weights)).toEqual([1, 0.5, 0.5, 1]);
  });

  it('centroids of the fixture squares', () => {
    const xy = featureCentroids(flattenTopology(FIXTURE));
    expect(Array.from(xy)).toEqual([0.5, 0.5, 1.5, 0.5, 2.5, 1.5, 5.5, 0.5]);
  });

  const geo = path.resolve(__dirname, '../../../public/geo');
  it('real provinces: symmetric, no self-link, row sums 1, known neighbours', () => {
    const topo = JSON.parse(fs.readFileSync(path.join(geo, 'provinces.topo.json'), 'utf8')) as TopologyLike;
    const flat = flattenTopology(topo);
    const w = queenFromTopology(flat);
    expect(w.n).toBe(107);
    expect(isSymmetric(w)).toBe(true);
    const lists = toLists(w);
    lists.forEach((l, i) => expect(l).not.toContain(i));
    const at = (code: string) => flat.codes.indexOf(code);
    const nb = (code: string) => lists[at(code)].map((j) => flat.codes[j]);
    // Milano (015) borders Monza e Brianza (108); Roma (058) borders Viterbo (056) and Latina (059)
    expect(nb('015')).toContain('108');
    expect(nb('058')).toEqual(expect.arrayContaining(['056', '059']));
    // Sardinia and Sicily are not contiguous with the mainland: Cagliari (092) only Sardinian provinces
    expect(nb('092').every((c) => ['090', '091', '095', '111'].includes(c))).toBe(true);
    const r = rowStandardise(w);
    for (const [i, s] of rowSums(r).entries())
      expect(s === 0 ? lists[i].length : s).toBeCloseTo(lists[i].length ? 1 : 0, 12);
  });

  it('real comuni (packed topology): symmetric, and the island comuni are islands', () => {
    const flat = unpackTopology(gunzipSync(fs.readFileSync(path.join(geo, 'comuni.ctb.gz'))).buffer as ArrayBuffer);
    const w = queenFromTopology(flat);
    expect(isSymmetric(w)).toBe(true);
    const isl = new Set(islands(w).map((i) => flat.names[i]));
    // the small-island comuni alone on their island, and the exclave Campione d'Italia (in Switzerland)
    expect([...isl].sort()).toEqual(
      [
        "Campione d'Italia",
        'Capraia Isola',
        'Carloforte',
        'Favignana',
        'Isola del Giglio',
        'Isole Tremiti',
        'La Maddalena',
        'Lampedusa e Linosa',
        'Lipari',
        'Pantelleria',
        'Ponza',
        'Procida',
        'Ustica',
        'Ventotene',
      ].sort(),
    );
    // Capri and Anacapri share their island: neighbours of each other, not islands
    const at = (name: string) => flat.names.indexOf(name);
    expect(toLists(w)[at('Capri')]).toEqual([at('Anacapri')]);
  });
});

describe('k-nearest, distance band, attaching islands', () => {
  const xy = new Float64Array([0, 0, 0.1, 0, 0.3, 0, 2, 0]);
  it('knn: k links per unit, nearest first dropped of self', () => {
    const w = knnWeights(xy, 1);
    expect(toLists(w)).toEqual([[1], [0], [1], [2]]);
    expect(isSymmetric(w)).toBe(false);
    expect(rowSums(rowStandardise(knnWeights(xy, 2)))).toEqual([1, 1, 1, 1]);
  });
  it('band: everything within the distance (0.1° of longitude at the equator ≈ 11.1 km)', () => {
    expect(toLists(bandWeights(xy, 12))).toEqual([[1], [0], [], []]);
    expect(toLists(bandWeights(xy, 34))).toEqual([[1, 2], [0, 2], [0, 1], []]);
    expect(isSymmetric(bandWeights(xy, 34))).toBe(true);
  });
  it('islands attached both ways', () => {
    const w = attachIslands(fromLists([[1], [0], [], []]), xy, 1);
    expect(toLists(w)).toEqual([[1], [0, 2], [1, 3], [2]]);
    expect(isSymmetric(w)).toBe(true);
  });
  it('parses the weights option', () => {
    expect(parseWeightsSpec('queen')).toEqual({ kind: 'queen' });
    expect(parseWeightsSpec('knn:6')).toEqual({ kind: 'knn', k: 6 });
    expect(parseWeightsSpec('band:25.5')).toEqual({ kind: 'band', km: 25.5 });
    expect(parseWeightsSpec('knn:0')).toHaveProperty('error');
    expect(parseWeightsSpec('rook')).toHaveProperty('error');
  });
});
