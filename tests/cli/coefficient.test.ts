import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../builtData';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INDEX_LEVELS } from '../../src/analytics/composite/config';

requireBuilt('public/data/catalogue.json', 'public/data/territories.parquet', 'public/data/indicators.parquet');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coefficient-'));

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/coefficient.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run coefficient', () => {
  it('same data, configuration and seed → byte-identical CSV (region, 100 draws)', () => {
    const a = path.join(tmp, 'a.csv');
    const b = path.join(tmp, 'b.csv');
    const r1 = cli('--level', 'region', '--draws', '100', '--seed', '7', '--out', a);
    const r2 = cli('--level', 'region', '--draws', '100', '--seed', '7', '--out', b);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    const bytes = fs.readFileSync(a);
    expect(bytes.equals(fs.readFileSync(b))).toBe(true);
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'code,name,score,rank,rank_p05,rank_p50,rank_p95,observed_weight,own_level_weight,status,labour,stability',
    );
    expect(lines).toHaveLength(21); // header + 20 regions
    // every regional value is the region's own
    expect(r1.stderr).toContain(
      'coefficient: on average 100.0 % of the weight comes from region data (column own_level_weight)',
    );
    expect(r1.stderr).toMatch(
      /coefficient: region: \d+ of 20 scored, \d+ insufficient; minmax \+ arithmetic; Monte Carlo 100 draws, seed 7; [\d.]+ s/,
    );
  });

  it('a configuration file is used as given (and --draws 0 skips the Monte Carlo)', () => {
    const cfg = path.join(tmp, 'cfg.json');
    fs.writeFileSync(
      cfg,
      JSON.stringify({
        version: 1,
        level: 'region',
        indicators: [{ id: 'unemployment_rate' }, { id: 'neet_18_29', weight: 3 }],
        aggregation: 'ampi',
      }),
    );
    const r = cli('--config', cfg, '--draws', '0');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'code,name,score,rank,rank_p05,rank_p50,rank_p95,observed_weight,own_level_weight,status,labour',
    );
    expect(lines[1]).toMatch(/^01,Piemonte,\d+\.\d{4},\d+,,,,1\.0000,1\.0000,ok,\d+\.\d{4}$/);
    // unemployment and NEET have no national value in the data: said so, not hidden
    expect(r.stderr).toContain('coefficient: note: no national value for unemployment_rate, neet_18_29');
  });

  it('province level: own_level_weight is below 1 where labour figures are inherited from the region', () => {
    const r = cli('--level', 'province', '--draws', '0');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const col = lines[0].split(',').indexOf('own_level_weight');
    const own = lines
      .slice(1)
      .map((l) => l.split(',')[col])
      .filter((x) => x !== '')
      .map(Number);
    expect(own.length).toBeGreaterThan(90);
    for (const x of own) expect(x > 0 && x < 1).toBe(true);
    expect(r.stderr).toMatch(/on average \d+\.\d % of the weight comes from province data/);
  });

  it('an invalid configuration: exit code 2 and every problem listed', () => {
    const r = cli('--config', 'tests/fixtures/composite/bad-config.json', '--out', path.join(tmp, 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('coefficient: error: tests/fixtures/composite/bad-config.json: Invalid configuration:');
    expect(r.stderr).toContain('  - "version" must be 1, got 2');
    expect(r.stderr).toContain('  - indicators[1] (no_such_indicator): unknown indicator (not in the catalogue)');
    expect(r.stderr).toContain('  - "minObservedShare" must be a number from 0 to 1, got 1.5');
    expect(fs.existsSync(path.join(tmp, 'x.csv'))).toBe(false);
  });

  it('--level sll: the 515 local labour systems scored, with the share of weight measured at SLL level', () => {
    const out = path.join(tmp, 'sll.csv');
    const r = cli('--level', 'sll', '--draws', '20', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    const head = lines[0].split(',');
    expect(lines).toHaveLength(516);
    const crotone = lines.find((l) => l.startsWith('1830,'))!.split(',');
    expect(crotone[1]).toBe('Crotone');
    expect(crotone[head.indexOf('status')]).toBe('ok');
    // the SLL's own figures (census, income) carry weight; the rest is inherited from the region
    const own = Number(crotone[head.indexOf('own_level_weight')]);
    expect(own).toBeGreaterThan(0.33);
    expect(own).toBeLessThan(1);
  });

  it('unknown level, missing files, bad options: exit code 2 with a clear message', () => {
    const level = cli('--level', 'provincia');
    expect(level.code).toBe(2);
    expect(level.stderr).toContain(`unknown level "provincia" (use ${INDEX_LEVELS.join(', ')})`);
    const missing = cli('--config', path.join(tmp, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('configuration file not found');
    const data = cli('--level', 'region', '--data', path.join(tmp, 'empty'));
    expect(data.code).toBe(2);
    expect(data.stderr).toContain('data file(s) not found');
    const opt = cli('--level', 'region', '--draws', 'many');
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('--draws must be a whole number');
  });
});
