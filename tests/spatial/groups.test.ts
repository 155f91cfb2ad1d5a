// The neighbour rule of an imported grouping: two groups are neighbours when member comuni are queen neighbours.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { buildWeights, fromLists, isSymmetric, toLists } from '../../src/analytics/spatial/index';
import { groupNeighbours, groupPoints } from '../../src/spatial/groups';
import { readTopology } from '../../src/spatial/topology';
import { openNodeDb } from '../../src/db/node';

// FIXTURE (hand-made lattice, synthetic): a 3 × 3 grid of cells c1…c9, queen contiguity (edge or corner)
//   c1 c2 c3        groups: A = {c1, c2, c4}, B = {c3, c6}, C = {c9}, D = {c7}
//   c4 c5 c6        c5 and c8 are in no group; E has no member on the map; c10 is a member with no cell
//   c7 c8 c9
const cells = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];
const rc = (i: number) => [Math.floor(i / 3), i % 3];
const queen = fromLists(
  cells.map((_, i) =>
    cells
      .map((__, j) => j)
      .filter((j) => j !== i && Math.abs(rc(i)[0] - rc(j)[0]) <= 1 && Math.abs(rc(i)[1] - rc(j)[1]) <= 1),
  ),
);
const memberOf = new Map([
  ['c1', 'A'],
  ['c2', 'A'],
  ['c4', 'A'],
  ['c3', 'B'],
  ['c6', 'B'],
  ['c9', 'C'],
  ['c7', 'D'],
  ['c10', 'A'],
]);
const groups = ['A', 'B', 'C', 'D', 'E'];

describe('group contiguity from member comuni', () => {
  it('worked by hand: A–B (c2|c3 edge, c2/c6 corner), A–D (c4|c7), B–C (c6|c9); C and D do not touch (c8 between); E is an island', () => {
    const w = groupNeighbours(cells, queen, memberOf, groups);
    expect(toLists(w)).toEqual([[1, 3], [0, 2], [1], [0], []]);
    expect(isSymmetric(w)).toBe(true);
  });
  it('a corner is enough (queen): with only c2 in A and c6 in B they are still neighbours', () => {
    const m = new Map([
      ['c2', 'A'],
      ['c6', 'B'],
    ]);
    expect(toLists(groupNeighbours(cells, queen, m, ['A', 'B']))).toEqual([[1], [0]]);
  });
  it('a group’s point is the mean of its members’ points; a group without a located member has none', () => {
    const xy = new Float64Array(cells.flatMap((_, i) => [rc(i)[1], rc(i)[0]]));
    const p = groupPoints(cells, xy, memberOf, groups);
    expect(p[0]).toBeCloseTo(1 / 3, 12);
    expect(p[1]).toBeCloseTo(1 / 3, 12);
    expect([p[2], p[3]]).toEqual([2, 0.5]);
    expect([p[4], p[5]]).toEqual([2, 2]);
    expect(Number.isNaN(p[8]) && Number.isNaN(p[9])).toBe(true);
  });
});

const topology = async (f: string) => {
  const b = fs.readFileSync(f);
  return readTopology(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, f);
};

describe('the rule on real data: the SLL as a grouping of their comuni', () => {
  it('gives the SLL boundaries’ own queen contiguity for 512 of the 515 SLL; the comuni add Bronte–Catania and Bronte–Giarre (they meet on Etna), none is lost', async () => {
    const com = await topology('public/geo/comuni.topo.json');
    const sll = await topology('public/geo/sll.topo.json');
    const db = await openNodeDb();
    let memberOf: Map<string, string>;
    try {
      await db.loadParquet('t', 'public/data/territories.parquet');
      const r = await db.all(`SELECT code, sll_code FROM t WHERE level = 'comune' AND sll_code IS NOT NULL`);
      memberOf = new Map(r.map((x) => [String(x.code), String(x.sll_code)]));
    } finally {
      db.close();
    }
    const fromComuni = toLists(groupNeighbours(com.codes, buildWeights(com, { kind: 'queen' }), memberOf, sll.codes));
    const own = toLists(buildWeights(sll, { kind: 'queen' }));
    const extra: string[] = [];
    let same = 0;
    own.forEach((l, i) => {
      if (l.join() === fromComuni[i].join()) same++;
      for (const j of fromComuni[i]) if (!l.includes(j) && i < j) extra.push(`${sll.names[i]}–${sll.names[j]}`);
      for (const j of l) expect(fromComuni[i]).toContain(j);
    });
    expect(sll.codes.length).toBe(515);
    expect(same).toBe(512);
    expect(extra).toEqual(['Bronte–Catania', 'Bronte–Giarre']);
  }, 60000);
});
