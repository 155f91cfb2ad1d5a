/** npm run coverage: determinism, output format, bad input → exit 2 with row numbers. Small Parquet files in a temp folder. */
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseCoverageArgs, formatCoverageCsv, InputError } from '../../src/cli/coverage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIX = path.join(ROOT, 'tests', 'fixtures', 'coverage');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'coverage-cli-'));
const CLI = path.join(ROOT, 'src', 'cli', 'coverage.ts');

// one Node process with tsx's loader (the tsx launcher would start a second one for every run)
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

beforeAll(async () => {
  // 4 comuni in 2 provinces of 2 regions, and in 2 local labour systems across them (0001 = Alfa + Gamma,
  // 0002 = Beta + Delta), on the equator-ish grid; 3 services of layer 'demo', 1 of layer 'other'
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const t = path.join(TMP, 'territories.parquet').replace(/'/g, "''");
  const s = path.join(TMP, 'services.parquet').replace(/'/g, "''");
  await con.run(`COPY (SELECT * FROM (VALUES
    ('italy','IT','Italia',NULL,NULL,10000::BIGINT,12.0,42.0,true,NULL),
    ('region','01','Regione Uno',NULL,'01',4000::BIGINT,7.0,45.0,true,NULL),
    ('region','02','Regione Due',NULL,'02',6000::BIGINT,8.0,45.0,true,NULL),
    ('province','001','Provincia Uno','001','01',4000::BIGINT,7.0,45.0,true,NULL),
    ('province','002','Provincia Due, "quoted"','002','02',6000::BIGINT,8.0,45.0,true,NULL),
    ('comune','001001','Alfa','001','01',1000::BIGINT,7.00,45.00,true,'0001'),
    ('comune','001002','Beta','001','01',3000::BIGINT,7.10,45.00,true,'0002'),
    ('comune','002001','Gamma','002','02',5000::BIGINT,8.00,45.00,true,'0001'),
    ('comune','002002','Delta','002','02',1000::BIGINT,9.50,45.00,true,'0002'),
    ('sll','0001','Sistema Uno',NULL,'02',6000::BIGINT,8.0,45.0,true,NULL),
    ('sll','0002','Sistema Due',NULL,'01',4000::BIGINT,7.1,45.0,true,NULL)
  ) v(level, code, name, province_code, region_code, population, lon, lat, has_geometry, sll_code)) TO '${t}' (FORMAT parquet)`);
  await con.run(`COPY (SELECT * FROM (VALUES
    ('demo','s1','Uno',NULL,'x',100.0,7.00,45.00,'001001','exact','test','2025'),
    ('demo','s2','Due',NULL,'x',NULL,7.10,45.00,'001002','comune','test','2025'),
    ('demo','s3','Tre',NULL,'x',50.0,8.00,45.00,'002001','exact','test','2025'),
    ('other','o1','Altro',NULL,'x',NULL,9.50,45.00,'002002','exact','test','2025')
  ) v(layer, id, name, address, type, capacity, lon, lat, comune_code, precision, source, reference_date)) TO '${s}' (FORMAT parquet)`);
  fs.writeFileSync(
    path.join(TMP, 'services_catalogue.json'),
    JSON.stringify([
      { id: 'demo', regions_with_data: null },
      { id: 'other', regions_with_data: ['02'] },
    ]),
  );
  con.closeSync();
  inst.closeSync();
}, 60_000);

describe('npm run coverage', () => {
  it('is deterministic: two runs give byte-identical files', () => {
    const a = path.join(TMP, 'a.csv');
    const b = path.join(TMP, 'b.csv');
    for (const out of [a, b]) {
      const r = run('--layer', 'demo', '--level', 'comune', '--d0', '50', '--out', out, '--data', TMP, '--gap', '20');
      expect(r.status, r.stderr).toBe(0);
    }
    expect(fs.readFileSync(a)).toEqual(fs.readFileSync(b));
  });

  it('writes one row per territory of the level, sorted by code, fixed decimals, "" for missing, \\n line ends', () => {
    const out = path.join(TMP, 'c.csv');
    expect(
      run('--layer', 'demo', '--level', 'comune', '--d0', '50', '--out', out, '--data', TMP, '--gap', '20').status,
    ).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.includes('\r')).toBe(false);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('code,name,nearest_km,services,per_10k,access_2sfca,access_e2sfca,gap_population');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['001001', '001002', '002001', '002002']);
    // Alfa and Beta (7.9 km apart) share s1 (100 beds) and s2 (capacity unknown → 1): 101 / 4000 per person = 252.5 per 10k
    expect(lines[1]).toBe('001001,Alfa,0.000,1,10.0000,252.500000,' + lines[1].split(',')[6] + ',0');
    expect(lines[1].split(',')[5]).toBe('252.500000');
    // Delta is 118 km from Gamma: nothing within 50 km → access 0, gap = its population
    expect(lines[4]).toMatch(/^002002,Delta,117\.\d{3},0,0\.0000,0\.000000,0\.000000,1000$/);
  });

  it('aggregates to provinces (population-weighted) and quotes names with commas', () => {
    const r = run('--layer', 'demo', '--level', 'province', '--d0', '50', '--out', '-', '--data', TMP);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^001,Provincia Uno,/);
    expect(lines[2].startsWith('002,"Provincia Due, ""quoted""",')).toBe(true);
    // province 001: services 2 / 4000 × 10,000 = 5 (ratio of sums)
    expect(lines[1].split(',')[4]).toBe('5.0000');
  });

  it("aggregates to local labour systems (--level sll) through the comuni's sll_code", () => {
    const r = run('--layer', 'demo', '--level', 'sll', '--d0', '50', '--out', '-', '--data', TMP);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    // 0001: s1 (Alfa) + s3 (Gamma) = 2 services / 6,000 × 10,000 = 3.3333; 0002: s2 (Beta) / 4,000 × 10,000 = 2.5
    expect(lines[1].split(',').slice(0, 5)).toEqual(['0001', 'Sistema Uno', '0.000', '2', '3.3333']);
    expect(lines[2].split(',').slice(0, 5)).toEqual(['0002', 'Sistema Due', lines[2].split(',')[2], '1', '2.5000']);
    // nearest km, population-weighted: Beta 0 (its own service) × 3,000 and Delta 117.9 (s3, 1.5° west) × 1,000
    const delta = Number(
      r.stdout.length &&
        run('--layer', 'demo', '--d0', '50', '--out', '-', '--data', TMP).stdout.split('\n')[4].split(',')[2],
    );
    expect(Number(lines[2].split(',')[2])).toBeCloseTo((0 * 3000 + delta * 1000) / 4000, 3);
  });

  it('leaves territories outside regions_with_data empty ("no data", not 0)', () => {
    const r = run('--layer', 'other', '--level', 'region', '--d0', '50', '--out', '-', '--data', TMP);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('01,Regione Uno,,,,,');
  });

  it('reads a user CSV (lat/lon, or comune_code "1002" padded to 001002); services without a code go to the nearest comune point', () => {
    const r = run(
      '--services',
      path.join(FIX, 'services_ok.csv'),
      '--level',
      'comune',
      '--d0',
      '50',
      '--out',
      '-',
      '--data',
      TMP,
    );
    expect(r.status, r.stderr).toBe(0);
    const services = r.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[3]);
    expect(services).toEqual(['1', '1', '0', '1']);
  });

  it('a bad services file: exit 2, one plain message listing every bad row by number', () => {
    const r = run(
      '--services',
      path.join(FIX, 'services_bad.csv'),
      '--level',
      'comune',
      '--d0',
      '50',
      '--out',
      path.join(TMP, 'x.csv'),
      '--data',
      TMP,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('services_bad.csv: 5 problem(s):');
    expect(r.stderr).toContain('row 3: lat "abc" is not a latitude in degrees');
    expect(r.stderr).toContain('row 4: empty name');
    expect(r.stderr).toContain('row 5: comune_code "999999" is not a current ISTAT comune code');
    expect(r.stderr).toContain('row 6: capacity "-3" is not a number ≥ 0');
    expect(r.stderr).toContain('row 7: no position (give lat and lon, or comune_code)');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(fs.existsSync(path.join(TMP, 'x.csv'))).toBe(false);
  });

  it('unknown layer and missing files: exit 2 with the reason', () => {
    const r = run('--layer', 'nope', '--d0', '50', '--out', '-', '--data', TMP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--layer "nope" is not in');
    expect(r.stderr).toContain('layers: demo, other');
    const m = run('--layer', 'demo', '--d0', '50', '--out', '-', '--data', path.join(TMP, 'missing'));
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/territories\.parquet not found: run `npm run data` first/);
  });
});

describe('parseCoverageArgs', () => {
  it('defaults: level comune, decay gaussian, data public/data, capacity used', () => {
    expect(parseCoverageArgs(['--layer', 'cpia', '--d0', '30', '--out', 'x.csv'])).toEqual({
      layer: 'cpia',
      level: 'comune',
      d0: 30,
      out: 'x.csv',
      decay: 'gaussian',
      services: null,
      data: 'public/data',
      gap: null,
      useCapacity: true,
    });
    expect(
      parseCoverageArgs(['--layer=cpia', '--d0=30', '--out=-', '--no-capacity', '--decay', 'stepped']).useCapacity,
    ).toBe(false);
  });
  it.each([
    [['--layer', 'cpia', '--out', 'x'], /--d0 is required/],
    [['--layer', 'cpia', '--d0', '-5', '--out', 'x'], /--d0 must be a positive number/],
    [['--layer', 'cpia', '--d0', '5', '--out', 'x', '--decay', 'linear'], /--decay must be one of gaussian, stepped/],
    [['--layer', 'cpia', '--d0', '5', '--out', 'x', '--level', 'ward'], /--level must be one of/],
    [['--layer', 'cpia', '--d0', '5'], /--out is required/],
    [['--d0', '5', '--out', 'x'], /--layer is required/],
    [['--layer', 'cpia', '--d0', '5', '--out', 'x', '--bogus', '1'], /unknown option --bogus/],
  ])('%j → InputError %s', (argv, re) => {
    expect(() => parseCoverageArgs(argv)).toThrow(InputError);
    expect(() => parseCoverageArgs(argv)).toThrow(re);
  });
});

describe('formatCoverageCsv', () => {
  it('fixed decimals, no -0, empty for null', () => {
    const csv = formatCoverageCsv(
      [
        {
          code: '1',
          name: 'a',
          population: 1,
          nearest_km: -0,
          nearest_ids: [],
          services: 2,
          per_10k: 1 / 3,
          access_2sfca: null,
          access_e2sfca: 1e-7,
          gap_population: null,
        },
      ],
      true,
    );
    expect(csv).toBe(
      'code,name,nearest_km,services,per_10k,access_2sfca,access_e2sfca,gap_population\n1,a,0.000,2,0.3333,,0.000000,\n',
    );
  });
});
