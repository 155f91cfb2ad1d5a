/**
 * Spatial weights of an imported grouping of comuni (pure). The groups have no topology of their own (their
 * map boundaries are merged polygons, not arcs), so contiguity comes from the member comuni: two groups are
 * neighbours when a member comune of one is a queen neighbour of a member comune of the other. A group's point
 * (for k nearest, distance band and attaching islands) is the mean of its member comuni's points.
 */
import {
  bandWeights,
  buildWeights,
  fromLists,
  knnWeights,
  type WeightsSpec,
  type Weights,
} from '../analytics/spatial/index';
import type { FlatTopology } from '../core/geometry/topoBinary';

/** Group index per unit (−1 for a unit in no group of `groupCodes`). */
function groupIndexOf(
  unitCodes: readonly string[],
  memberOf: ReadonlyMap<string, string>,
  groupCodes: readonly string[],
): Int32Array {
  const gi = new Map(groupCodes.map((g, i) => [g, i]));
  const out = new Int32Array(unitCodes.length).fill(-1);
  unitCodes.forEach((c, i) => {
    const g = memberOf.get(c);
    if (g !== undefined) out[i] = gi.get(g) ?? -1;
  });
  return out;
}

/** Binary group weights: groups a and b are linked when some member of a neighbours some member of b in `units`. */
export function groupNeighbours(
  unitCodes: readonly string[],
  units: Weights,
  memberOf: ReadonlyMap<string, string>,
  groupCodes: readonly string[],
): Weights {
  const g = groupIndexOf(unitCodes, memberOf, groupCodes);
  const lists: Set<number>[] = groupCodes.map(() => new Set<number>());
  for (let i = 0; i < units.n; i++) {
    const a = g[i];
    if (a < 0) continue;
    for (let k = units.offsets[i]; k < units.offsets[i + 1]; k++) {
      const b = g[units.neighbours[k]];
      if (b >= 0 && b !== a) {
        lists[a].add(b);
        lists[b].add(a);
      }
    }
  }
  return fromLists(lists.map((s) => [...s]));
}

/** A point per group: the mean of its members' points (NaN for a group without a located member). */
export function groupPoints(
  unitCodes: readonly string[],
  unitXY: Float64Array,
  memberOf: ReadonlyMap<string, string>,
  groupCodes: readonly string[],
): Float64Array {
  const g = groupIndexOf(unitCodes, memberOf, groupCodes);
  const sum = new Float64Array(2 * groupCodes.length);
  const n = new Float64Array(groupCodes.length);
  for (let i = 0; i < unitCodes.length; i++) {
    const a = g[i];
    const x = unitXY[2 * i];
    const y = unitXY[2 * i + 1];
    if (a < 0 || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    sum[2 * a] += x;
    sum[2 * a + 1] += y;
    n[a]++;
  }
  return sum.map((s, q) => (n[q >> 1] ? s / n[q >> 1] : NaN));
}

/** The grouping's weights for a spec, from the comuni's topology and points. */
export function groupWeights(
  topo: FlatTopology,
  unitXY: Float64Array,
  spec: WeightsSpec,
  memberOf: ReadonlyMap<string, string>,
  groupCodes: readonly string[],
): { weights: Weights; xy: Float64Array } {
  const xy = groupPoints(topo.codes, unitXY, memberOf, groupCodes);
  if (spec.kind === 'knn') return { weights: knnWeights(xy, spec.k), xy };
  if (spec.kind === 'band') return { weights: bandWeights(xy, spec.km), xy };
  return { weights: groupNeighbours(topo.codes, buildWeights(topo, spec, unitXY), memberOf, groupCodes), xy };
}
