// Over 300 lines: the scoring of every candidate key column, with the reason for each score.
/**
 * Which column is the territory key, and why. Every column is scored (share of cells that match a
 * level, header words, how the values are written) with the reasons for and against kept, so the
 * preview can show them and offer the others. Two close candidates that disagree: the preview asks.
 */
import { normalizeName } from '../../analytics/text';
import { cellAt, cellsOf } from './columns';
import {
  ANTI_HINT,
  KEY_HINT,
  PROVINCE_HINT,
  WIDTH,
  codeText,
  resolveKey,
  scoreColumn,
  type TerritoryLookup,
} from './keys';
import type { Cell, KeyCandidate, KeyChoice, KeyInfo, KeyReason, MapLevel, RawTable } from './types';

/** header words that name a territory key */
const KEY_WORDS = new Set([
  'codice',
  'cod',
  'istat',
  'procom',
  'pro',
  'com',
  'comune',
  'comuni',
  'municipality',
  'belfiore',
  'catastale',
  'nome',
  'name',
  'denominazione',
  'territorio',
  'territory',
  'code',
  'provincia',
  'province',
  'regione',
  'region',
]);
const STRONG = /(^|[^a-z])(istat|pro_?com(_t)?|belfiore|catastale)([^a-z]|$)/i;
/** header words of counts, amounts, years and row numbers: never a territory */
const COUNT_WORDS = new Set([
  'n',
  'nr',
  'num',
  'numero',
  'operatori',
  'addetti',
  'dipendenti',
  'personale',
  'staff',
  'persone',
  'utenti',
  'iscritti',
  'occupati',
  'totale',
  'tot',
  'count',
  'number',
  'total',
  'posti',
  'capienza',
  'capacity',
  'valore',
  'value',
  'importo',
  'anno',
  'year',
  'progressivo',
  'prog',
  'id',
  'ordine',
  'riga',
  'row',
  'lat',
  'lon',
  'lng',
]);

const words = (h: string): string[] =>
  normalizeName(h)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The first 5,000 non-empty cells as code strings (digits only), in row order; null for other cells. */
function digitsOf(cells: readonly Cell[]): (string | null)[] {
  return cells.filter((c) => !(c === null || (typeof c === 'string' && c.trim() === ''))).map(codeText);
}

/** 1, 2, 3 … n in row order (a progressive number), allowing a few gaps. */
export function isSequence(ds: readonly (string | null)[]): boolean {
  if (ds.length < 5 || ds.some((d) => d === null)) return false;
  const v = ds.map(Number);
  if (v[0] > 1) return false;
  let steps = 0;
  for (let i = 1; i < v.length; i++) if (v[i] - v[i - 1] === 1) steps++;
  return steps >= 0.9 * (v.length - 1);
}

export function rankKeys(
  t: RawTable,
  look: TerritoryLookup,
): { candidates: KeyCandidate[]; cadastralMissing: string | null } {
  const candidates: KeyCandidate[] = [];
  let cadastralMissing: string | null = null;
  t.columns.forEach((name, j) => {
    const cells = cellsOf(t.cols[j], t.rowCount, 5000);
    const s = scoreColumn(cells, look);
    if (!s) return;
    if (s.kind === 'cadastral' && !look.cadastral && (s.cadastralLooking ?? 0) >= 0.5) cadastralMissing = name;
    if (s.rate <= 0) return;
    const h = name.trim();
    const ws = words(h);
    // a header naming a level (codice_regione, cod_prov, comune) decides between levels that match about as well
    if (s.kind === 'istat' && s.rates) {
      const lw: MapLevel | null = ws.some((w) => /^(regione|regioni|region|reg)$/.test(w))
        ? 'region'
        : ws.some((w) => /^(provincia|province|prov)$/.test(w))
          ? 'province'
          : ws.some((w) => /^(comune|comuni|municipality|procom)$/.test(w))
            ? 'comune'
            : null;
      if (lw && lw !== s.level && s.rates[lw] >= 0.8 * s.rate) {
        s.level = lw;
        s.rate = s.rates[lw];
      }
    }
    const pro: KeyReason[] = [{ code: 'matched', share: s.rate }];
    const con: KeyReason[] = [];
    let score = s.rate;
    const keyWord = ws.find((w) => KEY_WORDS.has(w));
    const countWord = ws.find((w) => COUNT_WORDS.has(w));
    if (PROVINCE_HINT.test(h)) {
      score += 0.1;
      pro.push({ code: 'header', word: h });
    } else if (KEY_HINT.test(h) || STRONG.test(h)) {
      score += 0.5;
      pro.push({ code: 'header', word: STRONG.exec(h)?.[2] ?? h });
    } else if (ANTI_HINT.test(h)) {
      score -= 0.6;
      con.push({ code: 'anti_header', word: h });
    } else if (countWord && !keyWord) {
      score -= 0.6;
      con.push({ code: 'counts', word: countWord });
    } else if (keyWord) {
      score += 0.3;
      pro.push({ code: 'header', word: keyWord });
    }
    // codes at comune level are more specific than a column of small integers that happen to be region codes
    score += s.level === 'comune' ? 0.05 : s.level === 'province' ? 0.02 : 0;
    if (s.kind === 'istat') {
      // codes tell homonyms apart: a little ahead of a name column that names the same places
      score += 0.1;
      const ds = digitsOf(cells);
      const w = WIDTH[s.level];
      const full = ds.filter((d) => d !== null && d.length === w).length;
      if (full >= 0.8 * ds.length) {
        score += 0.1;
        pro.push({ code: 'width', width: w });
      }
      if (isSequence(ds)) {
        score -= 0.6;
        con.push({ code: 'sequence' });
      }
      if (s.level !== 'comune' && full < 0.5 * ds.length) {
        const max = Math.max(...ds.map((d) => Number(d ?? 0)));
        if (max <= 120) {
          score -= 0.4;
          con.push({ code: 'small_integers', max });
        } else {
          score -= 0.1;
          con.push({ code: 'short_codes', width: w });
        }
      }
    } else if (s.kind === 'name' && s.ambiguous) score -= 0.2 * s.ambiguous;
    candidates.push({
      column: name,
      kind: s.kind,
      level: s.level,
      rate: s.rate,
      score: Math.round(score * 1000) / 1000,
      for: pro,
      against: con,
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  return { candidates, cadastralMissing };
}

/** Share of the first rows where two candidate keys give the same territory (or the same parent). */
function agreement(t: RawTable, a: KeyCandidate, b: KeyCandidate, look: TerritoryLookup): number {
  const ja = t.columns.indexOf(a.column);
  const jb = t.columns.indexOf(b.column);
  let both = 0;
  let same = 0;
  for (let i = 0; i < Math.min(t.rowCount, 500); i++) {
    const ra = resolveKey(cellAt(t.cols[ja], i), a.kind, a.level, look);
    const rb = resolveKey(cellAt(t.cols[jb], i), b.kind, b.level, look);
    if (ra.status !== 'ok' || rb.status !== 'ok') continue;
    both++;
    // the same territory, or (at different levels) one inside the other
    if (a.level === b.level) {
      if (ra.code === rb.code) same++;
      continue;
    }
    const [fine, coarse, cl] =
      WIDTH[a.level] > WIDTH[b.level] ? [ra.code, rb.code, b.level] : [rb.code, ra.code, a.level];
    const tf = look.byCode[WIDTH[a.level] > WIDTH[b.level] ? a.level : b.level].get(fine as string);
    if (tf && (cl === 'region' ? tf.region_code : tf.province_code) === coarse) same++;
  }
  return both ? same / both : 1;
}

/** Closer than this (in score) and disagreeing: the preview asks. */
export const CLOSE = 0.15;

export function pickKey(
  t: RawTable,
  look: TerritoryLookup,
  candidates: KeyCandidate[],
): { key: KeyInfo | null; ask: boolean } {
  const [b, c] = candidates;
  if (!b || b.score < 0.3) return { key: null, ask: false };
  // a province column beside a comune-name key is its qualifier, not a rival
  const qualifier = (x: KeyCandidate) => PROVINCE_HINT.test(x.column.trim());
  if (
    c &&
    c.score >= 0.3 &&
    b.score - c.score < CLOSE &&
    !qualifier(c) &&
    !qualifier(b) &&
    agreement(t, b, c, look) < 0.9
  )
    return { key: null, ask: true };
  return { key: keyOf(t, b.column, b.kind, b.level, null), ask: false };
}

function keyOf(
  t: RawTable,
  column: string,
  kind: KeyInfo['kind'],
  level: MapLevel,
  provinceColumn: string | null | undefined,
  chosen = false,
): KeyInfo {
  const prov =
    provinceColumn !== undefined && provinceColumn !== null
      ? provinceColumn
      : provinceColumn === null && chosen
        ? null
        : kind === 'name' && level === 'comune'
          ? (t.columns.find((c) => c !== column && PROVINCE_HINT.test(c.trim())) ?? null)
          : null;
  return chosen
    ? { column, kind, level, provinceColumn: prov, chosen: true }
    : { column, kind, level, provinceColumn: prov };
}

/** The user's pick in the preview → the key (kind and level from the column's own score unless given). */
export function keyFromChoice(
  t: RawTable,
  look: TerritoryLookup,
  choice: KeyChoice,
  candidates: KeyCandidate[],
): KeyInfo | null {
  if (choice.column === null || !t.columns.includes(choice.column)) return null;
  const cand = candidates.find((x) => x.column === choice.column);
  const s = cand ?? scoreColumn(cellsOf(t.cols[t.columns.indexOf(choice.column)], t.rowCount, 5000), look);
  const kind = choice.kind ?? s?.kind ?? 'istat';
  const level = choice.level ?? s?.level ?? 'comune';
  return keyOf(
    t,
    choice.column,
    kind,
    level,
    choice.provinceColumn === undefined ? undefined : choice.provinceColumn,
    true,
  );
}

const CODE_WORDS = new Set([
  'cod',
  'codice',
  'code',
  'codes',
  'istat',
  'procom',
  'id',
  'cap',
  'sigla',
  'progressivo',
  'prog',
  'matricola',
  'iva',
  'piva',
  'cf',
  'belfiore',
  'catastale',
  'ateco',
  'nuts',
  'cup',
  'cig',
]);

/**
 * A numeric-looking column that is a code, never a quantity: a code header word, integers written with
 * leading zeros, a progressive number 1..n, or territory codes written at their level's full width.
 */
export function codeLike(name: string, cells: readonly Cell[], cand: KeyCandidate | undefined): boolean {
  const h = name.trim();
  if (
    words(h).some((w) => CODE_WORDS.has(w)) ||
    STRONG.test(h) ||
    PROVINCE_HINT.test(h) ||
    /^(cod|codice|code)/i.test(h)
  )
    return true;
  const ds = digitsOf(cells);
  if (!ds.length) return false;
  if (ds.every((d) => d !== null) && ds.some((d) => (d as string).length > 1 && (d as string)[0] === '0')) return true;
  // a progressive number: only under a row-number header (a column of values 1..n may be values)
  if ((h === '' || /^(column_\d+|n|n\.|nr|nr\.|num|#|progressivo|prog|riga|row|ordine)$/i.test(h)) && isSequence(ds))
    return true;
  return !!cand && cand.rate >= 0.8 && cand.for.some((r) => r.code === 'width');
}
