import { describe, expect, it } from 'vitest';
import {
  CLUSTER,
  analyseSpatial,
  fromLists,
  spatialCSV,
  spatialRows,
  weightsCSV,
} from '../../../src/analytics/spatial';

describe('spatial CSV', () => {
  // a line of 4 (values 1, 2, 3, 6; the hand-worked case of lisa.test.ts) plus an island and a missing value
  const w = fromLists([[1], [0, 2], [1, 3], [2], [], [3]]);
  const r = analyseSpatial([1, 2, 3, 6, 7, null], w, null, { permutations: 0 });
  const codes = ['001', '002', '003', '004', '005', '006'];
  const names = ['Uno', 'Due, "bis"', 'Tre', 'Quattro', 'Isola', 'Senza valore'];

  it('columns, quoting, missing as empty, GeoDa codes', () => {
    const csv = spatialCSV(spatialRows(codes, names, r));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('code,name,value,lag,lisa_i,lisa_p,cluster,neighbours');
    // lag of values (2), local I 3/7 (12 significant digits); without permutations no p → not significant (0)
    expect(lines[1]).toBe('001,Uno,1,2,0.428571428571,,0,1');
    expect(lines[2]).toBe('002,"Due, ""bis""",2,2,0.214285714286,,0,2');
    // the island: value kept, no lag, no local I, class 6
    expect(lines[5]).toBe(`005,Isola,7,,,,${CLUSTER.isolated},0`);
    // the missing value: everything empty, its link to 004 dropped
    expect(lines[6]).toBe('006,Senza valore,,,,,,0');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('weights: code,neighbour both ways, links to missing values dropped', () => {
    expect(weightsCSV(codes, r).trimEnd().split('\n')).toEqual([
      'code,neighbour',
      '001,002',
      '002,001',
      '002,003',
      '003,002',
      '003,004',
      '004,003',
    ]);
  });
});
