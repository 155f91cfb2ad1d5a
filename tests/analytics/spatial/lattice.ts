/** Test helper: lattices (fixtures, not data). */
import { fromLists, type Weights } from '../../../src/analytics/spatial';

/** rook neighbours of an r × c lattice, cells numbered row by row */
export function rookLattice(r: number, c: number): Weights {
  const lists: number[][] = [];
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      const l: number[] = [];
      if (i > 0) l.push((i - 1) * c + j);
      if (i < r - 1) l.push((i + 1) * c + j);
      if (j > 0) l.push(i * c + j - 1);
      if (j < c - 1) l.push(i * c + j + 1);
      lists.push(l);
    }
  return fromLists(lists);
}
