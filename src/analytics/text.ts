/** Territory name matching and search. */
import type { Level } from './levels';

const LEVEL_ORDER: Record<Level, number> = { italy: 0, region: 1, province: 2, comune: 3, sll: 4, nuts2: 5 };

/**
 * Canonical form for matching names: lower case, Unicode NFD with combining
 * marks removed (so "ì" → "i"), apostrophes (' ’ ‘ ` ´ ʼ) and dashes/hyphens/
 * underscores turned into spaces, runs of whitespace collapsed, trimmed.
 * "Forlì", "forli" and "FORLI'" all give "forli"; "Sant'Agata" gives "sant agata".
 */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´ʼ\-‐‑‒–—_]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

export interface SearchEntry {
  code: string;
  name: string;
  level: Level;
  /** used to order ties (larger first) */
  population?: number | null;
  /** precomputed normalizeName(name); see buildSearchIndex */
  norm?: string;
}

export interface SearchHit<E extends SearchEntry = SearchEntry> {
  entry: E;
  /** 0 exact, 1 prefix, 2 substring */
  tier: 0 | 1 | 2;
}

/** Entries with `norm` precomputed, so that each search does not re-normalise every name. */
export function buildSearchIndex<E extends SearchEntry>(entries: readonly E[]): (E & { norm: string })[] {
  return entries.map((e) => ({ ...e, norm: normalizeName(e.name) }));
}

function nameTier(norm: string, q: string): 0 | 1 | 2 | null {
  if (norm === q) return 0;
  if (norm.startsWith(q)) return 1;
  if (norm.includes(q)) return 2;
  return null;
}

/**
 * Territories matching `query` with their match tier, best first, at most `limit` (default 10).
 * A territory matches when its normalised name equals / starts with / contains
 * the normalised query, or when the query (digits only, spaces ignored) equals
 * or prefixes its code. Order:
 *   1. tier: exact (name or code) > prefix (name, name word, or code) > substring;
 *   2. population, larger first (entries with a population before those without);
 *   3. level, coarse first: italy, region, province, comune;
 *   4. name (Italian collation), then code.
 * Empty query → [].
 */
export function searchHits<E extends SearchEntry>(index: readonly E[], query: string, limit = 10): SearchHit<E>[] {
  const q = normalizeName(query);
  if (q === '' || limit <= 0) return [];
  const digits = /^[0-9 ]+$/.test(q) ? q.replace(/ /g, '') : null;
  const hits: SearchHit<E>[] = [];
  for (const entry of index) {
    const norm = entry.norm ?? normalizeName(entry.name);
    let tier = nameTier(norm, q);
    if (tier === 2 && norm.includes(` ${q}`)) tier = 1; // a word of the name starts with the query
    if (digits !== null) {
      const codeTier = entry.code === digits ? 0 : entry.code.startsWith(digits) ? 1 : null;
      if (codeTier !== null && (tier === null || codeTier < tier)) tier = codeTier;
    }
    if (tier !== null) hits.push({ entry, tier });
  }
  hits.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    const pa = a.entry.population;
    const pb = b.entry.population;
    const ha = typeof pa === 'number' && Number.isFinite(pa);
    const hb = typeof pb === 'number' && Number.isFinite(pb);
    if (ha !== hb) return ha ? -1 : 1;
    if (ha && hb && pa !== pb) return (pb as number) - (pa as number);
    const la = LEVEL_ORDER[a.entry.level];
    const lb = LEVEL_ORDER[b.entry.level];
    if (la !== lb) return la - lb;
    const byName = a.entry.name.localeCompare(b.entry.name, 'it');
    if (byName !== 0) return byName;
    return a.entry.code < b.entry.code ? -1 : a.entry.code > b.entry.code ? 1 : 0;
  });
  return hits.slice(0, limit);
}

/** searchHits without the tiers: the matching entries, best first. */
export function searchTerritories<E extends SearchEntry>(index: readonly E[], query: string, limit = 10): E[] {
  return searchHits(index, query, limit).map((h) => h.entry);
}
