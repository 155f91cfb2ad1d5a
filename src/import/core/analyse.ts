/**
 * A RawTable → the imported form and its report: key column and level, each row's territory, year,
 * numeric columns (decimal comma or point), coordinates; problems with row numbers and values.
 */
import { MAX_LISTED, MAX_SUGGESTED } from './limits';
import { detectDecimal, parseNumber } from './numbers';
import { ANTI_HINT, KEY_HINT, PROVINCE_HINT, resolveKey, scoreColumn, type TerritoryLookup } from './keys';
import { nearest } from './editDistance';
import { normalizeName } from '../../analytics/text';
import type { Cell, ColumnInfo, ImportedRow, KeyInfo, MapLevel, Problem, RawTable, TerritoryRef } from './types';

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

export interface Analysis {
  columns: ColumnInfo[];
  key: KeyInfo | null;
  yearColumn: string | null;
  rows: ImportedRow[];
  matched: number;
  problems: Problem[];
}

const cellsOf = (t: RawTable, j: number, limit = Infinity): Cell[] => {
  const out: Cell[] = [];
  for (let i = 0; i < t.rows.length && i < limit; i++) out.push(t.rows[i][j] ?? null);
  return out;
};

export function chooseKey(t: RawTable, look: TerritoryLookup): { key: KeyInfo | null; cadastralMissing: string | null } {
  let best: { j: number; score: number; kind: KeyInfo['kind']; level: MapLevel } | null = null;
  let cadastralMissing: string | null = null;
  t.columns.forEach((name, j) => {
    const s = scoreColumn(cellsOf(t, j, 5000), look);
    if (!s) return;
    if (s.kind === 'cadastral' && !look.cadastral && (s.cadastralLooking ?? 0) >= 0.5) cadastralMissing = name;
    // a province column beside a comune column is a qualifier, not the key
    const bonus = PROVINCE_HINT.test(name.trim()) ? 0.1 : KEY_HINT.test(name.trim()) ? 0.5 : ANTI_HINT.test(name.trim()) ? -0.6 : 0;
    // codes at comune level are more specific than a column of small integers that happen to be region codes
    const levelBonus = s.level === 'comune' ? 0.05 : s.level === 'province' ? 0.02 : 0;
    const score = s.rate + (s.rate > 0 ? bonus + levelBonus : 0);
    if (s.rate > 0 && (!best || score > best.score)) best = { j, score, kind: s.kind, level: s.level };
  });
  const b = best as { j: number; score: number; kind: KeyInfo['kind']; level: MapLevel } | null;
  if (!b || b.score < 0.3) return { key: null, cadastralMissing };
  const keyName = t.columns[b.j];
  const provinceColumn =
    b.kind === 'name' && b.level === 'comune' ? (t.columns.find((c, j) => j !== b.j && PROVINCE_HINT.test(c.trim())) ?? null) : null;
  return { key: { column: keyName, kind: b.kind, level: b.level, provinceColumn }, cadastralMissing };
}

export function analyse(t: RawTable, look: TerritoryLookup): Analysis {
  const problems: Problem[] = [];
  const { key, cadastralMissing } = chooseKey(t, look);
  if (cadastralMissing && (!key || key.kind !== 'cadastral'))
    problems.push({ code: 'no_cadastral_lookup', severity: 'warning', count: 0, rows: [], values: [], column: cadastralMissing });
  const colIndex = new Map(t.columns.map((c, j) => [c, j]));
  const used = new Set<string>();
  if (key) used.add(key.column);
  if (key?.provinceColumn) used.add(key.provinceColumn);
  const yearColumn = t.columns.find((c) => !used.has(c) && YEAR_HINT.test(c.trim())) ?? null;
  if (yearColumn) used.add(yearColumn);
  const latColumn = t.points ? null : (t.columns.find((c) => !used.has(c) && LAT_HINT.test(c.trim())) ?? null);
  const lonColumn = t.points ? null : (t.columns.find((c) => !used.has(c) && LON_HINT.test(c.trim())) ?? null);
  const hasCoords = latColumn !== null && lonColumn !== null;
  if (hasCoords) (used.add(latColumn), used.add(lonColumn));
  const hint: ',' | '.' = t.delimiter === ';' ? ',' : '.';

  const columns: ColumnInfo[] = t.columns.map((name, j) => {
    if (key && name === key.column) return { name, kind: 'key' };
    if (key && name === key.provinceColumn) return { name, kind: 'province' };
    if (name === yearColumn) return { name, kind: 'year' };
    const isLat = hasCoords && name === latColumn;
    const isLon = hasCoords && name === lonColumn;
    const cells = cellsOf(t, j);
    const strs = cells.filter((c): c is string => typeof c === 'string');
    const decimal = detectDecimal(strs.length > 5000 ? strs.slice(0, 5000) : strs, hint);
    let numeric = 0;
    let text = 0;
    for (const c of cells) {
      const v = parseNumber(c, decimal);
      if (v === null) continue;
      if (Number.isNaN(v)) text++;
      else numeric++;
    }
    const kind = isLat ? 'lat' : isLon ? 'lon' : numeric > 0 && numeric >= text ? 'number' : 'text';
    return { name, kind, decimal, numeric, text };
  });

  // numbers: text in a numeric column is reported and becomes missing
  const parsed = new Map<string, (number | null)[]>();
  for (const c of columns) {
    if (c.kind !== 'number' && c.kind !== 'lat' && c.kind !== 'lon') continue;
    const j = colIndex.get(c.name) as number;
    const bad = new Collector();
    const vals = t.rows.map((r, i) => {
      const v = parseNumber(r[j] ?? null, c.decimal ?? '.');
      if (v !== null && Number.isNaN(v)) {
        bad.add(i + t.firstRow, r[j]);
        return null;
      }
      return v;
    });
    parsed.set(c.name, vals);
    if (bad.count) problems.push({ code: 'text_in_numeric', severity: 'warning', count: bad.count, rows: bad.rows, values: bad.values, column: c.name });
  }

  // year
  let years: (number | null)[] | null = null;
  if (yearColumn) {
    const j = colIndex.get(yearColumn) as number;
    const bad = new Collector();
    years = t.rows.map((r, i) => {
      const v = parseNumber(r[j] ?? null, '.');
      if (v === null) return null;
      if (!Number.isInteger(v) || v < 1900 || v > 2100) {
        bad.add(i + t.firstRow, r[j]);
        return null;
      }
      return v;
    });
    if (bad.count) problems.push({ code: 'bad_year', severity: 'warning', count: bad.count, rows: bad.rows, values: bad.values, column: yearColumn });
  }

  // coordinates
  const badCoord = new Collector();
  const coordOf = (i: number): [number | null, number | null] => {
    let lon: number | null = null;
    let lat: number | null = null;
    if (t.points) {
      const p = t.points[i];
      if (p) [lon, lat] = p;
    } else if (hasCoords) {
      lon = parsed.get(lonColumn)![i];
      lat = parsed.get(latColumn)![i];
    } else return [null, null];
    if (lon === null || lat === null) return [null, null];
    if (lon < BBOX.lon[0] || lon > BBOX.lon[1] || lat < BBOX.lat[0] || lat > BBOX.lat[1]) {
      badCoord.add(i + t.firstRow + (t.points ? 1 : 0), `${lat}, ${lon}`);
      return [null, null];
    }
    return [lon, lat];
  };

  // keys
  const unknown = new Collector();
  const ambiguous = new Collector();
  const other = new Collector();
  const otherLevels = new Map<string, number>();
  const unknownValues = new Set<string>();
  const seen = new Map<string, number>();
  const dups = new Collector();
  const kj = key ? (colIndex.get(key.column) as number) : -1;
  const pj = key?.provinceColumn ? (colIndex.get(key.provinceColumn) as number) : -1;
  const valueCols = columns.filter((c) => c.kind === 'number' || c.kind === 'text');
  let matched = 0;
  const rows: ImportedRow[] = new Array(t.rows.length);
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    const rowNo = i + t.firstRow + (t.points ? 1 : 0);
    let code: string | null = null;
    if (key) {
      const rk = resolveKey(r[kj] ?? null, key.kind, key.level, look, pj >= 0 ? (r[pj] ?? null) : null);
      if (rk.status === 'ok') {
        code = rk.code;
        matched++;
      } else if (rk.status === 'unknown') {
        unknown.add(rowNo, r[kj]);
        if (unknownValues.size < MAX_SUGGESTED) unknownValues.add(String(r[kj]).trim());
      } else if (rk.status === 'ambiguous') ambiguous.add(rowNo, `${String(r[kj])} (${rk.candidates!.map((c) => c.code).join(', ')})`);
      else if (rk.status === 'other_level') {
        other.add(rowNo, r[kj]);
        otherLevels.set(rk.level as string, (otherLevels.get(rk.level as string) ?? 0) + 1);
      }
    }
    const year = years ? years[i] : null;
    if (code !== null) {
      const k = year === null ? code : `${code}|${year}`;
      const first = seen.get(k);
      if (first !== undefined) dups.add(rowNo, `${r[kj]}${year !== null ? ` (${year})` : ''} = riga/row ${first}`);
      else seen.set(k, rowNo);
    }
    const values: Record<string, Cell> = {};
    for (const c of valueCols) {
      const j = colIndex.get(c.name) as number;
      values[c.name] = c.kind === 'number' ? parsed.get(c.name)![i] : (r[j] ?? null);
    }
    const [lon, lat] = coordOf(i);
    rows[i] = { row: rowNo, code, values, lon, lat, year };
  }
  if (!key && !t.points && !hasCoords) problems.push({ code: 'no_key', severity: 'error', count: t.rows.length, rows: [], values: t.columns.slice(0, 10) });
  else if (!key) problems.push({ code: 'no_key', severity: 'info', count: t.rows.length, rows: [], values: t.columns.slice(0, 10) });
  if (unknown.count) {
    const pool = key ? look.list[key.level] : [];
    const suggestions =
      key?.kind === 'name'
        ? [...unknownValues].map((v) => ({
            value: v,
            candidates: nearest(normalizeName(v), pool, (x) => look.norm.get(x) ?? '', 3).map((x) => label(x, look))
          }))
        : undefined;
    problems.push({ code: key?.kind === 'name' ? 'unknown_names' : 'unknown_codes', severity: 'warning', count: unknown.count, rows: unknown.rows, values: unknown.values, column: key?.column, suggestions, detail: key?.level });
  }
  if (ambiguous.count) problems.push({ code: 'ambiguous_names', severity: 'warning', count: ambiguous.count, rows: ambiguous.rows, values: ambiguous.values, column: key?.column });
  if (other.count)
    problems.push({
      code: 'mixed_levels',
      severity: 'warning',
      count: other.count,
      rows: other.rows,
      values: other.values,
      column: key?.column,
      detail: `${key?.level}:${matched};` + [...otherLevels].map(([l, n]) => `${l}:${n}`).join(';')
    });
  if (dups.count) problems.push({ code: 'duplicates', severity: 'warning', count: dups.count, rows: dups.rows, values: dups.values, column: key?.column });
  if (badCoord.count) problems.push({ code: 'bad_coordinates', severity: 'warning', count: badCoord.count, rows: badCoord.rows, values: badCoord.values });
  return { columns, key, yearColumn, rows, matched, problems };
}

function label(t: TerritoryRef, look: TerritoryLookup): string {
  if (t.level !== 'comune' || !t.province_code) return `${t.name} (${t.code})`;
  const p = look.byCode.province.get(t.province_code);
  return `${t.name}${p ? `, ${p.name}` : ''} (${t.code})`;
}
