/** A dataset's rows as Parquet inside the project file: what goes in comes back, missing stays null (never 0). */
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../src/contract';
import type { ServiceRecord } from '../../src/core/userData';
import {
  groupingParquet,
  indicatorsParquet,
  readGrouping,
  readIndicators,
  readServices,
  servicesParquet,
} from '../../src/project/tables';

// SYNTHETIC fixture rows (real comune codes of the Crotone province, invented values)
describe('project tables (Parquet)', () => {
  it('indicator rows round-trip; a missing value, numerator or denominator stays null', async () => {
    const rows: IndicatorRow[] = [
      {
        level: 'comune',
        code: '101010',
        indicator: 'user_a',
        year: 2024,
        value: 77,
        numerator: null,
        denominator: null,
      },
      {
        level: 'comune',
        code: '101011',
        indicator: 'user_a',
        year: 2024,
        value: null,
        numerator: null,
        denominator: null,
      },
      { level: 'province', code: '101', indicator: 'user_r', year: 2023, value: 12.5, numerator: 25, denominator: 200 },
    ];
    expect(await readIndicators(indicatorsParquet(rows))).toEqual(rows);
  });

  it('service points round-trip with their contacts; absent contacts stay absent', async () => {
    const points: ServiceRecord[] = [
      {
        layer: 'user_cpi',
        id: 'p1',
        name: 'Centro per l’impiego (sintetico)',
        address: 'Via Roma 1',
        type: null,
        capacity: null,
        lon: 17.12,
        lat: 39.08,
        comune_code: '101010',
        precision: 'exact',
        phone: '+39 0962 000000',
        email: 'cpi@example.org',
      },
      {
        layer: 'user_cpi',
        id: 'p2',
        name: 'Sportello <b>2</b>',
        address: null,
        type: 'sportello',
        capacity: 3,
        lon: 17.2,
        lat: 39.1,
        comune_code: null,
        precision: 'comune',
      },
    ];
    expect(await readServices(servicesParquet(points))).toEqual(points);
  });

  it('grouping members round-trip', async () => {
    const m = [
      { comune_code: '101010', group_code: 'A', group_name: 'ATS Crotone (sintetico)' },
      { comune_code: '101011', group_code: 'B', group_name: 'ATS Cirò Marina (sintetico)' },
    ];
    expect(await readGrouping(groupingParquet(m))).toEqual(m);
  });

  it('no rows: an empty table, not an error', async () => {
    expect(await readIndicators(indicatorsParquet([]))).toEqual([]);
  });
});
