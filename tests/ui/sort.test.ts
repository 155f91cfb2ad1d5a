import { describe, it, expect } from 'vitest';
import { sortRows, comparator, type SortColumn } from '../../src/ui/sort';

// Fixture rows (synthetic): a name, a value with a gap, a p-value for ties.
interface Row {
  name: string;
  v: number | null;
  p: number;
}
const rows: Row[] = [
  { name: 'Forlì', v: 3, p: 0.5 },
  { name: 'Aosta', v: null, p: 0.1 },
  { name: 'Éboli', v: 1, p: 0.2 },
  { name: 'Bari', v: 3, p: 0.01 },
];
const names = (rs: Row[]) => rs.map((r) => r.name);

describe('the tables’ sorting rule', () => {
  const byName: SortColumn<Row> = { key: 'name', label: 'n', value: (r) => r.name };
  const byV: SortColumn<Row> = { key: 'v', label: 'v', value: (r) => r.v };
  it('texts in Italian order (É with E), both directions', () => {
    expect(names(sortRows(rows, byName, true))).toEqual(['Aosta', 'Bari', 'Éboli', 'Forlì']);
    expect(names(sortRows(rows, byName, false))).toEqual(['Forlì', 'Éboli', 'Bari', 'Aosta']);
  });
  it('numbers by size, the missing one last in both directions, equal ones in their order', () => {
    expect(names(sortRows(rows, byV, true))).toEqual(['Éboli', 'Forlì', 'Bari', 'Aosta']);
    expect(names(sortRows(rows, byV, false))).toEqual(['Forlì', 'Bari', 'Éboli', 'Aosta']);
  });
  it('ties broken by the column’s tie rule, which does not turn with the direction', () => {
    const tied = { ...byV, tie: (a: Row, b: Row) => a.p - b.p };
    expect(names(sortRows(rows, tied, true))).toEqual(['Éboli', 'Bari', 'Forlì', 'Aosta']);
    expect(names(sortRows(rows, tied, false))).toEqual(['Bari', 'Forlì', 'Éboli', 'Aosta']);
  });
  it('a comparison of its own gets the direction; a column without a value leaves the order', () => {
    const own: SortColumn<Row> = { key: 'p', label: 'p', compare: (a, b, dir) => dir * (a.p - b.p) };
    expect(comparator(own, -1)(rows[0], rows[1])).toBeCloseTo(-0.4, 10);
    expect(names(sortRows(rows, { key: 'x', label: 'x' }, true))).toEqual(names(rows));
    expect(sortRows(rows, byV, true)).not.toBe(rows);
  });
});
