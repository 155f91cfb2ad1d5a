import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../builtData';
import { cliTool, runTwice, tempDir } from './run';
import fs from 'node:fs';
import path from 'node:path';

requireBuilt('public/data/catalogue.json', 'public/data/indicators.parquet', 'public/geo/provinces.topo.json');
const tmp = tempDir('spatial-');

const cli = cliTool('spatial');

describe('npm run spatial', () => {
  it('real provinces: the CSV columns, byte-identical for a seed, Moran line printed', () => {
    const wOut = path.join(tmp, 'w.csv');
    const income = (out: string) => [
      '--indicator',
      'avg_taxable_income',
      '--level',
      'province',
      '--seed',
      '7',
      '--out',
      out,
    ];
    const { r1, a } = runTwice(cli, tmp, 'csv', income, ['--weights-out', wOut]);
    const lines = fs.readFileSync(a, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('code,name,value,lag,lisa_i,lisa_p,cluster,neighbours');
    expect(lines).toHaveLength(108);
    const rows = lines.slice(1).map((l) => l.split(','));
    // every province has a value and neighbours; p-values are (k + 1) / 1000
    for (const r of rows) {
      expect(Number(r[7])).toBeGreaterThan(0);
      expect(Number.isInteger(Math.round(Number(r[5]) * 1000))).toBe(true);
      expect(['0', '1', '2', '3', '4']).toContain(r[6]);
    }
    // income in Italy is clustered (north high, south low): strongly positive I, both HH and LL clusters
    const m =
      /Moran's I = (-?\d\.\d+)\s+E\[I\] = (-?\d\.\d+)\s+z = (\d+\.\d+) \(randomisation\)\s+p = (0\.\d+) \(pseudo, 999 permutations, seed 7\)/.exec(
        r1.stdout,
      );
    expect(m, r1.stdout).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0.5);
    expect(Number(m![2])).toBeCloseTo(-1 / 106, 6);
    expect(Number(m![4])).toBe(0.001);
    expect(rows.some((r) => r[6] === '1') && rows.some((r) => r[6] === '2')).toBe(true);
    // Milano (015): high income among high-income neighbours
    expect(rows.find((r) => r[0] === '015')![6]).toBe('1');
    // the weights: code,neighbour both ways
    const wl = fs.readFileSync(wOut, 'utf8').trimEnd().split('\n');
    expect(wl[0]).toBe('code,neighbour');
    const pairs = new Set(wl.slice(1));
    for (const p of pairs) expect(pairs.has(p.split(',').reverse().join(','))).toBe(true);
    expect(pairs.has('015,108')).toBe(true);
  });

  it('FDR and k-nearest options: every province has exactly 4 neighbours, the BH cut-off printed', () => {
    const r = cli(
      '--indicator',
      'avg_taxable_income',
      '--level',
      'province',
      '--seed',
      '8',
      '--out',
      '-',
      '--fdr',
      '--weights',
      'knn:4',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('weights knn:4');
    expect(r.stderr).toMatch(/FDR Benjamini–Hochberg at 0.05: p ≤ 0\.\d+/);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    for (const row of rows) expect(row[7]).toBe('4');
  });

  it('bad input: exit code 2 and a plain message', () => {
    const a = cli('--indicator', 'nope', '--level', 'province', '--out', '-');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('unknown indicator "nope"');
    const b = cli('--indicator', 'unemployment_rate', '--level', 'comune', '--out', '-');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('has no value at comune level');
    const c = cli('--indicator', 'density', '--level', 'province', '--out', '-', '--weights', 'rook');
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('unknown weights "rook"');
    const d = cli('--indicator', 'density', '--level', 'province');
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--out is required');
  });

  const csvRows = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
  const column = (rows: string[][], name: string) => {
    const j = rows[0].indexOf(name);
    return new Map(rows.slice(1).map((r) => [r[0], r[j] === '' ? null : Number(r[j])]));
  };

  it('--variable coefficient: the values are npm run coefficient’s scores, province by province (its own code)', () => {
    const sp = cli('--variable', 'coefficient', '--level', 'province', '--permutations', '99', '--out', '-');
    expect(sp.code, sp.stderr).toBe(0);
    expect(sp.stderr).toMatch(
      /^spatial: coefficient \(default configuration: \d+ indicators, minmax \+ arithmetic; 107 of 107 scored\)/,
    );
    expect(sp.stderr).toMatch(/Moran's I = 0\.\d+/);
    const co = cliTool('coefficient')('--level', 'province', '--draws', '0', '--out', '-');
    expect(co.code, co.stderr).toBe(0);
    const score = column(csvRows(co.stdout), 'score');
    const value = column(csvRows(sp.stdout), 'value');
    expect(value.size).toBe(107);
    for (const [code, v] of value) expect(v, code).toBeCloseTo(score.get(code)!, 4);
  });

  it('--variable coverage:access_e2sfca: the values are npm run coverage’s column for the same layer and settings', () => {
    const sp = cli(
      '--variable',
      'coverage:access_e2sfca',
      '--level',
      'province',
      '--d0',
      '40',
      '--permutations',
      '99',
      '--out',
      '-',
    );
    expect(sp.code, sp.stderr).toBe(0);
    expect(sp.stderr).toMatch(/^spatial: coverage access_e2sfca \(hospitals, \d+ services, \d+ comuni, d0 = 40 km/);
    const cov = cliTool('coverage')('--layer', 'hospitals', '--level', 'province', '--d0', '40', '--out', '-');
    expect(cov.code, cov.stderr).toBe(0);
    const want = column(csvRows(cov.stdout), 'access_e2sfca');
    const value = column(csvRows(sp.stdout), 'value');
    expect(value.size).toBe(107);
    for (const [code, v] of value) expect(v, code).toBeCloseTo(want.get(code)!, 2);
    // options that belong to another variable are refused
    const bad = cli('--variable', 'coefficient', '--level', 'province', '--d0', '40', '--out', '-');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('go with --variable coverage:MEASURE');
    const noneu = cli('--variable', 'coverage:per_10k_noneu', '--level', 'province', '--out', '-');
    expect(noneu.code).toBe(2);
    expect(noneu.stderr).toContain('computed in the app only');
  });

  it('SLL and NUTS2: the islands reported (Capri and Lipari; Cyprus, Malta, the outermost regions…)', () => {
    const sll = cli('--indicator', 'avg_taxable_income', '--level', 'sll', '--permutations', '99', '--out', '-');
    expect(sll.code, sll.stderr).toBe(0);
    expect(sll.stderr).toContain('513 analysed of 515; 0 without a value; 2 isolated');
    const isolated = csvRows(sll.stdout)
      .filter((r) => r[6] === '6')
      .map((r) => r[1]);
    expect(isolated).toEqual(['Capri', 'Lipari']);
    const n2 = cli('--indicator', 'net_migration_per_1000', '--level', 'nuts2', '--permutations', '99', '--out', '-');
    expect(n2.code, n2.stderr).toBe(0);
    const isl = new Set(
      csvRows(n2.stdout)
        .filter((r) => r[6] === '6')
        .map((r) => r[0]),
    );
    for (const c of ['CY00', 'MT00', 'ITG1', 'ITG2', 'FRY4', 'ES70', 'PT20', 'PT30']) expect(isl.has(c), c).toBe(true);
    const coef = cli('--variable', 'coefficient', '--level', 'nuts2', '--out', '-');
    expect(coef.code).toBe(2);
    expect(coef.stderr).toContain('not at "nuts2"');
  });
});
