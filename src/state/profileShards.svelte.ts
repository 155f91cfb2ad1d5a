/**
 * The territory panel's tables written ahead by the pipeline (src/contract/profiles.ts): when a territory is chosen,
 * the one small file that holds it (its province's comuni, its region's local labour systems, or its level) is
 * read, checked and kept, so that its table of every built-in indicator is shown before the whole indicators file
 * is in. The same numbers as computed in the page (the pipeline runs the panel's own computation; a test holds them
 * equal). A file that cannot be read or fails the check is only noted in the console: the full tables bring the same table.
 */
import {
  parseProfileShard,
  profileShardOf,
  profileShardPath,
  type MapLevel,
  type PublishedProfileRow,
} from '../contract';
import { mark } from '../io/instrument';

type Located = { province_code: string | null; region_code: string | null };

export class ProfileShards {
  /** every territory read so far, by `level:code` */
  #rows = $state.raw<ReadonlyMap<string, readonly PublishedProfileRow[]>>(new Map());
  /** the files asked for (settled or not), by `level/shard` */
  #asked = new Map<string, Promise<void>>();
  constructor(private readonly base = '') {}

  /** The table written ahead for a territory, once its file is in (undefined before, or when it failed). */
  get(level: MapLevel, code: string): readonly PublishedProfileRow[] | undefined {
    return this.#rows.get(`${level}:${code}`);
  }

  /** Read the file that holds a territory's table (once per file); resolves when it is in or has failed. */
  load(level: MapLevel, territory: Located): Promise<void> {
    const shard = profileShardOf(level, territory);
    if (shard === null) return Promise.resolve();
    const key = `${level}/${shard}`;
    let p = this.#asked.get(key);
    if (!p) {
      const url = this.base + profileShardPath(level, shard);
      p = fetch(url)
        .then((r) => {
          if (!r.ok) throw new Error(`${profileShardPath(level, shard)}: HTTP ${r.status}`);
          return r.json() as Promise<unknown>;
        })
        .then((json) => {
          const next = new Map(this.#rows);
          for (const [code, rows] of parseProfileShard(json, level, shard)) next.set(`${level}:${code}`, rows);
          this.#rows = next;
          mark('data-profile-ahead');
        })
        // said to whoever looks (the console); the reader loses nothing: the full tables give the same table
        .catch((e: Error) => console.warn(`the table written ahead is not used: ${e.message}`));
      this.#asked.set(key, p);
    }
    return p;
  }
}
