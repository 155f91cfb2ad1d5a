// Over 300 lines: placing service points on comuni: name matching, the crosswalk and the point-in-polygon test.
/**
 * Geocoding of service points to current ISTAT comuni. Pure.
 * - cadastral (Belfiore) code → current comune (current list first, then the validity history via mapToCurrent);
 * - comune name (+ province sigla) → current comune: names compared after `normalizeComuneName` (case, accents,
 *   apostrophes, hyphens), each bilingual part ("Bolzano/Bozen") and every historic name of the code count;
 *   search within the province, then the region, then Italy (unique names only);
 * - exact coordinates → the comune named by the source when its inner point is near, else the comune whose polygon
 *   contains the point (when the caller has the polygons, see `comuneAreas`: Turf's point-in-polygon test), else the
 *   comune whose inner point is nearest (see `assignByPoint`).
 * The point given to a service geocoded by code or name is the comune's inner point (territories.parquet lon/lat).
 */
import { normalizeName } from '../../src/analytics/text.ts';
import { haversineKm } from '../../src/analytics/coverage/distance.ts';
import { mapToCurrent, type Comune, type ValiditaRow } from './codes.ts';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** normalizeName of src/analytics/text.ts (lower case, no accents, apostrophes/hyphens → spaces), plus punctuation → spaces. */
export function normalizeComuneName(s: string): string {
  return normalizeName(s.replace(/[.,;:()"]/g, ' '));
}

/** Last-resort key: normalised name without spaces, j → i. */
export const compactKey = (normalised: string) => normalised.replace(/ /g, '').replace(/j/g, 'i');

export interface Gazetteer {
  comuneByCode: Map<string, Comune>;
  regionBySigla: Map<string, string>;
  /** current cadastral code → current comune code */
  byCadastral: Map<string, string>;
  /** normalised current name (whole, and each bilingual part) → codes */
  byName: Map<string, string[]>;
  /** cadastral codes of the validity history → the (possibly suppressed) ISTAT codes that carried them */
  oldCadastral: Map<string, string[]>;
  /** normalised historic names → the (possibly suppressed) ISTAT codes that carried them */
  oldName: Map<string, string[]>;
  /** compact key (no spaces, j → i: "San Remo" = "Sanremo", "Iesolo" = "Jesolo") of current and historic names → current codes */
  byCompact: Map<string, string[]>;
  /** old ISTAT code → current code (memoised mapToCurrent), null when undecidable */
  toCurrent(code: string): Match | null;
}

const push = (m: Map<string, string[]>, k: string, v: string) => {
  if (!k) return;
  const a = m.get(k);
  if (!a) m.set(k, [v]);
  else if (!a.includes(v)) a.push(v);
};

export function buildGazetteer(
  comuni: readonly Comune[],
  validita: readonly ValiditaRow[],
  crosswalk: Map<string, string> = new Map(),
): Gazetteer {
  const comuneByCode = new Map(comuni.map((c) => [c.code, c]));
  const regionBySigla = new Map(comuni.map((c) => [c.sigla, c.region_code]));
  const byCadastral = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const c of comuni) {
    if (c.belfiore) byCadastral.set(c.belfiore, c.code);
    push(byName, normalizeComuneName(c.name), c.code);
    for (const part of c.name.split('/')) push(byName, normalizeComuneName(part), c.code);
  }
  const oldCadastral = new Map<string, string[]>();
  const oldName = new Map<string, string[]>();
  for (const v of validita) {
    if (v.belfiore) push(oldCadastral, v.belfiore, v.code);
    push(oldName, normalizeComuneName(v.name), v.code);
  }
  const memo = new Map<string, Match | null>();
  const vs = [...validita];
  const toCurrent = (code: string): Match | null => {
    if (comuneByCode.has(code)) return { code, how: 'same code' };
    if (!memo.has(code)) {
      const m = mapToCurrent({ code, belfiore: '' }, comuneByCode, vs, crosswalk);
      memo.set(code, m ? { code: m.code, how: `${code} → ${m.code} (${m.how})` } : successorByWords(code));
    }
    return memo.get(code)!;
  };
  const byCompact = new Map<string, string[]>();
  for (const [n, codes] of byName) for (const c of codes) push(byCompact, compactKey(n), c);
  for (const [n, codes] of oldName)
    for (const c of codes) {
      const m = comuneByCode.has(c) ? { code: c } : null; // historic names of current codes only (cheap, no successor search)
      if (m) push(byCompact, compactKey(n), m.code);
    }
  /**
   * mapToCurrent found several successors starting the day after `code` ended (e.g. 047019 San Marcello Pistoiese
   * → 047023 Abetone Cutigliano or 047024 San Marcello Piteglio): take the one sharing the most name words, if unique.
   */
  function successorByWords(code: string): Match | null {
    const hist = vs.filter((v) => v.code === code && v.end).sort((a, b) => (a.end! < b.end! ? 1 : -1))[0];
    if (!hist) return null;
    const d = new Date(hist.end! + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    const start = d.toISOString().slice(0, 10);
    const words = new Set(normalizeComuneName(hist.name).split(' '));
    const scored = [
      ...new Set(
        vs
          .filter((v) => v.start === start && v.end === null && v.sigla === hist.sigla && comuneByCode.has(v.code))
          .map((v) => v.code),
      ),
    ]
      .map((c) => ({
        c,
        n: normalizeComuneName(comuneByCode.get(c)!.name)
          .split(' ')
          .filter((w) => words.has(w)).length,
      }))
      .sort((a, b) => b.n - a.n);
    if (scored.length && scored[0].n > 0 && (scored.length === 1 || scored[1].n < scored[0].n))
      return { code: scored[0].c, how: `${code} → ${scored[0].c} (successor sharing name words)` };
    return null;
  }
  return { comuneByCode, regionBySigla, byCadastral, byName, oldCadastral, oldName, byCompact, toCurrent };
}

/** Old codes → distinct current codes (undecidable ones dropped), with how. */
function resolveOld(g: Gazetteer, oldCodes: readonly string[]): Match[] {
  const out: Match[] = [];
  for (const c of oldCodes) {
    const m = g.toCurrent(c);
    if (m && !out.some((o) => o.code === m.code)) out.push(m);
  }
  return out;
}

export type Match = { code: string; how: string };
export type NoMatch = { code: null; reason: string };

export function geocodeCadastral(g: Gazetteer, belfiore: string): Match | NoMatch {
  const b = belfiore.trim().toUpperCase();
  if (!b) return { code: null, reason: 'empty cadastral code' };
  const cur = g.byCadastral.get(b);
  if (cur) return { code: cur, how: 'cadastral' };
  const old = resolveOld(g, g.oldCadastral.get(b) ?? []);
  if (old.length === 1) return { code: old[0].code, how: `historic cadastral, ${old[0].how}` };
  if (old.length > 1)
    return {
      code: null,
      reason: `historic cadastral code ${b} maps to several current comuni: ${old.map((o) => o.code).join(', ')}`,
    };
  return { code: null, reason: `cadastral code ${b} not in the code lists` };
}

/**
 * Name (+ optional province sigla) → current comune: within the province when a sigla is given, else within
 * its region, else Italy-wide when unique; in each scope current names first, then historic names, then the
 * compact key.
 */
/** Candidate current comuni for a name, by tier: current names, else historic names, else the compact key. */
export function nameCandidates(g: Gazetteer, name: string): Match[][] {
  const n = normalizeComuneName(name);
  if (!n) return [];
  const current = (g.byName.get(n) ?? []).map((code) => ({ code, how: 'name' }));
  const historic = resolveOld(g, g.oldName.get(n) ?? []).map((m) => ({ code: m.code, how: `historic name, ${m.how}` }));
  const compact = (g.byCompact.get(compactKey(n)) ?? []).map((code) => ({ code, how: 'name without spaces' }));
  return [current, historic, compact];
}

export function geocodeName(
  g: Gazetteer,
  name: string,
  where: { sigla?: string; region_code?: string } = {},
): Match | NoMatch {
  if (!normalizeComuneName(name)) return { code: null, reason: 'empty comune name' };
  const sigla = where.sigla?.trim().toUpperCase() || undefined;
  const scopes: [string, (c: Comune) => boolean][] = [];
  if (sigla) scopes.push([`province ${sigla}`, (c) => c.sigla === sigla]);
  const region = where.region_code ?? (sigla ? g.regionBySigla.get(sigla) : undefined);
  if (region) scopes.push([`region ${region}`, (c) => c.region_code === region]);
  scopes.push(['Italy', () => true]);
  const tiers = nameCandidates(g, name);
  for (const [scope, ok] of scopes) {
    for (const cands of tiers) {
      const hits = cands.filter((c) => ok(g.comuneByCode.get(c.code)!));
      if (hits.length === 1) return { code: hits[0].code, how: `${hits[0].how} in ${scope}` };
      if (hits.length > 1 && scope !== 'Italy')
        return { code: null, reason: `name "${name}" is ambiguous in ${scope}: ${hits.map((h) => h.code).join(', ')}` };
    }
  }
  const all = [...new Set(tiers.flat().map((c) => c.code))];
  const where_ = sigla ? ` (${sigla})` : '';
  return all.length
    ? { code: null, reason: `name "${name}"${where_} matches ${all.join(', ')}, none uniquely in scope` }
    : { code: null, reason: `name "${name}"${where_} not in the code lists` };
}

/**
 * The longest name of a comune (of province `sigla`, or anywhere when null; current or historic, ≥ 4 letters)
 * that appears as whole words in `text` (e.g. a hospital called "STABILIMENTO DI OSIMO"), or null.
 */
export function comuneNamedIn(g: Gazetteer, text: string, sigla: string | null): Match | null {
  const t = ` ${normalizeComuneName(text)} `;
  let best: Match | null = null;
  let bestLen = 0;
  const consider = (n: string, code: string, how: string) => {
    if (
      n.length >= 4 &&
      n.length > bestLen &&
      t.includes(` ${n} `) &&
      (sigla === null || g.comuneByCode.get(code)?.sigla === sigla)
    ) {
      best = { code, how };
      bestLen = n.length;
    }
  };
  for (const [n, codes] of g.byName) for (const c of codes) consider(n, c, 'comune named in the facility name');
  for (const [n, codes] of g.oldName)
    if (t.includes(` ${n} `))
      for (const m of resolveOld(g, codes)) consider(n, m.code, `historic comune name in the facility name, ${m.how}`);
  return best;
}

/**
 * Repair a source mojibake seen in consultori.csv: an accented vowel turned into "Ç" + one junk character
 * ("TORTOLÇO" = Tortolì, "SENORBÇO" = Senorbì). Matches the normalised names of the province with a vowel in
 * that place; returns a match only when exactly one comune fits. Null when the name has no "Ç".
 */
export function geocodeMojibake(g: Gazetteer, name: string, sigla: string): Match | NoMatch | null {
  if (!name.includes('Ç')) return null;
  const parts = name.split(/Ç./u).map((p) => normalizeComuneName(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`^${parts.join('[aeiou] ?')}$`);
  const hits = [...g.comuneByCode.values()].filter(
    (c) => c.sigla === sigla && c.name.split('/').some((n) => re.test(normalizeComuneName(n))),
  );
  if (hits.length === 1) return { code: hits[0].code, how: `name with repaired mojibake in province ${sigla}` };
  return { code: null, reason: `name "${name}" (${sigla}) has a garbled letter and matches ${hits.length} comuni` };
}

export interface PointedComune {
  code: string;
  lon: number;
  lat: number;
}

/** A comune's boundary for the point-in-polygon test, with its bounding box (a cheap first filter). */
export interface ComuneArea {
  code: string;
  bbox: [number, number, number, number];
  feature: Feature<Polygon | MultiPolygon>;
}

/** The comuni's polygons (a GeoJSON collection whose features carry the ISTAT code in `codeProperty`). */
export function comuneAreas(fc: FeatureCollection, codeProperty = 'code'): ComuneArea[] {
  const out: ComuneArea[] = [];
  for (const f of fc.features) {
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') continue;
    const b = bbox(f);
    out.push({
      code: String(f.properties?.[codeProperty]),
      bbox: [b[0], b[1], b[2], b[3]],
      feature: f as Feature<Polygon | MultiPolygon>,
    });
  }
  return out;
}

/** The comune whose polygon contains the point (the first by code when borders overlap), or null (e.g. at sea). */
export function comuneContaining(areas: readonly ComuneArea[], lon: number, lat: number): string | null {
  let found: string | null = null;
  for (const a of areas) {
    const [x0, y0, x1, y1] = a.bbox;
    if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
    if ((found === null || a.code < found) && booleanPointInPolygon([lon, lat], a.feature)) found = a.code;
  }
  return found;
}

/**
 * A service with exact coordinates and the comune its source names (`city`) → its comune and where to put it.
 * 1. A candidate comune of that name whose inner point is within `maxKm` → that comune; coordinates kept.
 * 2. A single candidate farther away → the source's coordinates contradict its own city (seen in the GISCO file:
 *    addresses geocoded to a homonymous street elsewhere, up to ~950 km off): the city wins, or a comune of the
 *    city's province named in the facility name (the city can be the managing body's seat, e.g. "STABILIMENTO DI
 *    OSIMO", city ANCONA); `relocate` = true: put the service at that comune's point (precision 'comune').
 * When the city matches no name exactly, the longest comune name contained in it is tried (see comuneNamedIn).
 * 3. No usable name → the comune whose polygon contains the point when `areas` are given (Turf's
 *    booleanPointInPolygon), else — or when the point is in none, e.g. on the coast's edge — the comune whose inner
 *    point is nearest (usually, not always, the comune that contains the point).
 */
export function assignByPoint(
  g: Gazetteer,
  points: readonly PointedComune[],
  lon: number,
  lat: number,
  city: string | null,
  facilityName = '',
  maxKm = 25,
  areas?: readonly ComuneArea[],
): Match & { relocate: boolean; note: string | null } {
  const pointOf = (code: string) => points.find((x) => x.code === code);
  let note: string | null = null;
  if (city) {
    let tier = nameCandidates(g, city).find((t) => t.length > 0) ?? [];
    if (!tier.length) {
      // e.g. "SAN MARCELLO PISTOIESE PITEGLIO": the historic "San Marcello Pistoiese" → 047024 San Marcello Piteglio
      const inside = comuneNamedIn(g, city, null);
      if (inside)
        tier = [
          { code: inside.code, how: `name contained in it (${inside.how.replace(' in the facility name', '')})` },
        ];
    }
    const withD = tier
      .map((c) => {
        const p = pointOf(c.code);
        return { ...c, d: p ? haversineKm(lon, lat, p.lon, p.lat) : Infinity };
      })
      .sort((a, b) => a.d - b.d || (a.code < b.code ? -1 : 1));
    if (withD.length && withD[0].d <= maxKm)
      return { code: withD[0].code, how: `city ${withD[0].how}`, relocate: false, note: null };
    if (withD.length === 1) {
      const c = withD[0];
      const sigla = g.comuneByCode.get(c.code)!.sigla;
      const named = facilityName ? comuneNamedIn(g, facilityName, sigla) : null;
      const target = named ?? c;
      return {
        code: target.code,
        how: named ? `relocated: ${named.how}` : `relocated: city ${c.how}`,
        relocate: true,
        note: `coordinates are ${c.d.toFixed(1)} km from the inner point of the source's city "${city}" (${c.code})${named ? `; the facility name names ${named.code}` : ''}: placed at the point of ${target.code}`,
      };
    }
    note = withD.length
      ? `city "${city}" is ambiguous (${withD.map((c) => c.code).join(', ')}) and none is within ${maxKm} km`
      : `city "${city}" not in the code lists`;
  }
  const container = areas ? comuneContaining(areas, lon, lat) : null;
  if (container !== null) return { code: container, how: 'comune polygon containing the point', relocate: false, note };
  let best = -1;
  let bestD = Infinity;
  for (let k = 0; k < points.length; k++) {
    const d = haversineKm(lon, lat, points[k].lon, points[k].lat);
    if (d < bestD || (d === bestD && points[k].code < points[best].code)) {
      bestD = d;
      best = k;
    }
  }
  return { code: points[best].code, how: 'nearest comune point', relocate: false, note };
}
