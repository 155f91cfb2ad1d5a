import { describe, it, expect } from 'vitest';
import {
  encodeProfileShard,
  parseProfileShard,
  profileShardOf,
  profileShardPath,
  ProfileShardError,
  type PublishedProfileRow,
} from '../../src/contract';

// Synthetic rows (fixture, not real data): two comuni of province 101, two indicators; 'b' not listed for 101002.
const row = (indicator: string, extra: Partial<PublishedProfileRow>): PublishedProfileRow => ({
  indicator,
  year: 2023,
  value: null,
  sourceLevel: null,
  rank: null,
  ranked: 2,
  parentValue: null,
  italyValue: 9.5,
  notAtLevel: false,
  ...extra,
});
const profiles = new Map([
  [
    '101001',
    [
      row('a', { value: 1.25, sourceLevel: 'comune', rank: 2, parentValue: 3 }),
      row('b', { ranked: 0, italyValue: null, notAtLevel: true, year: 2021 }),
    ],
  ],
  ['101002', [row('a', { value: 7, sourceLevel: 'comune', rank: 1, parentValue: 3 })]],
]);

describe('the profile files written ahead (src/contract/profiles.ts)', () => {
  it('where a territory’s table is: comuni by province, SLL by region, one file for the other levels', () => {
    expect(profileShardOf('comune', { province_code: '101', region_code: '18' })).toBe('101');
    expect(profileShardOf('sll', { province_code: null, region_code: '18' })).toBe('18');
    expect(profileShardOf('province', { province_code: '101', region_code: '18' })).toBe('all');
    expect(profileShardOf('comune', { province_code: null, region_code: '18' })).toBeNull();
    expect(profileShardPath('comune', '101')).toBe('data/profiles/comune/101.json');
  });

  it('encode then parse gives every row back, unlisted indicators left out', () => {
    const file = encodeProfileShard('comune', '101', profiles);
    expect(file.indicators.map((i) => [i.indicator, i.listed])).toEqual([
      ['a', [1, 1]],
      ['b', [1, 0]],
    ]);
    const back = parseProfileShard(JSON.parse(JSON.stringify(file)), 'comune', '101');
    expect(back).toEqual(profiles);
  });

  it('the encoder refuses rows of one indicator that disagree on year, peers or Italy', () => {
    const bad = new Map([
      ['x1', [row('a', { year: 2023 })]],
      ['x2', [row('a', { year: 2022 })]],
    ]);
    expect(() => encodeProfileShard('comune', '101', bad)).toThrow(/a: year, peers or Italy/);
  });

  it('a broken file says which file, which field and why', () => {
    const good = () => JSON.parse(JSON.stringify(encodeProfileShard('comune', '101', profiles)));
    const cases: [string, (f: ReturnType<typeof good>) => void, RegExp][] = [
      ['format', (f) => (f.format = 'x'), /format "x"/],
      ['another shard', (f) => (f.shard = '102'), /holds comune\/102/],
      ['a code twice', (f) => (f.codes = ['101001', '101001']), /listed twice/],
      ['a short column', (f) => f.indicators[0].value.pop(), /one entry per code \(2\)/],
      ['text for a value', (f) => (f.indicators[0].value[0] = '1.25'), /101001: a value is not a number/],
      ['rank 0', (f) => (f.indicators[0].rank[0] = 0), /101001: rank 0/],
      ['a level unknown', (f) => (f.indicators[0].sourceLevel[1] = 'borough'), /source level "borough"/],
      ['order', (f) => f.indicators.reverse(), /out of order/],
    ];
    for (const [, spoil, message] of cases) {
      const f = good();
      spoil(f);
      expect(() => parseProfileShard(f, 'comune', '101')).toThrow(ProfileShardError);
      expect(() => parseProfileShard(f, 'comune', '101')).toThrow(message);
    }
    expect(() => parseProfileShard(null, 'comune', '101')).toThrow(
      /data\/profiles\/comune\/101.json: not a JSON object/,
    );
  });
});
