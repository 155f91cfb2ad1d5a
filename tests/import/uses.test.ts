import { fixtureTerritory } from '../fixtures/catalogue';
import { describe, it, expect } from 'vitest';
import { buildIndicatorColumns, buildIndicators, slugify } from '../../src/import/core/uses/indicators';
import { rowsOf, type ImportedData } from '../../src/import/core/analyse';
import { unpackSlice } from '../../src/import/core/packed';
import { buildServiceLayer } from '../../src/import/core/uses/services';
import { buildGrouping } from '../../src/import/core/uses/grouping';
import { neutralise, toCsv } from '../../src/core/csv';
import type { ImportPreview, TerritoryRef } from '../../src/import/core/types';
import { importFixture, territories } from './helpers';

// Synthetic territories: region 01 with provinces 001 (comuni A, B) and 002 (comune C).
const T = (
  level: TerritoryRef['level'],
  code: string,
  province: string | null,
  region: string | null,
  population: number | null,
): TerritoryRef => ({ ...fixtureTerritory(level, code, province, region), population, lon: 10, lat: 45 });
const TERR = [
  T('italy', 'IT', null, null, 60),
  T('region', '01', null, '01', 60),
  T('province', '001', '001', '01', 30),
  T('province', '002', '002', '01', 30),
  T('comune', '001001', '001', '01', 10),
  T('comune', '001002', '001', '01', 20),
  T('comune', '002001', '002', '01', 30),
];
const preview = (rows: [string, Record<string, number | null>][]): ImportPreview => ({
  fileName: 'x.csv',
  bytes: 0,
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  columns: [],
  key: { column: 'c', kind: 'istat', level: 'comune', provinceColumn: null },
  yearColumn: null,
  rowCount: rows.length,
  matched: rows.length,
  problems: [],
  ms: 0,
  keyCandidates: [],
  keyAsk: false,
  dateSuggestion: null,
  account: null,
  points: { exact: 0, comune: rows.length, none: 0 },
  rows: rows.map(([code, values], i) => ({ row: i + 2, code, values, lon: null, lat: null, year: null })),
});
const SRC = { fileName: 'x.csv', slug: 'x', defaultYear: 2025, importedOn: '2026-01-01' };
const base = { label: 'L', unit: 'u', polarity: 1 as const, pillar: 'context' as const };

describe('buildIndicators: coarser levels only when valid', () => {
  const p = preview([
    ['001001', { n: 2, d: 10, m: 5 }],
    ['001002', { n: 6, d: 20, m: 8 }],
    ['002001', { n: null, d: 30, m: 1 }],
  ]);
  it('sum: province 001 = 2 + 6 = 8; province 002 and above incomplete (C has no value)', () => {
    const { metas, rows } = buildIndicators(p, [{ ...base, column: 'n', aggregation: 'sum' }], [], TERR, SRC);
    expect(metas[0]).toMatchObject({
      id: 'user_x_n',
      aggregation: 'sum',
      levels: ['province', 'comune'],
      years: [2025],
    });
    expect(rows.filter((r) => r.level !== 'comune')).toEqual([
      {
        level: 'province',
        code: '001',
        indicator: 'user_x_n',
        year: 2025,
        value: 8,
        numerator: null,
        denominator: null,
      },
    ]);
  });
  it('population-weighted mean: province 001 = (5·10 + 8·20) / 30 = 7; region = (50 + 160 + 1·30) / 60 = 4', () => {
    const { rows } = buildIndicators(p, [{ ...base, column: 'm', aggregation: 'weighted_mean' }], [], TERR, SRC);
    const v = Object.fromEntries(rows.map((r) => [`${r.level}:${r.code}`, r.value]));
    expect(v['province:001']).toBeCloseTo(7, 12);
    expect(v['province:002']).toBeCloseTo(1, 12);
    expect(v['region:01']).toBeCloseTo(4, 12);
    expect(v['italy:IT']).toBeCloseTo(4, 12);
  });
  it('ratio of sums, never the mean of rates: province 001 = (2 + 6) / (10 + 20) × 100 = 26.67 (mean of rates would be 25)', () => {
    const { metas, rows } = buildIndicators(
      p,
      [],
      [{ ...base, numerator: 'n', denominator: 'd', scale: 100 }],
      TERR,
      SRC,
    );
    expect(metas[0]).toMatchObject({ id: 'user_x_n_per_d', aggregation: 'ratio_of_sums' });
    const prov = rows.find((r) => r.level === 'province' && r.code === '001');
    expect(prov?.value).toBeCloseTo(800 / 30, 10);
    expect(prov).toMatchObject({ numerator: 8, denominator: 30 });
    expect(rows.find((r) => r.code === '001001')?.value).toBe(20);
  });
  it('"none" (a rate without its parts) stays at the file level', () => {
    const { metas, rows } = buildIndicators(p, [{ ...base, column: 'm', aggregation: 'none' }], [], TERR, SRC);
    expect(metas[0].levels).toEqual(['comune']);
    expect(rows.every((r) => r.level === 'comune')).toBe(true);
  });
  it('slugify keeps ids URL-safe', () => {
    expect(slugify('Tasso di Disoccupazione (%)')).toBe('tasso_di_disoccupazione');
    expect(slugify('"; DROP TABLE x; --')).toBe('drop_table_x');
  });
});

describe('buildServiceLayer and buildGrouping on the synthetic fixtures', () => {
  it('job_centres_crotone.csv → 5 points: 3 exact, 2 at their comune inner point', async () => {
    const o = await importFixture('job_centres_crotone.csv');
    if (!o.ok) throw new Error('not ok');
    const comuni = new Map((await territories()).filter((t) => t.level === 'comune').map((t) => [t.code, t]));
    const { layer, skipped } = buildServiceLayer(
      o.preview,
      {
        id: 'user_cpi',
        label: 'CPI',
        nameColumn: 'name',
        typeColumn: 'type',
        capacityColumn: 'capacity',
        addressColumn: 'address',
        idColumn: 'id',
        capacityLabel: null,
      },
      comuni,
      '2026-01-01',
    );
    expect(skipped).toEqual([]);
    expect(layer.points.map((x) => x.precision)).toEqual(['exact', 'exact', 'comune', 'exact', 'comune']);
    expect(layer.points[2]).toMatchObject({ comune_code: '101013', lon: comuni.get('101013')!.lon });
    expect(layer.points[3].capacity).toBe(20);
    expect(layer.regions_with_data).toEqual(['18']);
    expect(layer.imported).toBe(true);
  });
  it('ats_grouping.csv → 3 groups over the 27 comuni of Crotone', async () => {
    const o = await importFixture('ats_grouping.csv');
    if (!o.ok) throw new Error('not ok');
    const { grouping, report } = buildGrouping(o.preview, {
      id: 'user_ats',
      label: 'ATS',
      groupColumn: 'ats_code',
      nameColumn: 'ats_name',
    });
    expect(grouping.members.size).toBe(27);
    expect(report.groups).toBe(3);
    expect(grouping.members.get('101010')).toBe('A');
    expect(grouping.names.get('B')).toBe('ATS Cirò Marina (sintetico)');
  });
});

describe('CSV export', () => {
  it('neutralises cells starting with = + - @', () => {
    expect(['=1+1', '+39', '-x', '@a', 'ok'].map(neutralise)).toEqual(["'=1+1", "'+39", "'-x", "'@a", 'ok']);
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', -3]], { eol: '\r\n' })).toBe('a,b\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });
});

describe('buildIndicatorColumns: built from the imported form into typed columns, no object per row', () => {
  // SYNTHETIC imported form (fixture) on the synthetic territories above: years, a missing value, a
  // duplicate (year, code), a row without a year (the stated year 2025), a row without a code, a text column
  const data: ImportedData = {
    rowCount: 8,
    rowBase: 2,
    codes: ['001001', '001002', '001001', '002001', '001001', '001002', '002001', null],
    years: Float64Array.from([2023, 2023, 2023, 2023, 2024, 2024, NaN, 2023]),
    lon: null,
    lat: null,
    values: [
      { name: 'n', kind: 'number', values: Float64Array.from([2, 6, 99, 4, 3, NaN, 1, 5]) },
      { name: 'd', kind: 'number', values: Float64Array.from([10, 20, 99, 40, 10, 20, 1, 5]) },
      { name: 't', kind: 'text', col: { cells: ['x', '3', 'y', 'z', 'x', 'x', 'x', 'x'] } },
    ],
    excluded: null,
  };
  const p = { key: preview([]).key, yearColumn: 'anno' };
  const ratio = { ...base, numerator: 'n', denominator: 'd', scale: 100 };
  const built = buildIndicatorColumns(p, data, [{ ...base, column: 'n', aggregation: 'sum' }], [ratio], TERR, SRC);

  it('sums by year only where every comune has a value; missing stays missing (NaN in the column, null as a row)', () => {
    const rows = unpackSlice(built.packed).filter((r) => r.indicator === 'user_x_n');
    expect(rows.map((r) => [r.year, r.level, r.code, r.value])).toEqual([
      [2023, 'comune', '001001', 2], // the second 001001 row of 2023 (99) is a duplicate: the first is kept
      [2023, 'comune', '001002', 6],
      [2023, 'comune', '002001', 4],
      [2023, 'province', '001', 8], // 2 + 6
      [2023, 'province', '002', 4],
      [2023, 'region', '01', 12], // 2 + 6 + 4
      [2023, 'italy', 'IT', 12],
      [2024, 'comune', '001001', 3],
      [2024, 'comune', '001002', null], // missing: no province 001, no region for 2024
      [2025, 'comune', '002001', 1], // no year in the file: the stated year
      [2025, 'province', '002', 1],
    ]);
    const i = rows.findIndex((r) => r.year === 2024 && r.code === '001002');
    expect(built.packed.value[i]).toBeNaN();
    expect(built.metas[0]).toMatchObject({
      levels: ['italy', 'region', 'province', 'comune'],
      years: [2023, 2024, 2025],
    });
  });

  it('a ratio of sums at coarser levels, with its numerator and denominator', () => {
    const rows = unpackSlice(built.packed).filter((r) => r.indicator === built.metas[1].id && r.year === 2023);
    const prov = rows.find((r) => r.code === '001');
    // (2 + 6) / (10 + 20) × 100 = 26.67
    expect(prov).toMatchObject({ numerator: 8, denominator: 30 });
    expect(prov?.value).toBeCloseTo(26.667, 3);
    // 12 / 70 × 100 = 17.14
    expect(rows.find((r) => r.level === 'region')?.value).toBeCloseTo(17.143, 3);
  });

  it('gives the same rows as the preview-row form (buildIndicators), text cells never counted as numbers', () => {
    const cols = [
      { ...base, column: 'n', aggregation: 'sum' as const },
      { ...base, column: 't', aggregation: 'sum' as const },
    ];
    const fromRows = buildIndicators(
      { ...preview([]), yearColumn: 'anno', rows: rowsOf(data) },
      cols,
      [ratio],
      TERR,
      SRC,
    );
    const fromColumns = buildIndicatorColumns(p, data, cols, [ratio], TERR, SRC);
    expect(unpackSlice(fromColumns.packed)).toEqual(fromRows.rows);
    expect(fromColumns.metas).toEqual(fromRows.metas);
    expect(fromRows.rows.filter((r) => r.indicator === 'user_x_t').every((r) => r.value === null)).toBe(true);
  });
});
