import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import { territoryProfile } from '../../src/analytics/territoryProfile';
import {
  PROFILES_INDEX,
  parseProfileShard,
  profileShardOf,
  profileShardPath,
  MAP_LEVELS,
  type IndicatorMeta,
  type IndicatorRow,
  type Territory,
} from '../../src/contract';
import type { ProfilesIndex } from '../../data/build/profiles';
import { readBuiltTables, requireBuilt } from '../builtData';

// The profile files the pipeline wrote (public/data/profiles, real data): each territory in the one file its level
// and parent say, each file valid, and the tables in them exactly what the page computes from the full tables.
requireBuilt('public/data/territories.parquet', 'public/data/indicators.parquet', `public/${PROFILES_INDEX}`);
let terr: Territory[];
let rows: Map<string, IndicatorRow[]>;
let cat: IndicatorMeta[];
let index: ProfilesIndex;
beforeAll(async () => {
  ({ territories: terr, rowsByIndicator: rows, catalogue: cat } = await readBuiltTables());
  index = JSON.parse(fs.readFileSync(`public/${PROFILES_INDEX}`, 'utf8')) as ProfilesIndex;
}, 120000);
const shard = (level: (typeof MAP_LEVELS)[number], key: string) =>
  parseProfileShard(JSON.parse(fs.readFileSync(`public/${profileShardPath(level, key)}`, 'utf8')), level, key);

describe('public/data/profiles', () => {
  it('every territory of every map level is in the file its parent names, and no other', () => {
    for (const level of MAP_LEVELS) {
      const expected = new Map<string, string[]>();
      for (const t of terr.filter((x) => x.level === level)) {
        const key = profileShardOf(level, t);
        if (key !== null) expected.set(key, [...(expected.get(key) ?? []), t.code]);
      }
      expect(index.levels[level].map((f) => f.shard)).toEqual([...expected.keys()].sort());
      for (const f of index.levels[level]) {
        expect([...shard(level, f.shard).keys()].sort()).toEqual(expected.get(f.shard)!.sort());
        expect(f.territories).toBe(expected.get(f.shard)!.length);
      }
    }
    expect(index.levels.comune).toHaveLength(107);
  });

  it('Crotone’s province file: every comune’s table is what the page computes; Crotone’s census count 2,979', () => {
    const file = shard('comune', '101');
    for (const [code, profile] of file) expect(profile).toEqual(territoryProfile(rows, terr, cat, 'comune', code));
    const crotone = new Map(file.get('101010')!.map((r) => [r.indicator, r]));
    expect(crotone.get('foreign_residents_census')).toMatchObject({ value: 2979, sourceLevel: 'comune' });
    expect(crotone.get('foreign_residents')).toMatchObject({ value: null, notAtLevel: true });
    expect(crotone.get('foreign_per_100')).toMatchObject({ sourceLevel: 'province' });
  });

  it.each([
    ['region', 'all', '18'],
    ['province', 'all', '001'],
    ['sll', '01', '0101'],
    ['nuts2', 'all', 'ITF6'],
  ] as const)('%s file %s: %s as the page computes it', (level, key, code) => {
    expect(shard(level, key).get(code)).toEqual(territoryProfile(rows, terr, cat, level, code));
  });
});
