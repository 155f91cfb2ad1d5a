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
  /** other codes the territory answers to (an Italian region's NUTS2 code, e.g. ITF6 for Calabria) */
  aliases?: readonly string[];
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
 * The code a query is, if it is one: digits (an ISTAT code, spaces ignored: "040 012") or a NUTS code — two
 * letters, then one to three letters or digits with at least one digit ("ITF6", "de21", "FI1B"; every NUTS2
 * code has a digit, so a name such as "Roma" is never read as a code). Upper case; null for anything else.
 */
export function codeQuery(query: string): string | null {
  const q = normalizeName(query);
  const compact = q.replace(/ /g, '');
  if (/^[0-9 ]+$/.test(q)) return compact;
  if (/^[a-z]{2}[0-9a-z]{1,3}$/.test(compact) && /[0-9]/.test(compact)) return compact.toUpperCase();
  return null;
}

/**
 * Territories matching `query` with their match tier, best first, at most `limit` (default 10).
 * A territory matches when its normalised name equals / starts with / contains
 * the normalised query, or when the query is a code (codeQuery: ISTAT digits or a NUTS code) that equals
 * or prefixes its code or one of its aliases. Order:
 *   1. tier: exact (name or code) > prefix (name, name word, or code) > substring;
 *   2. population, larger first (entries with a population before those without);
 *   3. level, coarse first: italy, region, province, comune;
 *   4. name (Italian collation), then code.
 * Empty query → [].
 */
export function searchHits<E extends SearchEntry>(index: readonly E[], query: string, limit = 10): SearchHit<E>[] {
  const q = normalizeName(query);
  if (q === '' || limit <= 0) return [];
  const code = codeQuery(query);
  const hits: SearchHit<E>[] = [];
  for (const entry of index) {
    const norm = entry.norm ?? normalizeName(entry.name);
    let tier = nameTier(norm, q);
    if (tier === 2 && norm.includes(` ${q}`)) tier = 1; // a word of the name starts with the query
    if (code !== null)
      for (const c of entry.aliases ? [entry.code, ...entry.aliases] : [entry.code]) {
        const codeTier = c === code ? 0 : c.startsWith(code) ? 1 : null;
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

/**
 * The NUTS2 code each Italian region answers to in the search (Calabria: ITF6), and the provinces of Bolzano and
 * Trento (ITH1, ITH2: NUTS2 regions of their own), from Europe's NUTS2 territories (their `region_code` /
 * `province_code`). Keys `level:code`.
 */
export function italianNutsAliases(
  territories: readonly { level: string; code: string; region_code: string | null; province_code: string | null }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of territories) {
    if (t.level !== 'nuts2' || !t.code.startsWith('IT')) continue;
    const key = t.province_code ? `province:${t.province_code}` : t.region_code ? `region:${t.region_code}` : null;
    if (key) out.set(key, [...(out.get(key) ?? []), t.code]);
  }
  return out;
}
