/**
 * Key recognition: which column names the territory (ISTAT code at any level, with the leading zeros
 * restored; cadastral code when a lookup is available; or a name, with a province column for homonyms),
 * and the territory code of each row.
 */
import { normalizeName } from '../../analytics/text';
import type { KeyKind, MapLevel, TerritoryRef, Cell } from './types';

export const WIDTH: Record<MapLevel, number> = { region: 2, province: 3, comune: 6 };
const LEVELS: MapLevel[] = ['comune', 'province', 'region'];

export interface TerritoryLookup {
  byCode: Record<MapLevel, Map<string, TerritoryRef>>;
  byName: Record<MapLevel, Map<string, TerritoryRef[]>>;
  /** cadastral (Belfiore) code → comune code, when public/data/cadastral.json exists */
  cadastral: Map<string, string> | null;
  list: Record<MapLevel, TerritoryRef[]>;
  norm: Map<TerritoryRef, string>;
  /** some territory's name has no ASCII letter (then every cell must be tried as a name) */
  oddNames?: boolean;
}

/** ASCII without letters: its normalized form has no letter, so it names no territory unless oddNames. */
// eslint-disable-next-line no-control-regex -- the control characters are the point: ASCII without letters
const NO_LETTER = /^[\x00-\x40\x5b-\x60\x7b-\x7f]*$/;

export function buildLookup(
  territories: readonly TerritoryRef[],
  cadastral: Map<string, string> | null = null,
): TerritoryLookup {
  const byCode = { region: new Map(), province: new Map(), comune: new Map() } as TerritoryLookup['byCode'];
  const byName = { region: new Map(), province: new Map(), comune: new Map() } as TerritoryLookup['byName'];
  const list = { region: [], province: [], comune: [] } as TerritoryLookup['list'];
  const norm = new Map<TerritoryRef, string>();
  for (const t of territories) {
    if (t.level !== 'region' && t.level !== 'province' && t.level !== 'comune') continue;
    const l = t.level;
    byCode[l].set(t.code, t);
    const n = normalizeName(t.name);
    norm.set(t, n);
    const arr = byName[l].get(n);
    if (arr) arr.push(t);
    else byName[l].set(n, [t]);
    list[l].push(t);
  }
  const oddNames = [...norm.values()].some((n) => NO_LETTER.test(n));
  return { byCode, byName, cadastral, list, norm, oddNames };
}

/** A cell as a code string: digits only (spaces removed), integers from spreadsheets without ".0". */
export function codeText(v: Cell): string | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v) : null;
  const s = v.trim().replace(/\s/g, '');
  if (/^\d+$/.test(s)) return s;
  if (/^\d+\.0+$/.test(s)) return s.replace(/\.0+$/, '');
  return null;
}

/** Restore the leading zeros for `level` (1272 → 001272 for comuni); null when too long. */
export function padCode(s: string, level: MapLevel): string | null {
  const w = WIDTH[level];
  return s.length <= w ? s.padStart(w, '0') : null;
}

const CADASTRAL = /^[A-Z]\d{3}$/;

export interface ColumnScore {
  kind: KeyKind;
  rate: number;
  level: MapLevel;
  /** cadastral-looking values when no lookup is available */
  cadastralLooking?: number;
  /** names: share of cells naming several homonymous territories at `level` */
  ambiguous?: number;
  /** ISTAT codes: share of cells matching at each level */
  rates?: Record<MapLevel, number>;
}

/** How well a column works as a key of each kind (share of non-empty cells that match). */
export function scoreColumn(cells: readonly Cell[], look: TerritoryLookup): ColumnScore | null {
  let n = 0;
  const codeHits: Record<MapLevel, number> = { comune: 0, province: 0, region: 0 };
  const nameHits: Record<MapLevel, number> = { comune: 0, province: 0, region: 0 };
  const nameAmb: Record<MapLevel, number> = { comune: 0, province: 0, region: 0 };
  let cad = 0;
  let cadLooking = 0;
  for (const v of cells) {
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    n++;
    const c = codeText(v);
    if (c !== null) {
      for (const l of LEVELS) {
        const p = padCode(c, l);
        if (p && look.byCode[l].has(p)) codeHits[l]++;
      }
      continue;
    }
    const s = String(v).trim().toUpperCase();
    if (CADASTRAL.test(s)) {
      cadLooking++;
      if (look.cadastral?.has(s)) cad++;
      continue;
    }
    // numbers and other letterless ASCII cells skip the (costly) name normalization
    if (look.oddNames === false && NO_LETTER.test(s)) continue;
    const nn = normalizeName(String(v));
    for (const l of LEVELS) {
      const hit = look.byName[l].get(nn);
      if (hit) {
        nameHits[l]++;
        if (hit.length > 1) nameAmb[l]++;
      }
    }
  }
  if (n === 0) return null;
  const best = (h: Record<MapLevel, number>): [MapLevel, number] => {
    let bl: MapLevel = 'comune';
    let bv = -1;
    for (const l of LEVELS)
      if (h[l] > bv) {
        bv = h[l];
        bl = l;
      }
    return [bl, bv / n];
  };
  const [cl, cr] = best(codeHits);
  const [nl, nr] = best(nameHits);
  const options: ColumnScore[] = [
    {
      kind: 'istat',
      rate: cr,
      level: cl,
      rates: { comune: codeHits.comune / n, province: codeHits.province / n, region: codeHits.region / n },
    },
    { kind: 'cadastral', rate: cad / n, level: 'comune', cadastralLooking: cadLooking / n },
    { kind: 'name', rate: nr, level: nl, ambiguous: nameAmb[nl] / n },
  ];
  options.sort((a, b) => b.rate - a.rate);
  const top = options[0];
  if (top.rate === 0 && cadLooking / n >= 0.5)
    return { kind: 'cadastral', rate: 0, level: 'comune', cadastralLooking: cadLooking / n };
  return top;
}

export const KEY_HINT =
  /^(cod(ice)?[ _.-]?(istat|comune|com|provincia|prov|regione|reg|catastale|belfiore)?|istat|pro[ _]?com([ _]t)?|comune[ _]code|code|territor(y|io)[ _]?code|comune|municipality|nome[ _]?comune|denominazione|nome|name|territorio|territory|provincia|province|regione|region)$/i;
export const ANTI_HINT =
  /^(id|n|nr|num|numero|capacity|capienza|posti|lat|lon|lng|latitude|longitude|anno|year|value|valore|group|gruppo|ats|ambito|cap)$/i;
export const PROVINCE_HINT =
  /^(provincia|province|prov|sigla[ _]?prov(incia)?|province[ _]code|cod(ice)?[ _]?prov(incia)?)$/i;

export interface RowKey {
  code: string | null;
  level: MapLevel | null;
  status: 'ok' | 'empty' | 'unknown' | 'ambiguous' | 'other_level';
  /** for ambiguous names: the candidates */
  candidates?: TerritoryRef[];
}

/** Resolve one cell as a key of `kind` at the dominant `level`. */
export function resolveKey(
  v: Cell,
  kind: KeyKind,
  level: MapLevel,
  look: TerritoryLookup,
  province: Cell = null,
): RowKey {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { code: null, level: null, status: 'empty' };
  if (kind === 'istat') {
    const c = codeText(v);
    if (c === null) return { code: null, level: null, status: 'unknown' };
    const p = padCode(c, level);
    const here = p !== null && look.byCode[level].has(p);
    // written at the full width of another level (e.g. "001" beside comune codes): that level
    if (c.length !== WIDTH[level])
      for (const l of LEVELS)
        if (l !== level && c.length === WIDTH[l] && look.byCode[l].has(c) && (c[0] === '0' || !here))
          return { code: c, level: l, status: 'other_level' };
    if (here) return { code: p as string, level, status: 'ok' };
    return { code: null, level: null, status: 'unknown' };
  }
  if (kind === 'cadastral') {
    const s = String(v).trim().toUpperCase();
    const code = look.cadastral?.get(s);
    return code && look.byCode.comune.has(code)
      ? { code, level: 'comune', status: 'ok' }
      : { code: null, level: null, status: 'unknown' };
  }
  const n = normalizeName(String(v));
  let cands = look.byName[level].get(n);
  if (!cands) {
    for (const l of LEVELS)
      if (l !== level && look.byName[l].has(n))
        return { code: look.byName[l].get(n)![0].code, level: l, status: 'other_level' };
    return { code: null, level: null, status: 'unknown' };
  }
  if (cands.length > 1 && province !== null && String(province).trim() !== '' && level === 'comune') {
    const pc = codeText(province);
    const pn = normalizeName(String(province));
    const provCode = pc ? padCode(pc, 'province') : ([...(look.byName.province.get(pn) ?? [])][0]?.code ?? null);
    cands = cands.filter((t) => t.province_code === provCode);
  }
  if (cands.length === 1) return { code: cands[0].code, level, status: 'ok' };
  if (cands.length === 0) return { code: null, level: null, status: 'unknown' };
  return { code: null, level: null, status: 'ambiguous', candidates: cands };
}
