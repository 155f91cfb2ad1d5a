/** Territorial code lists: comuni (current, 1 Jan 2025 = ANPR 2026 list), provinces, regions. Pure parsers. */
import { parseCsv, parseCsvRecords, requireNum, DataError } from './csv.ts';

export interface Comune {
  code: string; // 6 digits
  name: string; // bilingual form as ISTAT gives it, e.g. "Bolzano/Bozen"
  province_code: string; // 3 digits (first 3 digits of the comune code)
  region_code: string; // 2 digits
  sigla: string;
  belfiore: string; // cadastral code
  lat: number;
  lon: number;
  area_km2: number;
}
export interface Province {
  code: string;
  name: string;
  region_code: string;
}
export interface Region {
  code: string;
  name: string;
}
export interface Codes {
  comuni: Comune[];
  provinces: Province[];
  regions: Region[];
  comuneByCode: Map<string, Comune>;
  provinceByCode: Map<string, Province>;
  regionByCode: Map<string, Region>;
}

const pad = (s: string, n: number) => s.trim().padStart(n, '0');

/** gi_province.csv: sigla → region code. */
export function parseGiProvince(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of parseCsvRecords(text, ';').records) m.set(r.sigla_provincia, pad(r.codice_regione, 2));
  return m;
}

/** ISTAT elenco comuni 2023 (header cells contain newlines): official province (UTS) and region names. */
export function parseElencoNames(text: string): {
  provinceNames: Map<string, string>;
  regionNames: Map<string, string>;
} {
  const rows = parseCsv(text, ';');
  const provinceNames = new Map<string, string>();
  const regionNames = new Map<string, string>();
  for (const r of rows.slice(1)) {
    if (r.length < 12) continue;
    const reg = pad(r[0], 2);
    const prov = pad(r[2], 3);
    regionNames.set(reg, r[10].trim());
    provinceNames.set(prov, r[11].trim());
  }
  return { provinceNames, regionNames };
}

/**
 * ISTAT elenco comuni 2023: the comuni that are capoluogo of their province, metropolitan city or free
 * consortium (column "Flag Comune capoluogo…" = 1), by comune code. Several provinces have more than one.
 */
export function parseElencoCapitals(text: string): Set<string> {
  const rows = parseCsv(text, ';');
  const head = rows[0].map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase());
  const flag = head.findIndex((h) => h.startsWith('flag comune capoluogo'));
  const code = head.findIndex((h) => h.startsWith('codice comune formato alfanumerico'));
  if (flag < 0 || code < 0)
    throw new DataError('codes/istat_elenco_comuni_2023.csv: no "Flag Comune capoluogo" or comune code column');
  const out = new Set<string>();
  for (const r of rows.slice(1)) if (r.length > flag && r[flag].trim() === '1') out.add(pad(r[code], 6));
  return out;
}

/**
 * gi_comuni.csv → comuni. `fixes` collects corrections: the source has a few negative areas (sign error):
 * the absolute value is used and the fix reported.
 */
export function parseGiComuni(
  text: string,
  sigla2region: Map<string, string>,
  file = 'codes/gi_comuni.csv',
  fixes: string[] = [],
): Comune[] {
  const { records } = parseCsvRecords(text, ';');
  return records.map((r, i) => {
    const row = i + 2;
    const code = r.codice_istat;
    if (!/^\d{6}$/.test(code)) throw new DataError(`Bad comune code in ${file}, row ${row}: ${JSON.stringify(code)}`);
    const region_code = sigla2region.get(r.sigla_provincia);
    if (!region_code) throw new DataError(`Unknown province sigla in ${file}, row ${row}: ${r.sigla_provincia}`);
    return {
      code,
      name: r.denominazione_ita_altra,
      province_code: code.slice(0, 3),
      region_code,
      sigla: r.sigla_provincia,
      belfiore: r.codice_belfiore,
      lat: requireNum(r.lat, { file, row, column: 'lat' }, { decimalComma: true }),
      lon: requireNum(r.lon, { file, row, column: 'lon' }, { decimalComma: true }),
      area_km2: (() => {
        const a = requireNum(r.superficie_kmq, { file, row, column: 'superficie_kmq' }, { decimalComma: true });
        if (a < 0)
          fixes.push(`${file} row ${row}: comune ${code} area ${a} km² is negative in the source; using ${-a}`);
        return Math.abs(a);
      })(),
    };
  });
}

export function buildCodes(
  comuni: Comune[],
  provinceNames: Map<string, string>,
  regionNames: Map<string, string>,
): Codes {
  const sorted = [...comuni].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const provinceByCode = new Map<string, Province>();
  const regionByCode = new Map<string, Region>();
  for (const c of sorted) {
    if (!provinceByCode.has(c.province_code)) {
      const name = provinceNames.get(c.province_code);
      if (!name)
        throw new DataError(`No official name for province ${c.province_code} (codes/istat_elenco_comuni_2023.csv)`);
      provinceByCode.set(c.province_code, { code: c.province_code, name, region_code: c.region_code });
    } else if (provinceByCode.get(c.province_code)!.region_code !== c.region_code) {
      throw new DataError(`Province ${c.province_code} spans two regions (comune ${c.code})`);
    }
    if (!regionByCode.has(c.region_code)) {
      const name = regionNames.get(c.region_code);
      if (!name) throw new DataError(`No official name for region ${c.region_code}`);
      regionByCode.set(c.region_code, { code: c.region_code, name });
    }
  }
  const byCode = <T extends { code: string }>(m: Map<string, T>) =>
    [...m.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    comuni: sorted,
    provinces: byCode(provinceByCode),
    regions: byCode(regionByCode),
    comuneByCode: new Map(sorted.map((c) => [c.code, c])),
    provinceByCode,
    regionByCode,
  };
}

/** openpolis 2023 polygon code → current ISTAT code; plus the comuni with no polygon. */
export function parseCrosswalk2024(text: string): { map: Map<string, string>; noPolygon: string[] } {
  const map = new Map<string, string>();
  const noPolygon: string[] = [];
  for (const r of parseCsvRecords(text, ',').records) {
    if (r.change === 'no_polygon_in_openpolis_2023') noPolygon.push(r.istat_code_2024_2026);
    else map.set(r.openpolis_com_istat_code, r.istat_code_2024_2026);
  }
  return { map, noPolygon: noPolygon.sort() };
}

/** ITTER107 dissemination code → 3-digit province code; and the provinces absent from the 103 permit areas. */
export function parseItter(text: string): { map: Map<string, string>; notInPermits: string[] } {
  const map = new Map<string, string>();
  const notInPermits: string[] = [];
  for (const r of parseCsvRecords(text, ',').records) {
    map.set(r.itter107, pad(r.istat_prov_code, 3));
    if (r.in_permits_103_area_list === '0') notInPermits.push(pad(r.istat_prov_code, 3));
  }
  return { map, notInPermits: notInPermits.sort() };
}

export interface ValiditaRow {
  sigla: string;
  code: string;
  name: string;
  belfiore: string;
  start: string; // ISO yyyy-mm-dd
  end: string | null;
}
const isoDate = (d: string) => {
  const [dd, mm, yyyy] = d.split('/');
  return `${yyyy}-${mm}-${dd}`;
};
export function parseValidita(text: string): ValiditaRow[] {
  return parseCsvRecords(text, ';').records.map((r) => ({
    sigla: r.sigla_provincia,
    code: r.codice_istat,
    name: r.denominazione_ita,
    belfiore: r.codice_belfiore,
    start: isoDate(r.data_inizio_validita),
    end: r.data_fine_validita ? isoDate(r.data_fine_validita) : null,
  }));
}

const nextDay = (iso: string) => {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/**
 * Map an old comune (code + cadastral code) to the current ISTAT code.
 * 1. the code is current → itself; 2. its cadastral code is current (province change, renumbering) → that comune;
 * 2b. the 2023→2024 crosswalk knows it (absorptions into an existing comune, e.g. 018002 → 018026);
 * 3. it was suppressed on day D: the successor is the current comune of the same province sigla that started on D+1
 *    (if several, the one whose name contains the old name). Returns null when it cannot be decided.
 */
export function mapToCurrent(
  old: { code: string; belfiore: string },
  current: Map<string, Comune>,
  validita: ValiditaRow[],
  crosswalk: Map<string, string> = new Map(),
): { code: string; how: 'same' | 'cadastral' | 'crosswalk' | 'successor' } | null {
  if (current.has(old.code)) return { code: old.code, how: 'same' };
  for (const c of current.values())
    if (old.belfiore && c.belfiore === old.belfiore) return { code: c.code, how: 'cadastral' };
  const cw = crosswalk.get(old.code);
  if (cw && current.has(cw)) return { code: cw, how: 'crosswalk' };
  const hist = validita.filter((v) => v.code === old.code && v.end).sort((a, b) => (a.end! < b.end! ? 1 : -1))[0];
  if (!hist) return null;
  const start = nextDay(hist.end!);
  const cands = validita.filter(
    (v) => v.start === start && v.end === null && v.sigla === hist.sigla && current.has(v.code),
  );
  const uniq = [...new Set(cands.map((c) => c.code))];
  if (uniq.length === 1) return { code: uniq[0], how: 'successor' };
  const byName = cands.filter((c) => norm(c.name).includes(norm(hist.name)));
  const uniq2 = [...new Set(byName.map((c) => c.code))];
  if (uniq2.length === 1) return { code: uniq2[0], how: 'successor' };
  return null;
}
