/**
 * The territory profiles written ahead (src/contract/profiles.ts): read back the tables just written, exactly as the
 * page reads them (the contract's row mappers over the Parquet files), compute every territory's profile with
 * src/analytics/levelProfiles.ts (the panel's own computation, held equal to territoryProfile by a test) and write
 * one file per province (comuni), per region (local labour systems) or per level, plus an index of the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import {
  MAP_LEVELS,
  encodeProfileShard,
  profileShardOf,
  profileShardPath,
  toIndicatorRow,
  toTerritory,
  type IndicatorMeta,
  type IndicatorRow,
  type MapLevel,
  type PublishedProfileRow,
  type Territory,
} from '../../src/contract/index.ts';
import { levelProfiles } from '../../src/analytics/levelProfiles.ts';

/** What the index file lists: per level, each file's shard key and how many territories it holds. */
export interface ProfilesIndex {
  format: 'coefficienti-profiles-index/1';
  levels: Record<string, { shard: string; territories: number }[]>;
}

const readParquet = async (file: string) => {
  const b = fs.readFileSync(file);
  return parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
};

/** The published tables as the page reads them: the contract's row mappers over the files, rows by indicator. */
export async function readPublishedTables(tables: { territories: string; indicators: string; catalogue: string }) {
  const territories = (await readParquet(tables.territories)).map(toTerritory);
  const rowsByIndicator = new Map<string, IndicatorRow[]>();
  for (const r of (await readParquet(tables.indicators)).map(toIndicatorRow)) {
    let list = rowsByIndicator.get(r.indicator);
    if (!list) rowsByIndicator.set(r.indicator, (list = []));
    list.push(r);
  }
  const catalogue = JSON.parse(fs.readFileSync(tables.catalogue, 'utf8')) as IndicatorMeta[];
  return { catalogue, territories, rowsByIndicator };
}

/** Every profile file for the given tables (relative path → JSON text) and the index that lists them. */
export function profileFiles(
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly Territory[],
  catalogue: readonly IndicatorMeta[],
): { files: Map<string, string>; index: ProfilesIndex } {
  const files = new Map<string, string>();
  const index: ProfilesIndex = { format: 'coefficienti-profiles-index/1', levels: {} };
  const byCode = new Map(territories.map((t) => [`${t.level}:${t.code}`, t]));
  for (const level of MAP_LEVELS as readonly MapLevel[]) {
    const profiles = levelProfiles(rowsByIndicator, territories, catalogue, level);
    const shards = new Map<string, Map<string, PublishedProfileRow[]>>();
    for (const [code, rows] of profiles) {
      const t = byCode.get(`${level}:${code}`);
      const shard = t ? profileShardOf(level, t) : null;
      if (shard === null) continue; // no parent code: the panel computes it from the full tables
      if (!shards.has(shard)) shards.set(shard, new Map());
      shards.get(shard)?.set(code, rows);
    }
    index.levels[level] = [];
    for (const [shard, members] of [...shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
      files.set(profileShardPath(level, shard), JSON.stringify(encodeProfileShard(level, shard, members)));
      index.levels[level].push({ shard, territories: members.size });
    }
  }
  return { files, index };
}

/** Read the written tables back and write the profile files under `publicDir` (the old ones removed first). */
export async function writeProfiles(
  publicDir: string,
  tables: { territories: string; indicators: string; catalogue: string },
  indexFile: string,
): Promise<{ files: number; bytes: number }> {
  const { rowsByIndicator, territories, catalogue } = await readPublishedTables(tables);
  const { files, index } = profileFiles(rowsByIndicator, territories, catalogue);
  fs.rmSync(path.dirname(indexFile), { recursive: true, force: true });
  let bytes = 0;
  for (const [rel, text] of files) {
    const out = path.join(publicDir, rel);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    bytes += Buffer.byteLength(text);
  }
  fs.writeFileSync(indexFile, JSON.stringify(index) + '\n');
  return { files: files.size, bytes };
}
