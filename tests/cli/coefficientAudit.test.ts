import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../builtData';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

requireBuilt('public/data/catalogue.json', 'public/data/territories.parquet', 'public/data/indicators.parquet');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coefficient-audit-'));

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/coefficient.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run coefficient -- --audit', () => {
  it('prints the summary, writes the JSON, and is byte-identical for a seed (region level)', () => {
    const a = path.join(tmp, 'a.json');
    const b = path.join(tmp, 'b.json');
    const r1 = cli('--level', 'region', '--audit', '--audit-out', a, '--audit-n', '64', '--seed', '5');
    const r2 = cli('--level', 'region', '--audit', '--audit-out', b, '--audit-n', '64', '--seed', '5');
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    expect(r1.stdout).toMatch(/^audit: region, \d+ indicators, 20 territories; minmax \+ arithmetic/);
    expect(r1.stdout).toMatch(/sensitivity \(Sobol, 448 runs, seed 5\) of the mean absolute rank shift/);
    expect(r1.stdout).toMatch(/what drives this ranking most: (weights|normalisation|aggregation|missing|winsor)/);
    const j = JSON.parse(fs.readFileSync(a, 'utf8'));
    expect(j.level).toBe('region');
    expect(j.sensitivity.factors).toEqual(['weights', 'normalisation', 'aggregation', 'missing', 'winsor']);
    expect(j.sensitivity.runs).toBe(64 * 7);
    expect(j.sensitivity.territories.length).toBeGreaterThan(0);
    expect(j.correlations.pearson.length).toBe(j.indicators.length);
    for (let i = 0; i < j.indicators.length; i++) expect(j.correlations.pearson[i][i]).toBe(1);
    // a territory's total indices are shares of its variance: finite or null, never NaN in JSON
    for (const t of j.sensitivity.territories)
      for (const v of Object.values(t.total)) expect(v === null || typeof v === 'number').toBe(true);
    // no CSV unless --out is given
    expect(r1.stdout).not.toContain('code,name,score');
  });

  it('--audit-out without --audit is a usage error (exit 2)', () => {
    const r = cli('--level', 'region', '--audit-out', path.join(tmp, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--audit-out and --audit-n go with --audit');
  });
});
