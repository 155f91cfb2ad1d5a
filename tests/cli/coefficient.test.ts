import { describe, expect, it } from 'vitest';
import { requireBuilt } from '../builtData';
import { cliTool, runTwice, tempDir } from './run';
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_LEVELS } from '../../src/analytics/composite/config';

requireBuilt('public/data/catalogue.json', 'public/data/territories.parquet', 'public/data/indicators.parquet');
const tmp = tempDir('coefficient-');

const cli = cliTool('coefficient');

describe('npm run coefficient', () => {
  it('same data, configuration and seed → byte-identical CSV (region, 100 draws)', () => {
    const { r1, bytes } = runTwice(cli, tmp, 'csv', (out) => [
      ...'--level region --draws 100 --seed 7 --out'.split(' '),
      out,
    ]);
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

describe('npm run coefficient -- --audit', () => {
  it('prints the summary, writes the JSON, and is byte-identical for a seed (region level)', () => {
    const { r1, a } = runTwice(cli, tmp, 'json', (out) => [
      ...'--level region --audit --audit-out'.split(' '),
      out,
      ...'--audit-n 64 --seed 5'.split(' '),
    ]);
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
