/**
 * The territory profiles the pipeline writes ahead (public/data/profiles/<level>/<shard>.json): for every territory
 * of a level, the territory panel's table of every built-in indicator (src/analytics/territoryProfile.ts — the
 * pipeline computes it with src/analytics/levelProfiles.ts from the very files the page reads), so that a chosen
 * territory's table comes in one small request instead of after the whole indicators file. The comuni are split by
 * province, the local labour systems by region; the other levels are one file each. A file is written by
 * `encodeProfileShard` and read by `parseProfileShard`, which checks every field and says in plain words what is
 * wrong. Floor 0: imports nothing of the project but the level list.
 */
import { isLevel, type Level, type MapLevel } from './levels';

/** One indicator of a territory's profile (the fields of src/analytics/territoryProfile.ts ProfileRow). */
export interface PublishedProfileRow {
  indicator: string;
  year: number;
  value: number | null;
  sourceLevel: Level | null;
  rank: number | null;
  ranked: number;
  parentValue: number | null;
  italyValue: number | null;
  notAtLevel: boolean;
}

/** The file: the territories' codes, then one column set per indicator (a territory without the indicator: no entry). */
export interface ProfileShardFile {
  format: 'coefficienti-profiles/1';
  level: MapLevel;
  shard: string;
  codes: string[];
  indicators: {
    indicator: string;
    year: number;
    ranked: number;
    italyValue: number | null;
    /** per code (in `codes` order): 1 when the territory has this indicator in its profile, else 0 */
    listed: (0 | 1)[];
    value: (number | null)[];
    sourceLevel: (Level | null)[];
    rank: (number | null)[];
    parentValue: (number | null)[];
    notAtLevel: (0 | 1)[];
  }[];
}

const FORMAT = 'coefficienti-profiles/1';
/** a file per province (comuni) or region (SLL); one file for the other levels */
export const PROFILES_DIR = 'data/profiles';
export const PROFILES_INDEX = `${PROFILES_DIR}/index.json`;
const ONE_FILE = 'all';

/** Which file holds a territory's profile (null: the territory's parent code is unknown, so none). */
export function profileShardOf(
  level: MapLevel,
  territory: { province_code: string | null; region_code: string | null },
): string | null {
  if (level === 'comune') return territory.province_code;
  if (level === 'sll') return territory.region_code;
  return ONE_FILE;
}

export const profileShardPath = (level: MapLevel, shard: string): string => `${PROFILES_DIR}/${level}/${shard}.json`;

/** The file of some territories' profiles (every row of one code is one indicator, in the profile's order). */
export function encodeProfileShard(
  level: MapLevel,
  shard: string,
  profiles: ReadonlyMap<string, readonly PublishedProfileRow[]>,
): ProfileShardFile {
  const codes = [...profiles.keys()];
  const ids = [...new Set([...profiles.values()].flatMap((rows) => rows.map((r) => r.indicator)))].sort();
  const indicators = ids.map((indicator) => {
    const at = codes.map((c) => profiles.get(c)?.find((r) => r.indicator === indicator) ?? null);
    const any = at.find((r) => r !== null);
    if (!any) throw new Error(`profiles ${level}/${shard}: ${indicator} has no row`);
    for (const r of at)
      if (r && (r.year !== any.year || r.ranked !== any.ranked || r.italyValue !== any.italyValue))
        throw new Error(
          `profiles ${level}/${shard}: ${indicator}: year, peers or Italy's value differ between territories`,
        );
    return {
      indicator,
      year: any.year,
      ranked: any.ranked,
      italyValue: any.italyValue,
      listed: at.map((r) => (r ? 1 : 0) as 0 | 1),
      value: at.map((r) => r?.value ?? null),
      sourceLevel: at.map((r) => r?.sourceLevel ?? null),
      rank: at.map((r) => r?.rank ?? null),
      parentValue: at.map((r) => r?.parentValue ?? null),
      notAtLevel: at.map((r) => (r?.notAtLevel ? 1 : 0) as 0 | 1),
    };
  });
  return { format: FORMAT, level, shard, codes, indicators };
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const numOrNull = (x: unknown): x is number | null => x === null || isNum(x);
const bit = (x: unknown): x is 0 | 1 => x === 0 || x === 1;

/** A profile file that is not what the contract says: which field, of which file, and why. */
export class ProfileShardError extends Error {}

/**
 * Read a profile file back: every territory's rows (in indicator-id order, as territoryProfile gives them). Throws
 * ProfileShardError on any field of the wrong type or length, or a file of another level or shard.
 */
export function parseProfileShard(json: unknown, level: MapLevel, shard: string): Map<string, PublishedProfileRow[]> {
  const where = profileShardPath(level, shard);
  const fail = (why: string): never => {
    throw new ProfileShardError(`${where}: ${why}`);
  };
  const f = json as Partial<ProfileShardFile> | null;
  if (!f || typeof f !== 'object') return fail('not a JSON object');
  if (f.format !== FORMAT) fail(`format ${JSON.stringify(f.format)}, expected ${FORMAT}`);
  if (f.level !== level || f.shard !== shard) fail(`holds ${String(f.level)}/${String(f.shard)}`);
  const codes = f.codes;
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return fail('codes is not a list of text');
  if (new Set(codes).size !== codes.length) fail('a code is listed twice');
  if (!Array.isArray(f.indicators)) return fail('indicators is not a list');
  const out = new Map<string, PublishedProfileRow[]>(codes.map((c) => [c, []]));
  let previous = '';
  for (const [i, ind] of f.indicators.entries()) {
    const name = `indicator ${i + 1} (${String(ind?.indicator)})`;
    if (!ind || typeof ind.indicator !== 'string' || ind.indicator <= previous)
      fail(`${name}: the id is missing or out of order`);
    previous = ind.indicator;
    if (!isNum(ind.year) || !Number.isInteger(ind.ranked) || ind.ranked < 0 || !numOrNull(ind.italyValue))
      fail(`${name}: year, peers ranked or Italy's value is not a number`);
    const columns = [ind.listed, ind.value, ind.sourceLevel, ind.rank, ind.parentValue, ind.notAtLevel];
    if (!columns.every((c) => Array.isArray(c) && c.length === codes.length))
      fail(`${name}: a column does not have one entry per code (${codes.length})`);
    codes.forEach((code, j) => {
      if (!bit(ind.listed[j]) || !bit(ind.notAtLevel[j])) fail(`${name}, ${code}: listed/notAtLevel is not 0 or 1`);
      if (!ind.listed[j]) return;
      const [value, source, rank, parent] = [ind.value[j], ind.sourceLevel[j], ind.rank[j], ind.parentValue[j]];
      if (!numOrNull(value) || !numOrNull(parent)) fail(`${name}, ${code}: a value is not a number or empty`);
      if (source !== null && !isLevel(source)) fail(`${name}, ${code}: source level ${JSON.stringify(source)}`);
      if (rank !== null && !(Number.isInteger(rank) && rank >= 1)) fail(`${name}, ${code}: rank ${String(rank)}`);
      out.get(code)?.push({
        indicator: ind.indicator,
        year: ind.year,
        value,
        sourceLevel: source,
        rank,
        ranked: ind.ranked,
        parentValue: parent,
        italyValue: ind.italyValue,
        notAtLevel: ind.notAtLevel[j] === 1,
      });
    });
  }
  return out;
}
