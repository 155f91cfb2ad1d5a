// Over 300 lines: one scenario per way an import can lose rows, each worked by hand.
/**
 * Imported data that stays whole (issue 15): one regression test per reported bug, named after it.
 * Fixtures are synthetic (tests/fixtures/import/README.md); the 3-comune territories below are invented.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { importBytes } from '../../src/import/core/importFile';
import { buildLookup } from '../../src/import/core/keys';
import { parseDelimited, plainRows, scanPlain } from '../../src/import/core/delimited';
import { buildIndicators, type ColumnChoice } from '../../src/import/core/uses/indicators';
import { buildServiceLayer } from '../../src/import/core/uses/services';
import { buildGrouping } from '../../src/import/core/uses/grouping';
import { datasetId, indicatorIds, ownIds, takenIds } from '../../src/import/core/ids';
import { slugify } from '../../src/import/core/ids';
import { groupMethodOf, groupingIndicators } from '../../src/db/queries/groupingIndicators';
import { openNodeDb, type NodeDb } from '../../src/db/node';
import { runQuery } from '../../src/db/sql';
import type { ImportPreview, TerritoryRef } from '../../src/import/core/types';
import { fixture, importFixture, lookup, territories } from './helpers';

const ok = (o: Awaited<ReturnType<typeof importFixture>>): ImportPreview => {
  if (!o.ok) throw new Error(`not ok: ${o.problem.code}`);
  return o.preview;
};
const SRC = (slug: string) => ({ fileName: `${slug}.csv`, slug, defaultYear: 2025, importedOn: '2026-01-01' });
const col = (column: string, aggregation: ColumnChoice['aggregation'] = 'sum'): ColumnChoice => ({
  column,
  label: column,
  unit: '',
  polarity: 0,
  pillar: 'context',
  aggregation,
});
const quoteFirstHeader = (text: string) => text.replace(/^([^,;\t\r\n]*)/, '"$1"');

describe('bug 1: mixed line endings are read as rows', () => {
  const bytes = fixture('mixed_line_endings.csv');
  const text = new TextDecoder().decode(bytes);

  it('the quote-free path reads 5 rows, no cell glued across a line end', () => {
    const s = scanPlain(text, ',')!;
    expect(s.rows).toBe(5);
    expect(plainRows(s)).toEqual([
      ['001272', 'Torino', '10'],
      ['058091', 'Roma', '20'],
      ['015146', 'Milano', '30'],
      ['063049', 'Napoli', '40'],
      ['082053', 'Palermo', '50'],
    ]);
  });

  it('the papaparse path reads the same 5 rows (a quoted header sends the file there)', () => {
    const d = parseDelimited(quoteFirstHeader(text), ',');
    expect(d.header).toEqual(['comune_code', 'comune', 'valore']);
    expect(d.rows).toEqual(plainRows(scanPlain(text, ',')!));
  });

  it('imported: 5 comuni matched with their own values (Torino = 10, not 1058091), both paths agree', async () => {
    const look = await lookup();
    const a = ok(await importBytes(bytes, 'mixed_line_endings.csv', look));
    const b = ok(await importBytes(new TextEncoder().encode(quoteFirstHeader(text)), 'mixed_line_endings.csv', look));
    expect(a.rowCount).toBe(5);
    expect(a.matched).toBe(5);
    expect(a.rows.map((r) => [r.code, r.values.valore])).toEqual([
      ['001272', 10],
      ['058091', 20],
      ['015146', 30],
      ['063049', 40],
      ['082053', 50],
    ]);
    expect({ ...a, ms: 0, bytes: 0 }).toEqual({ ...b, ms: 0, bytes: 0 });
    expect(a.problems).toEqual([]);
  });

  it('a quoted cell keeps its line break (as \\n) and the rows around it stay rows', () => {
    const d = parseDelimited('a,b\r\n"x\r\ny",1\n"z",2\r3,4', ',');
    expect(d.rows).toEqual([
      ['x\ny', '1'],
      ['z', '2'],
      ['3', '4'],
    ]);
  });
});

describe('bug 2: columns whose names differ only in punctuation, or share 24 characters, get their own ids', () => {
  it('similar_headers.csv → 4 indicators, 4 ids, one value per comune each', async () => {
    const p = ok(await importFixture('similar_headers.csv'));
    const cols = p.columns.filter((c) => c.kind === 'number').map((c) => c.name);
    expect(cols).toEqual([
      'occupati (%)',
      'occupati %',
      'popolazione_residente_al_1_gennaio',
      'popolazione_residente_al_31_dicembre',
    ]);
    // the slugs coincide pairwise
    expect(cols.map((c) => slugify(c))).toEqual([
      'occupati',
      'occupati',
      'popolazione_residente_al',
      'popolazione_residente_al',
    ]);
    const { metas, rows } = buildIndicators(
      p,
      cols.map((c) => col(c, 'none')),
      [],
      await territories(),
      SRC('f'),
    );
    expect(metas.map((m) => m.id)).toEqual([
      'user_f_occupati',
      'user_f_occupati_2',
      'user_f_popolazione_residente_al',
      'user_f_popolazione_residente_al_2',
    ]);
    const perKey = new Map<string, number>();
    for (const r of rows)
      perKey.set(`${r.indicator}|${r.code}|${r.year}`, (perKey.get(`${r.indicator}|${r.code}|${r.year}`) ?? 0) + 1);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(rows.filter((r) => r.code === '101010').map((r) => [r.indicator, r.value])).toEqual([
      ['user_f_occupati', 41.5],
      ['user_f_occupati_2', 41.7],
      ['user_f_popolazione_residente_al', 60000],
      ['user_f_popolazione_residente_al_2', 59800],
    ]);
  });
});

describe('bug 3: two files never produce the same indicator id', () => {
  it('"ab" + column cd_x, then "ab_cd" + column x: the second gets user_ab_cd_x_2, the first keeps its values', async () => {
    const look = await lookup();
    const terr = await territories();
    const first = ok(
      await importBytes(new TextEncoder().encode('comune_code,cd_x\n101010,1\n101008,2\n'), 'ab.csv', look),
    );
    const a = buildIndicators(first, [col('cd_x')], [], terr, SRC('ab'), []);
    expect(a.metas.map((m) => m.id)).toEqual(['user_ab_cd_x']);
    const taken = takenIds({
      indicators: ['occupati_15_64', ...a.metas.map((m) => m.id)],
      layers: [],
      groupings: [],
      datasets: ['user_ab'],
    });
    const slug = datasetId(slugify('ab_cd'), 'indicators', taken).id.slice(5);
    expect(slug).toBe('ab_cd');
    const second = ok(
      await importBytes(new TextEncoder().encode('comune_code,x\n101010,100\n101008,200\n'), 'ab_cd.csv', look),
    );
    const b = buildIndicators(second, [col('x')], [], terr, SRC(slug), taken);
    expect(b.metas.map((m) => m.id)).toEqual(['user_ab_cd_x_2']);
    expect(b.rows.every((r) => r.indicator === 'user_ab_cd_x_2')).toBe(true);
    // the preview's word: the plan says which id is taken and what this file's column gets
    expect(indicatorIds(slug, ['x'], [], taken)).toEqual([{ wanted: 'user_ab_cd_x', id: 'user_ab_cd_x_2' }]);
  });

  it('a ratio id that collides with a column id of the same file gets a suffix too', () => {
    expect(indicatorIds('f', ['n_per_d'], [{ numerator: 'n', denominator: 'd' }], []).map((x) => x.id)).toEqual([
      'user_f_n_per_d',
      'user_f_n_per_d_2',
    ]);
  });

  it('a replaced dataset frees its own ids (they are not "taken" by itself)', () => {
    const old = { id: 'user_ats', grouping: { id: 'user_ats' } };
    const taken = takenIds({
      indicators: [],
      layers: [],
      groupings: ['user_ats'],
      datasets: ['user_ats'],
      except: ownIds(old),
    });
    expect(taken).toEqual([]);
  });
});

describe('bug 4: a service layer named like a grouping’s table does not take it over', () => {
  const taken = takenIds({ indicators: [], layers: [], groupings: ['user_ats'], datasets: ['user_ats'] });
  it('grouping "ats" holds user_ats and its table user_ats_members', () => {
    expect(taken).toEqual(['user_ats', 'user_ats_members']);
  });
  it('the layer "ats members" gets user_ats_members_2, not the grouping’s table', () => {
    expect(datasetId(slugify('ats members'), 'services', taken)).toEqual({
      wanted: 'user_ats_members',
      id: 'user_ats_members_2',
    });
  });
  it('the other way round: beside a layer user_x_members, a grouping "x" becomes user_x_2 (its table user_x_2_members)', () => {
    const t = takenIds({ indicators: [], layers: ['user_x_members'], groupings: [], datasets: ['user_x_members'] });
    expect(datasetId('x', 'grouping', t)).toEqual({ wanted: 'user_x', id: 'user_x_2' });
    // a layer "x" is fine there: it creates only the table user_x
    expect(datasetId('x', 'services', t).id).toBe('user_x');
  });
});

describe('bug 5: GeoJSON features left out in the preview stay out', () => {
  it('left_out_features.geojson: open ring, latitude 91, metres → reported and in no use', async () => {
    const p = ok(await importFixture('left_out_features.geojson'));
    const g = p.problems.find((x) => x.code === 'invalid_geometry');
    expect(g).toMatchObject({ count: 3, rows: [1, 2, 3] });
    expect(g?.values[0]).toMatch(/not closed/);
    expect(g?.values[1]).toMatch(/out of range \(17, 91\)/);
    expect(g?.values[2]).toMatch(/out of range \(1906123.5, 4331234.2\)/);
    expect(p.rows.map((r) => r.excluded ?? false)).toEqual([false, true, true, true, false]);
    expect(p.rows.filter((r) => r.excluded).every((r) => r.code === null && r.lon === null)).toBe(true);
    // what the preview counts: 1 with coordinates, 1 (no geometry) at its comune, 3 without a position
    expect(p.points).toEqual({ exact: 1, comune: 1, none: 3 });
    expect(p.matched).toBe(2);
    const comuni = new Map((await territories()).filter((t) => t.level === 'comune').map((t) => [t.code, t]));
    const { layer, skipped } = buildServiceLayer(
      p,
      {
        id: 'user_cpi',
        label: 'CPI',
        nameColumn: 'name',
        typeColumn: null,
        capacityColumn: null,
        addressColumn: null,
        idColumn: null,
        capacityLabel: null,
      },
      comuni,
      '2026-01-01',
    );
    expect(layer.points.map((x) => [x.name, x.precision, x.comune_code])).toEqual([
      ['CPI Crotone (SINTETICO)', 'exact', '101010'],
      ['senza geometria (SINTETICO)', 'comune', '101003'],
    ]);
    expect(skipped).toEqual([]);
    expect(layer.points.length).toBe(p.points.exact + p.points.comune);
  });

  it('left-out features give no grouping member and no indicator value', async () => {
    const p = ok(await importFixture('left_out_features.geojson'));
    const { grouping } = buildGrouping(p, { id: 'user_g', label: 'G', groupColumn: 'name', nameColumn: null });
    expect([...grouping.members.keys()]).toEqual(['101010', '101003']);
  });
});

describe('bug 6: reserved property names are plain column names', () => {
  it('reserved_names.csv: __proto__ = 12 and 7 (not "[object Object]", not NULL), constructor is text', async () => {
    const p = ok(await importFixture('reserved_names.csv'));
    expect(p.columns.map((c) => [c.name, c.kind])).toEqual([
      ['comune_code', 'key'],
      ['__proto__', 'number'],
      ['constructor', 'text'],
      ['toString', 'number'],
      ['hasOwnProperty', 'number'],
      ['prototype', 'number'],
    ]);
    const r = p.rows[0];
    expect(Object.keys(r.values)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']);
    expect(r.values['__proto__']).toBe(12);
    expect(String(r.values['__proto__'])).toBe('12');
    expect(r.values['constructor']).toBe('ufficio A');
    expect(r.values['toString']).toBe(3);
    // what the page receives from the worker (structured clone) reads the same
    const cloned = structuredClone(p.rows);
    expect(cloned.map((x) => [x.values['__proto__'], x.values['hasOwnProperty']])).toEqual([
      [12, 4],
      [7, 9],
    ]);
    const { metas, rows } = buildIndicators(p, [col('__proto__'), col('toString')], [], await territories(), SRC('r'));
    expect(metas.map((m) => m.id)).toEqual(['user_r_proto', 'user_r_tostring']);
    expect(rows.filter((x) => x.level === 'comune').map((x) => [x.indicator, x.code, x.value])).toEqual([
      ['user_r_proto', '101010', 12],
      ['user_r_proto', '101008', 7],
      ['user_r_tostring', '101010', 3],
      ['user_r_tostring', '101008', 8],
    ]);
  });

  it('the papaparse path too (quoted header), and a service layer reads a "constructor" name column', async () => {
    const text = new TextDecoder().decode(fixture('reserved_names.csv'));
    const p = ok(
      await importBytes(new TextEncoder().encode(quoteFirstHeader(text)), 'reserved_names.csv', await lookup()),
    );
    expect(p.rows.map((r) => r.values['__proto__'])).toEqual([12, 7]);
    const comuni = new Map((await territories()).filter((t) => t.level === 'comune').map((t) => [t.code, t]));
    const { layer } = buildServiceLayer(
      p,
      {
        id: 'user_s',
        label: 'S',
        nameColumn: 'constructor',
        typeColumn: null,
        capacityColumn: '__proto__',
        addressColumn: null,
        idColumn: null,
        capacityLabel: null,
      },
      comuni,
      '2026-01-01',
    );
    expect(layer.points.map((x) => [x.name, x.capacity])).toEqual([
      ['ufficio A', 12],
      ['ufficio B', 7],
    ]);
  });

  it('GeoJSON: a property missing on one feature is missing, never Object’s own "constructor"', async () => {
    // written as text: an object literal with __proto__ would set the prototype instead
    const text =
      '{"type":"FeatureCollection","features":[' +
      '{"type":"Feature","properties":{"comune_code":"101010","constructor":"x"},"geometry":null},' +
      '{"type":"Feature","properties":{"comune_code":"101008","__proto__":5},"geometry":null}]}';
    const p = ok(await importBytes(new TextEncoder().encode(text), 'x.geojson', await lookup()));
    expect(p.rows.map((r) => [r.values['constructor'], r.values['__proto__']])).toEqual([
      ['x', null],
      [null, 5],
    ]);
  });
});

describe('bug 7: an imported average is never summed', () => {
  // Synthetic territories (invented, not real data): region 99, province 999 with three comuni.
  const T = (level: TerritoryRef['level'], code: string, name: string, population: number | null): TerritoryRef => ({
    level,
    code,
    name,
    province_code: level === 'comune' || level === 'province' ? '999' : null,
    region_code: level === 'italy' ? null : '99',
    population,
    lon: null,
    lat: null,
  });
  const TERR = [
    T('italy', 'IT', 'Italia', 10000),
    T('region', '99', 'Regione X', 10000),
    T('province', '999', 'Provincia X', 10000),
    T('comune', '999001', 'Alfa', 1000),
    T('comune', '999002', 'Beta', 3000),
    T('comune', '999003', 'Gamma', 6000),
  ];
  const CSV =
    'codice_istat,reddito_medio,occupati,valore\n999001,20000,400,1.5\n999002,24000,1300,2.5\n999003,30000,2500,3\n';
  let db: NodeDb | null = null;
  afterAll(() => db?.close());

  it('defaults from what the column is: reddito_medio → weighted mean, occupati (integers > 100) → sum, valore (decimals 0–100) → weighted mean', async () => {
    const p = ok(await importBytes(new TextEncoder().encode(CSV), 'redditi.csv', buildLookup(TERR)));
    expect(p.columns.filter((c) => c.kind === 'number').map((c) => [c.name, c.aggregation])).toEqual([
      ['reddito_medio', { aggregation: 'weighted_mean', basis: 'header_mean', word: 'medio' }],
      ['occupati', { aggregation: 'sum', basis: 'values_count', word: null }],
      ['valore', { aggregation: 'weighted_mean', basis: 'values_share', word: null }],
    ]);
  });

  it('reddito_medio to province, region and Italy: (20000·1000 + 24000·3000 + 30000·6000) / 10000 = 27200, not the sum 74000; stored as weighted_mean', async () => {
    const p = ok(await importBytes(new TextEncoder().encode(CSV), 'redditi.csv', buildLookup(TERR)));
    const agg = p.columns.find((c) => c.name === 'reddito_medio')!.aggregation!.aggregation!;
    const { metas, rows } = buildIndicators(p, [col('reddito_medio', agg)], [], TERR, SRC('redditi'));
    expect(metas[0]).toMatchObject({
      id: 'user_redditi_reddito_medio',
      aggregation: 'weighted_mean',
      levels: ['italy', 'region', 'province', 'comune'],
    });
    const up = rows.filter((r) => r.level !== 'comune').map((r) => [r.level, r.code, r.value]);
    expect(up).toEqual([
      ['province', '999', 27200],
      ['region', '99', 27200],
      ['italy', 'IT', 27200],
    ]);
    // the grouping follows the stored choice too
    expect(groupMethodOf(metas[0].aggregation)).toBe('weighted_mean');
    expect(groupMethodOf('none')).toBeNull();
  });

  it('a grouping of the three comuni (DuckDB named query, method from the stored meta) gets 27200 as well', async () => {
    const p = ok(await importBytes(new TextEncoder().encode(CSV), 'redditi.csv', buildLookup(TERR)));
    const { metas, rows } = buildIndicators(
      p,
      [col('reddito_medio', 'weighted_mean'), col('occupati', 'sum')],
      [],
      TERR,
      SRC('redditi'),
    );
    db = await openNodeDb();
    await db.exec(
      `CREATE TABLE territories AS SELECT * FROM (VALUES ('comune','999001',1000.0), ('comune','999002',3000.0), ('comune','999003',6000.0)) t(level, code, population)`,
    );
    const vals = rows
      .filter((r) => r.level === 'comune')
      .map((r) => `('comune','${r.code}','${r.indicator}',${r.year},${r.value},NULL,NULL)`)
      .join(', ');
    await db.exec(
      `CREATE TABLE indicators AS SELECT level, code, indicator, year::INTEGER AS year, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator FROM (VALUES ${vals}) v(level, code, indicator, year, value, numerator, denominator)`,
    );
    await db.exec(
      `CREATE TABLE user_g_members AS SELECT * FROM (VALUES ('999001','G'), ('999002','G'), ('999003','G')) m(comune_code, group_code)`,
    );
    const out = await runQuery(db, groupingIndicators, {
      members: 'user_g_members',
      indicators: metas.map((m) => ({ id: m.id, method: groupMethodOf(m.aggregation)! })),
    });
    const by = Object.fromEntries(out.map((r) => [r.indicator, r.value]));
    expect(by['user_redditi_reddito_medio']).toBeCloseTo(27200, 9);
    expect(by['user_redditi_occupati']).toBe(4200);
  });
});
