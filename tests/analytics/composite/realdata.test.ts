import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt } from '../../builtData';
import fs from 'node:fs';
import { openNodeDb } from '../../../src/db/node';
import { toIndicatorRow, toTerritory } from '../../../src/contract';
import type { IndicatorMeta } from '../../../src/analytics/catalogue';
import {
  buildMatrix,
  defaultConfig,
  prepare,
  resultRows,
  runMonteCarlo,
  scoreWith,
  toCSV,
  type IndicatorRowWithId,
  type MatrixTerritory,
} from '../../../src/analytics/composite/index';

const DIR = 'public/data';
requireBuilt(...['catalogue.json', 'territories.parquet', 'indicators.parquet'].map((f) => `${DIR}/${f}`));

describe('the real data (public/data), province level, default configuration', () => {
  let catalogue: IndicatorMeta[];
  let territories: MatrixTerritory[];
  let rows: IndicatorRowWithId[];
  beforeAll(async () => {
    catalogue = JSON.parse(fs.readFileSync(`${DIR}/catalogue.json`, 'utf8'));
    const db = await openNodeDb();
    await db.loadParquet('t', `${DIR}/territories.parquet`);
    await db.loadParquet('i', `${DIR}/indicators.parquet`);
    territories = (
      await db.all('SELECT level, code, name, province_code, region_code FROM t ORDER BY level, code')
    ).map((r) => {
      const { level, code, name, province_code, region_code } = toTerritory(r);
      return { level, code, name, province_code, region_code };
    });
    rows = (await db.all('SELECT * FROM i')).map(toIndicatorRow);
    db.close();
  });

  it('107 rows, scored ones ranked 1.., Monte Carlo of 200 draws is deterministic', () => {
    const config = defaultConfig(catalogue, 'province');
    expect(config.indicators.length).toBeGreaterThanOrEqual(8);
    const matrix = buildMatrix(
      rows,
      territories,
      'province',
      config.indicators.map((i) => i.id),
    );
    const p = prepare(matrix, config);
    const result = scoreWith(p);
    const list = resultRows(matrix, result);
    expect(list).toHaveLength(107);
    expect(result.scored).toBeGreaterThan(90);
    expect(Math.min(...[...result.rank].filter((r) => r > 0))).toBe(1);
    for (const r of list) if (r.score !== null) expect(r.score >= 0 && r.score <= 100).toBe(true);
    // labour indicators are regional: inherited by every province, flagged as from the region
    const j = matrix.ids.indexOf('unemployment_rate');
    expect(j).toBeGreaterThanOrEqual(0);
    expect(matrix.sourceLevel[j].every((s) => s === 2)).toBe(true);
    const a = runMonteCarlo(p, { draws: 200, seed: 42 });
    const b = runMonteCarlo(prepare(matrix, config), { draws: 200, seed: 42 });
    expect(b).toEqual(a);
    expect(toCSV(resultRows(matrix, result, a), result.pillars)).toBe(
      toCSV(resultRows(matrix, result, b), result.pillars),
    );
  });

  it('the "Italy" reference is the national value, and distance to Italy no longer explodes on a change', () => {
    const config = defaultConfig(catalogue, 'province');
    const matrix = buildMatrix(
      rows,
      territories,
      'province',
      config.indicators.map((i) => i.id),
    );
    const at = (id: string) => matrix.ids.indexOf(id);
    const italyRow = (id: string) =>
      rows.find((r) => r.indicator === id && r.level === 'italy' && r.year === matrix.years[at(id)])!.value!;
    // foreign residents per 100: the source's Italy row, not the mean of the 107 provinces
    expect(matrix.refSource[at('foreign_per_100')]).toBe('italy');
    expect(matrix.ref[at('foreign_per_100')]).toBe(italyRow('foreign_per_100'));
    const j = at('longterm_permit_share_change');
    expect(matrix.ref[j]).toBeLessThan(0);
    const r = scoreWith(prepare(matrix, { ...config, normalisation: 'distance_to_ref' }));
    const y = [...r.normalised[j]].filter((v) => v === v);
    // was −372…778 as a ratio to −2.98; now 100 + 10·(x − ref)/sd: a few tens of points around 100
    expect(Math.max(...y) - Math.min(...y)).toBeLessThan(100);
    expect(Math.min(...y)).toBeGreaterThan(50);
  });

  it('under the default configuration the Monte Carlo flags a minority of provinces as uncertain', () => {
    const config = defaultConfig(catalogue, 'province');
    const p = prepare(
      buildMatrix(
        rows,
        territories,
        'province',
        config.indicators.map((i) => i.id),
      ),
      config,
    );
    const mc = runMonteCarlo(p);
    expect(mc.uncertainCount).toBeGreaterThan(0);
    expect(mc.uncertainCount).toBeLessThan(mc.ranked / 2);
  });
});
