// Over 300 lines: the one pass over an imported table that types its columns and matches its keys, step by step.
/**
 * A RawTable → the imported form and its report: key column and level, each row's territory, year,
 * numeric columns (decimal comma or point), coordinates; problems with row numbers and values.
 */
import { MAX_LISTED, MAX_SUGGESTED } from './limits';
import { detectDecimal, outOfRange } from './numbers';
import { resolveKey, type RowKey, type TerritoryLookup } from './keys';
import { codeLike, keyFromChoice, pickKey, rankKeys } from './keyGuess';
import { cellAt, cellsOf, digitKey, parseColumn, type Column, type ParsedColumn } from './columns';
import { nearest } from './editDistance';
import { guessAggregation } from './aggregation';
import { contactFieldOf, overLong } from './contacts';
import { normalizeName } from '../../analytics/text';
import type {
  Cell,
  ColumnInfo,
  ImportedRow,
  KeyCandidate,
  KeyChoice,
  KeyInfo,
  Problem,
  RawTable,
  RowAccount,
  TerritoryRef,
} from './types';

const YEAR_HINT = /^(anno|year|anno[ _]di[ _]riferimento|reference[ _]year)$/i;
const LAT_HINT = /^(lat|latitude|latitudine|y)$/i;
const LON_HINT = /^(lon|lng|long|longitude|longitudine|x)$/i;
/** Italy with a margin (Lampedusa to the Alps, Sardinia to Otranto) */
const BBOX = { lon: [6, 19], lat: [35, 48] };

class Collector {
  count = 0;
  rows: number[] = [];
  values: string[] = [];
  add(row: number, value?: Cell) {
    this.count++;
    if (this.rows.length < MAX_LISTED) {
      this.rows.push(row);
      if (value !== undefined) this.values.push(value === null ? '' : String(value).slice(0, 60));
    }
  }
}

/**
 * The imported form, column by column (no object per row): spreadsheet row i is `rowBase + i`; NaN in a
 * Float64Array is missing. Rows are made from it only where needed (rowsOf).
 */
export interface ImportedData {
  rowCount: number;
  rowBase: number;
  codes: (string | null)[];
  years: Float64Array | null;
  lon: Float64Array | null;
  lat: Float64Array | null;
  values: ({ name: string; kind: 'number'; values: Float64Array } | { name: string; kind: 'text'; col: Column })[];
  /** rows left out (invalid GeoJSON geometry): 1 */
  excluded: Uint8Array | null;
}

export interface Analysis {
  columns: ColumnInfo[];
  key: KeyInfo | null;
  keyCandidates: KeyCandidate[];
  keyAsk: boolean;
  account: RowAccount | null;
  yearColumn: string | null;
  data: ImportedData;
  matched: number;
  points: { exact: number; comune: number; none: number };
  problems: Problem[];
}

const num = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Rows [from, to) of the imported form as records. */
export function rowsOf(d: ImportedData, from = 0, to = d.rowCount): ImportedRow[] {
  const out: ImportedRow[] = [];
  const end = Math.min(to, d.rowCount);
  for (let i = from; i < end; i++) {
    // no prototype: a column named __proto__, constructor, toString… is a plain key like any other
    const values: Record<string, Cell> = Object.create(null);
    for (const c of d.values) values[c.name] = c.kind === 'number' ? num(c.values[i]) : cellAt(c.col, i);
    const r: ImportedRow = {
      row: i + d.rowBase,
      code: d.codes[i],
      values,
      lon: d.lon ? num(d.lon[i]) : null,
      lat: d.lat ? num(d.lat[i]) : null,
      year: d.years ? num(d.years[i]) : null,
    };
    if (d.excluded && d.excluded[i]) r.excluded = true;
    out.push(r);
  }
  return out;
}

/** The guessed key (kept for callers of the old name). */
export function chooseKey(
  t: RawTable,
  look: TerritoryLookup,
): { key: KeyInfo | null; cadastralMissing: string | null } {
  const { candidates, cadastralMissing } = rankKeys(t, look);
  return { key: pickKey(t, look, candidates).key, cadastralMissing };
}

export interface AnalyseOptions {
  /** the user's pick in the preview (replaces the guess) */
  key?: KeyChoice;
}

export function analyse(t: RawTable, look: TerritoryLookup, opts: AnalyseOptions = {}): Analysis {
  const problems: Problem[] = [];
  const n = t.rowCount;
  const { candidates, cadastralMissing } = rankKeys(t, look);
  const picked = opts.key
    ? { key: keyFromChoice(t, look, opts.key, candidates), ask: false }
    : pickKey(t, look, candidates);
  const key = picked.key;
  if (picked.ask) {
    const [a, b] = candidates;
    problems.push({ code: 'key_ask', severity: 'warning', count: 0, rows: [], values: [a.column, b.column] });
  }
  if (cadastralMissing && (!key || key.kind !== 'cadastral'))
    problems.push({
      code: 'no_cadastral_lookup',
      severity: 'warning',
      count: 0,
      rows: [],
      values: [],
      column: cadastralMissing,
    });
  const colIndex = new Map(t.columns.map((c, j) => [c, j]));
  const colOf = (name: string) => t.cols[colIndex.get(name) as number];
  const used = new Set<string>();
  if (key) used.add(key.column);
  if (key?.provinceColumn) used.add(key.provinceColumn);
  const yearColumn = t.columns.find((c) => !used.has(c) && YEAR_HINT.test(c.trim())) ?? null;
  if (yearColumn) used.add(yearColumn);
  const latColumn = t.points ? null : (t.columns.find((c) => !used.has(c) && LAT_HINT.test(c.trim())) ?? null);
  const lonColumn = t.points ? null : (t.columns.find((c) => !used.has(c) && LON_HINT.test(c.trim())) ?? null);
  const hasCoords = latColumn !== null && lonColumn !== null;
  if (hasCoords) {
    used.add(latColumn);
    used.add(lonColumn);
  }
  const hint: ',' | '.' = t.delimiter === ';' ? ',' : '.';
  const excluded = t.excluded ?? null;

  // each other column parsed once with the decimal separator that fits its first 5,000 text cells
  const parsed = new Map<string, ParsedColumn>();
  const columns: ColumnInfo[] = t.columns.map((name, j) => {
    if (key && name === key.column) return { name, kind: 'key' };
    if (key && name === key.provinceColumn) return { name, kind: 'province' };
    if (name === yearColumn) return { name, kind: 'year' };
    // a contact (phone, e-mail, web, hours, notes) is text as written: +39 0962…, never a number
    if (contactFieldOf(name)) return { name, kind: 'text' };
    const isLat = hasCoords && name === latColumn;
    const isLon = hasCoords && name === lonColumn;
    const strs: string[] = [];
    for (let i = 0; i < n && strs.length < 5000; i++) {
      const c = cellAt(t.cols[j], i);
      if (typeof c === 'string') strs.push(c);
    }
    const decimal = detectDecimal(strs, hint);
    const p = parseColumn(t.cols[j], n, decimal);
    parsed.set(name, p);
    // numbers beyond range (1e400) are written as numbers: they count as numeric cells, reported apart
    const huge =
      p.numeric > 0 && p.text.length ? p.text.filter((i) => outOfRange(cellAt(t.cols[j], i), decimal)).length : 0;
    const numeric = p.numeric + huge;
    const text = p.text.length - huge;
    let kind: ColumnInfo['kind'] = isLat ? 'lat' : isLon ? 'lon' : numeric > 0 && numeric >= text ? 'number' : 'text';
    // a code (a second key, an office code, a progressive number) is never offered as an indicator
    if (
      kind === 'number' &&
      codeLike(
        name,
        cellsOf(t.cols[j], n, 5000),
        candidates.find((x) => x.column === name),
      )
    )
      kind = 'code';
    return kind === 'number'
      ? { name, kind, decimal, numeric, text, aggregation: guessAggregation(name, p.values) }
      : { name, kind, decimal, numeric, text };
  });

  // numbers: text in a numeric column is reported and becomes missing
  for (const c of columns) {
    if (c.kind !== 'number' && c.kind !== 'lat' && c.kind !== 'lon') continue;
    const p = parsed.get(c.name) as ParsedColumn;
    if (!p.text.length) continue;
    const bad = new Collector();
    const huge = new Collector();
    const col = colOf(c.name);
    for (const i of p.text) {
      const v = cellAt(col, i);
      // 1e400: written as a number, but beyond what can be represented: its own words, not "text"
      if (outOfRange(v, c.decimal ?? '.')) huge.add(i + t.firstRow, v);
      else bad.add(i + t.firstRow, v);
    }
    if (bad.count)
      problems.push({
        code: 'text_in_numeric',
        severity: 'warning',
        count: bad.count,
        rows: bad.rows,
        values: bad.values,
        column: c.name,
      });
    if (huge.count)
      problems.push({
        code: 'out_of_range',
        severity: 'warning',
        count: huge.count,
        rows: huge.rows,
        values: huge.values,
        column: c.name,
      });
  }

  // contacts: an over-long cell is reported here and cut in a service layer (core/contacts.ts)
  for (const c of columns) {
    if (c.kind !== 'text' || !contactFieldOf(c.name)) continue;
    const long = new Collector();
    const col = colOf(c.name);
    for (let i = 0; i < n; i++) if (overLong(cellAt(col, i))) long.add(i + t.firstRow);
    if (long.count)
      problems.push({
        code: 'long_text',
        severity: 'warning',
        count: long.count,
        rows: long.rows,
        values: [],
        column: c.name,
      });
  }

  // year
  let years: Float64Array | null = null;
  if (yearColumn) {
    const col = colOf(yearColumn);
    const p = parseColumn(col, n, '.');
    years = p.values;
    const bad = new Collector();
    let next = 0;
    for (let i = 0; i < n; i++) {
      const v = years[i];
      const isText = next < p.text.length && p.text[next] === i;
      if (isText) next++;
      if (isText || (!Number.isNaN(v) && (!Number.isInteger(v) || v < 1900 || v > 2100))) {
        bad.add(i + t.firstRow, cellAt(col, i));
        years[i] = NaN;
      }
    }
    if (bad.count)
      problems.push({
        code: 'bad_year',
        severity: 'warning',
        count: bad.count,
        rows: bad.rows,
        values: bad.values,
        column: yearColumn,
      });
  }

  // coordinates
  const badCoord = new Collector();
  let metres = 0;
  let lonArr: Float64Array | null = null;
  let latArr: Float64Array | null = null;
  if (t.points || hasCoords) {
    lonArr = new Float64Array(n);
    latArr = new Float64Array(n);
    const lonP = hasCoords ? (parsed.get(lonColumn) as ParsedColumn).values : null;
    const latP = hasCoords ? (parsed.get(latColumn) as ParsedColumn).values : null;
    for (let i = 0; i < n; i++) {
      let lon = NaN;
      let lat = NaN;
      if (excluded && excluded[i]) {
        lonArr[i] = latArr[i] = NaN;
        continue;
      }
      if (t.points) {
        const p = t.points[i];
        if (p) [lon, lat] = p;
      } else {
        lon = (lonP as Float64Array)[i];
        lat = (latP as Float64Array)[i];
      }
      if (Number.isNaN(lon) || Number.isNaN(lat) || lon === null || lat === null) {
        lonArr[i] = latArr[i] = NaN;
        continue;
      }
      if (lon < BBOX.lon[0] || lon > BBOX.lon[1] || lat < BBOX.lat[0] || lat > BBOX.lat[1]) {
        badCoord.add(i + t.firstRow + (t.points ? 1 : 0), `${lat}, ${lon}`);
        if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) metres++;
        lonArr[i] = latArr[i] = NaN;
        continue;
      }
      lonArr[i] = lon;
      latArr[i] = lat;
    }
  }

  // keys: each distinct cell resolved once
  const unknown = new Collector();
  const emptyKey = new Collector();
  const ambiguous = new Collector();
  const other = new Collector();
  const otherLevels = new Map<string, number>();
  const unknownValues = new Set<string>();
  // first row of each (code, year): one Int32Array per distinct year, indexed by the code's number
  const seenByYear = new Map<number, Int32Array>();
  let lastYear = NaN;
  let lastFirsts: Int32Array | undefined;
  let nCodes = 0;
  const dups = new Collector();
  const kcol = key ? colOf(key.column) : null;
  const pcol = key?.provinceColumn ? colOf(key.provinceColumn) : null;
  const cache = new Map<Cell, { rk: RowKey; id: number }>();
  const byDigits = new Map<number, { rk: RowKey; id: number }>();
  const idOf = new Map<string, number>();
  const codes: (string | null)[] = new Array(n);
  const rowBase = t.firstRow + (t.points ? 1 : 0);
  let matched = 0;
  let exact = 0;
  let atComune = 0;
  for (let i = 0; i < n; i++) {
    const rowNo = i + rowBase;
    let code: string | null = null;
    // a left-out row (invalid geometry) gets no territory: it is in no use, as the preview says
    if (key && kcol && !(excluded && excluded[i])) {
      // digit-only cells (codes) are looked up by number: no string per row
      const dk = pcol ? -1 : digitKey(kcol, i);
      let hit = dk >= 0 ? byDigits.get(dk) : undefined;
      let v: Cell = null;
      if (!hit) {
        v = cellAt(kcol, i);
        const prov = pcol ? cellAt(pcol, i) : null;
        const ck: Cell = pcol ? `${typeof v}:${String(v)}\u0001${typeof prov}:${String(prov)}` : v;
        hit = cache.get(ck);
        if (!hit) {
          const rk = resolveKey(v, key.kind, key.level, look, prov);
          let id = -1;
          if (rk.status === 'ok') {
            id = idOf.get(rk.code as string) ?? -1;
            if (id < 0) idOf.set(rk.code as string, (id = nCodes++));
          }
          cache.set(ck, (hit = { rk, id }));
        }
        if (dk >= 0) byDigits.set(dk, hit);
      } else if (hit.rk.status !== 'ok') v = cellAt(kcol, i);
      const rk = hit.rk;
      if (rk.status === 'ok') {
        code = rk.code;
        matched++;
      } else if (rk.status === 'unknown') {
        unknown.add(rowNo, v);
        if (unknownValues.size < MAX_SUGGESTED) unknownValues.add(String(v).trim());
      } else if (rk.status === 'empty') emptyKey.add(rowNo);
      else if (rk.status === 'ambiguous')
        ambiguous.add(rowNo, `${String(v)} (${rk.candidates!.map((c) => c.code).join(', ')})`);
      else if (rk.status === 'other_level') {
        other.add(rowNo, v);
        otherLevels.set(rk.level as string, (otherLevels.get(rk.level as string) ?? 0) + 1);
      }
      if (code !== null) {
        // years are integers in [1900, 2100] or missing (−1)
        const y = years ? years[i] : NaN;
        const yk = Number.isNaN(y) ? -1 : y;
        // rows of one year usually follow each other: keep the last year's array at hand
        let firsts = yk === lastYear ? lastFirsts : seenByYear.get(yk);
        if (!firsts) seenByYear.set(yk, (firsts = new Int32Array(Math.max(64, nCodes * 2))));
        else if (hit.id >= firsts.length) {
          const grown = new Int32Array(Math.max(hit.id + 1, firsts.length * 2));
          grown.set(firsts);
          seenByYear.set(yk, (firsts = grown));
        }
        lastYear = yk;
        lastFirsts = firsts;
        const first = firsts[hit.id];
        if (first !== 0) dups.add(rowNo, `${v ?? cellAt(kcol, i)}${yk >= 0 ? ` (${y})` : ''} = riga/row ${first}`);
        else firsts[hit.id] = rowNo;
      }
    }
    codes[i] = code;
    if (lonArr && !Number.isNaN(lonArr[i])) exact++;
    else if (code !== null && key?.level === 'comune') atComune++;
  }
  if (!key && !t.points && !hasCoords && !picked.ask)
    problems.push({ code: 'no_key', severity: 'error', count: n, rows: [], values: t.columns.slice(0, 10) });
  else if (!key && !picked.ask)
    problems.push({ code: 'no_key', severity: 'info', count: n, rows: [], values: t.columns.slice(0, 10) });
  if (unknown.count) {
    const pool = key ? look.list[key.level] : [];
    const suggestions =
      key?.kind === 'name'
        ? [...unknownValues].map((v) => ({
            value: v,
            candidates: nearest(normalizeName(v), pool, (x) => look.norm.get(x) ?? '', 3).map((x) => label(x, look)),
          }))
        : undefined;
    problems.push({
      code: key?.kind === 'name' ? 'unknown_names' : 'unknown_codes',
      severity: 'warning',
      count: unknown.count,
      rows: unknown.rows,
      values: unknown.values,
      column: key?.column,
      suggestions,
      detail: key?.level,
    });
  }
  if (emptyKey.count)
    problems.push({
      code: 'empty_key',
      severity: 'warning',
      count: emptyKey.count,
      rows: emptyKey.rows,
      values: [],
      column: key?.column,
    });
  if (ambiguous.count)
    problems.push({
      code: 'ambiguous_names',
      severity: 'warning',
      count: ambiguous.count,
      rows: ambiguous.rows,
      values: ambiguous.values,
      column: key?.column,
    });
  if (other.count)
    problems.push({
      code: 'mixed_levels',
      severity: 'warning',
      count: other.count,
      rows: other.rows,
      values: other.values,
      column: key?.column,
      detail: `${key?.level}:${matched};` + [...otherLevels].map(([l, n]) => `${l}:${n}`).join(';'),
    });
  if (dups.count)
    problems.push({
      code: 'duplicates',
      severity: 'warning',
      count: dups.count,
      rows: dups.rows,
      values: dups.values,
      column: key?.column,
    });
  if (badCoord.count)
    problems.push({
      code: 'bad_coordinates',
      severity: 'warning',
      count: badCoord.count,
      rows: badCoord.rows,
      values: badCoord.values,
      detail: metres ? `metres:${metres}` : undefined,
    });
  const values: ImportedData['values'] = [];
  for (const c of columns) {
    if (c.kind === 'number')
      values.push({ name: c.name, kind: 'number', values: (parsed.get(c.name) as ParsedColumn).values });
    else if (c.kind === 'text' || c.kind === 'code') values.push({ name: c.name, kind: 'text', col: colOf(c.name) });
  }
  const data: ImportedData = { rowCount: n, rowBase, codes, years, lon: lonArr, lat: latArr, values, excluded };
  // every row accounted for: those not imported are each in exactly one problem's count
  let account: RowAccount | null = null;
  if (key) {
    const left = t.excluded ? t.excluded.reduce((a, x) => a + x, 0) : 0;
    const listed =
      unknown.count + emptyKey.count + ambiguous.count + other.count + dups.count + left + (t.swallowed ?? 0);
    account = { read: n + (t.swallowed ?? 0), imported: matched - dups.count, listed };
  }
  return {
    columns,
    key,
    keyCandidates: candidates,
    keyAsk: picked.ask,
    account,
    yearColumn,
    data,
    matched,
    points: { exact, comune: atComune, none: n - exact - atComune },
    problems,
  };
}

function label(t: TerritoryRef, look: TerritoryLookup): string {
  if (t.level !== 'comune' || !t.province_code) return `${t.name} (${t.code})`;
  const p = look.byCode.province.get(t.province_code);
  return `${t.name}${p ? `, ${p.name}` : ''} (${t.code})`;
}
