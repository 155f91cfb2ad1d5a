import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorMeta } from '../../src/contract';
import { openNodeDb, type NodeDb } from '../../src/db/node';
import { runQuery } from '../../src/db/sql';
import { groupingIndicators } from '../../src/db/queries/groupingIndicators';

const CATALOGUE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/data/catalogue.json');

// Synthetic fixture (not real data): 4 comuni, two groups G1 = {C1, C2}, G2 = {C3, C4}.
//   pop: count (sum).       G1 = 10 + 20 = 30;  G2: C4 has no row → no value
//   rate: per 100, numerator/denominator. C1 1/10·100 = 10, C2 6/20·100 = 30 → G1 = 7/30·100 = 23.33 (mean of rates: 20)
//   avg: population-weighted mean. G1 = (4·10 + 7·20)/30 = 6; G2 = (1·30 + 3·40)/70 = 2.142857…
const FIXTURE = `
CREATE TABLE territories AS SELECT * FROM (VALUES
  ('comune','001001',10.0), ('comune','001002',20.0), ('comune','002001',30.0), ('comune','002002',40.0)
) t(level, code, population);
CREATE TABLE indicators AS SELECT level, code, indicator, year::INTEGER AS year, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator FROM (VALUES
  ('comune','001001','pop',2024,10.0,NULL,NULL), ('comune','001002','pop',2024,20.0,NULL,NULL), ('comune','002001','pop',2024,30.0,NULL,NULL),
  ('comune','001001','rate',2024,10.0,1.0,10.0), ('comune','001002','rate',2024,30.0,6.0,20.0),
  ('comune','002001','rate',2024,50.0,15.0,30.0), ('comune','002002','rate',2024,25.0,10.0,40.0),
  ('comune','001001','avg',2024,4.0,NULL,NULL), ('comune','001002','avg',2024,7.0,NULL,NULL),
  ('comune','002001','avg',2024,1.0,NULL,NULL), ('comune','002002','avg',2024,3.0,NULL,NULL)
) v(level, code, indicator, year, value, numerator, denominator);
CREATE TABLE "user grouping ""ats""" AS SELECT * FROM (VALUES ('001001','G1'), ('001002','G1'), ('002001','G2'), ('002002','G2')) m(comune_code, group_code);
`;

describe('groupingIndicators (DuckDB, synthetic fixture)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    for (const stmt of FIXTURE.split(';').filter((s) => s.trim())) await db.exec(stmt);
  });
  afterAll(() => db.close());

  it('sums, ratio of sums and population-weighted means; incomplete groups stay missing', async () => {
    const rows = await runQuery(db, groupingIndicators, {
      members: 'user grouping "ats"',
      indicators: [
        { id: 'pop', method: 'sum' },
        // no scale given (an indicator imported before the catalogue had one): read off its rows (100)
        { id: 'rate', method: 'ratio_of_sums' },
        { id: 'avg', method: 'weighted_mean' },
      ],
    });
    const v = Object.fromEntries(rows.map((r) => [`${r.indicator}:${r.group}`, r]));
    expect(v['pop:G1']).toMatchObject({ value: 30, withValue: 2, members: 2 });
    expect(v['pop:G2']).toMatchObject({ value: null, withValue: 1, members: 2 });
    expect(v['rate:G1'].value).toBeCloseTo((7 / 30) * 100, 10);
    expect(v['rate:G2'].value).toBeCloseTo((25 / 70) * 100, 10);
    expect(v['avg:G1'].value).toBeCloseTo(6, 12);
    expect(v['avg:G2'].value).toBeCloseTo(150 / 70, 12);
  });

  it('uses the scale it is given (the catalogue’s), not one read off the rows', async () => {
    // the rows of 'rate' are per 100 (10 = 100 × 1/10); told its scale is 1,000, G1 = 1000 × 7/30 = 233.33…
    const rows = await runQuery(db, groupingIndicators, {
      members: 'user grouping "ats"',
      indicators: [{ id: 'rate', method: 'ratio_of_sums', scale: 1000 }],
    });
    const v = Object.fromEntries(rows.map((r) => [r.group, r.value]));
    expect(v.G1).toBeCloseTo((1000 * 7) / 30, 10);
    expect(v.G2).toBeCloseTo((1000 * 25) / 70, 10);
  });

  it('the published scale of a real indicator (catalogue.json) applied to fixture rows', async () => {
    const cat = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8')) as IndicatorMeta[];
    const meta = cat.find((m) => m.id === 'citizenship_per_1000');
    expect(meta?.scale).toBe(1000);
    // fixture rows 'cit': C1 2 of 50 (40), C2 1 of 150 (6.67, printed rounded to 7) → G1 = 1000 × 3/200 = 15.
    // Read off the rows instead, the scale would be the median of 1000 and 1050 = 1025, and G1 15.375.
    await db.exec(
      `INSERT INTO indicators VALUES ('comune','001001','cit',2024,40.0,2.0,50.0), ('comune','001002','cit',2024,7.0,1.0,150.0)`,
    );
    const rows = await runQuery(db, groupingIndicators, {
      members: 'user grouping "ats"',
      indicators: [{ id: 'cit', method: 'ratio_of_sums', scale: meta!.scale }],
    });
    expect(rows.find((r) => r.group === 'G1')?.value).toBeCloseTo(15, 10);
  });

  it('no indicators → no rows (a valid query)', async () => {
    expect(await runQuery(db, groupingIndicators, { members: 'user grouping "ats"', indicators: [] })).toEqual([]);
  });
});
