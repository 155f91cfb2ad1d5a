import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../builtData';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

requireBuilt('public/data/catalogue.json', 'public/data/indicators.parquet', 'public/geo/provinces.topo.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spatial-'));

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/spatial.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run spatial', () => {
  it('real provinces: the CSV columns, byte-identical for a seed, Moran line printed', () => {
    const a = path.join(tmp, 'a.csv');
    const b = path.join(tmp, 'b.csv');
    const wOut = path.join(tmp, 'w.csv');
    const r1 = cli(
      '--indicator',
      'avg_taxable_income',
      '--level',
      'province',
      '--seed',
      '7',
      '--out',
      a,
      '--weights-out',
      wOut,
    );
    const r2 = cli('--indicator', 'avg_taxable_income', '--level', 'province', '--seed', '7', '--out', b);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
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
});
