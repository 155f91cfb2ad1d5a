// Over 300 lines: one reader per service source (hospitals, schools, CPIA, consultori) and the checks they share.
/**
 * Service points for the coverage measures: hospitals (exact coordinates), CPIA and state schools (cadastral
 * comune code → comune point), consultori (comune name + province → comune point). Pure parsers and builders;
 * `writeServices` writes the Parquet (DuckDB, SNAPPY, single thread, ORDER BY layer, id → byte-identical runs).
 */
import type { ServiceRow as ContractServiceRow } from '../../src/contract/index.ts';
import { writeServiceRows } from './write.ts';
import { parseCsvWith, parseNum, DataError } from './csv.ts';
import {
  buildGazetteer,
  geocodeCadastral,
  geocodeName,
  geocodeMojibake,
  assignByPoint,
  type Gazetteer,
  type PointedComune,
} from './geocode.ts';
import type { Comune, ValiditaRow } from './codes.ts';
import { checkMatchRates } from './validate.ts';

export type Layer = 'cpia' | 'hospitals' | 'consultori' | 'schools';
export const LAYERS: Layer[] = ['cpia', 'consultori', 'hospitals', 'schools'];

/** A row of services.parquet (src/contract/tables.ts) of one of the built-in layers. */
export interface ServiceRow extends ContractServiceRow {
  layer: Layer;
}

export interface Unmatched {
  row: number;
  name: string;
  key: string;
  reason: string;
}

export interface LayerReport {
  layer: Layer;
  file: string;
  /** rows of the source that belong to the layer (after the layer's filter) */
  rows: number;
  matched: number;
  match_rate: number;
  threshold: number;
  by_method: Record<string, number>;
  unmatched: Unmatched[];
  /** hospitals: rows relocated to a comune point or assigned to the nearest comune point, and why */
  assigned_by_point?: Unmatched[];
  notes: string[];
}

/** Minimum share of rows geocoded to a current comune, per layer; below it the build fails naming the file. */
export const MATCH_THRESHOLD: Record<Layer, number> = { cpia: 0.95, schools: 0.95, consultori: 0.9, hospitals: 0.95 };

const REF = { hospitals: '2020-01-01', schools: '2025-09-01', consultori: '2024' } as const;
const SOURCE = {
  hospitals: 'Eurostat GISCO healthcare services (Ministero della Salute), IT 2020',
  schools: 'MIM Anagrafe scuole statali 2025/26',
  consultori: 'ondata / Ministero della Salute, consultori familiari',
} as const;

type Optional = 'capacity' | 'phone' | 'email' | 'website';
/** One row of a built-in layer, with its source's name and date; capacity and contacts missing unless given. */
function serviceRow(
  from: keyof typeof SOURCE,
  r: Omit<ServiceRow, Optional | 'source' | 'reference_date'> & Partial<Pick<ServiceRow, Optional>>,
): ServiceRow {
  return {
    capacity: null,
    phone: null,
    email: null,
    website: null,
    ...r,
    source: SOURCE[from],
    reference_date: REF[from],
  };
}

function tally(by: Record<string, number>, how: string) {
  const k = how
    .replace(/ in (province|region) \w+$/, ' in $1')
    .replace(/,? ?\d{6} → \d{6} \([^)]*\)/g, '')
    .replace(/, same code/, '')
    .trim();
  by[k] = (by[k] ?? 0) + 1;
}
const rate = (m: number, n: number) => (n === 0 ? 1 : Math.round((m / n) * 1e6) / 1e6);
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A contact cell: empty, "-" and "Non Disponibile" are missing (null); otherwise the text, whitespace collapsed. */
export function contactText(s: string | undefined): string | null {
  const v = clean(s ?? '');
  return !v || v === '-' || /^non disponibile$/i.test(v) ? null : v;
}

/** A web address of the MIM registry: its "https//…" / "http//…" typo (≈ 7,400 rows) gets its colon back. */
export function websiteText(s: string | undefined): string | null {
  const v = contactText(s);
  return v ? v.replace(/^(https?)\/\//i, '$1://') : null;
}

/* ----------------------------------------------------------------------------------------------- hospitals */

export interface HospitalRecord {
  row: number;
  id: string;
  name: string;
  address: string | null;
  city: string;
  lat: number | null;
  lon: number | null;
  beds: number | null;
  type: string;
  /** the GISCO columns tel, email, url (empty for every Italian row of the 2020 release) */
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** IT_hospitals_gisco_2020.csv (Eurostat GISCO): id, hospital_name, lat, lon, street, city, cap_beds, facility_type… */
export function parseHospitals(text: string, file: string): HospitalRecord[] {
  const { records } = parseCsvWith(text, file, [
    'id',
    'hospital_name',
    'lat',
    'lon',
    'street',
    'city',
    'cap_beds',
    'facility_type',
  ]);
  return records.map((r, i) => {
    const row = i + 2;
    return {
      row,
      id: r.id,
      name: clean(r.hospital_name),
      address: clean([r.street, r.house_number].filter(Boolean).join(' ')) || null,
      city: clean(r.city),
      lat: parseNum(r.lat, { file, row, column: 'lat' }),
      lon: parseNum(r.lon, { file, row, column: 'lon' }),
      beds: parseNum(r.cap_beds, { file, row, column: 'cap_beds' }),
      // the source lost one accented letter in a latin-1 → UTF-8 conversion
      type: clean(r.facility_type).replace(/Universit\uFFFD/g, 'Università'),
      phone: contactText(r.tel),
      email: contactText(r.email),
      website: websiteText(r.url),
    };
  });
}

const inItaly = (lon: number | null, lat: number | null): boolean =>
  lon !== null && lat !== null && lat >= 35 && lat <= 47.2 && lon >= 6 && lon <= 19;

/**
 * Hospitals keep their exact coordinates (precision 'exact'). Their comune: the source `city` when that comune's
 * inner point lies within 25 km of the hospital, else the comune with the nearest inner point (see assignByPoint).
 * Capacity = beds.
 */
export function hospitalsLayer(recs: HospitalRecord[], g: Gazetteer, points: readonly PointedComune[], file: string) {
  const rows: ServiceRow[] = [];
  const report = newLayerReport('hospitals', file, recs.length);
  let relocated = 0;
  let nearest = 0;
  const seen = new Set<string>();
  for (const r of recs) {
    if (!r.id || seen.has(r.id)) {
      unmatched(report, r, `id ${JSON.stringify(r.id)}`, r.id ? 'duplicate id' : 'empty id');
      continue;
    }
    seen.add(r.id);
    if (!inItaly(r.lon, r.lat)) {
      unmatched(report, r, `lat/lon ${r.lat}, ${r.lon}`, 'coordinates missing or outside Italy');
      continue;
    }
    const m = assignByPoint(g, points, r.lon!, r.lat!, r.city || null, r.name);
    const to = m.relocate ? points.find((p) => p.code === m.code)! : { lon: r.lon!, lat: r.lat! };
    if (m.note) {
      if (m.relocate) relocated++;
      else nearest++;
      (report.assigned_by_point ??= []).push({
        row: r.row,
        name: r.name,
        key: `city "${r.city}" → ${m.code}`,
        reason: m.note,
      });
    }
    tally(report.by_method, m.how);
    rows.push(
      serviceRow('hospitals', {
        layer: 'hospitals',
        id: r.id,
        name: r.name,
        address: r.address,
        type: r.type,
        capacity: r.beds,
        lon: to.lon,
        lat: to.lat,
        comune_code: m.code,
        precision: m.relocate ? 'comune' : 'exact',
        phone: r.phone,
        email: r.email,
        website: r.website,
      }),
    );
  }
  report.matched = rows.length;
  report.match_rate = rate(rows.length, recs.length);
  report.notes.push(
    `comune of a hospital: its "city" when that comune's inner point is within 25 km of the coordinates (coordinates kept, precision exact); ` +
      `${relocated} hospital(s) whose coordinates are farther than 25 km from their own city (wrong geocoding in the source) are placed at the comune point (precision comune) of the city or of a comune of its province named in the hospital name; ` +
      `${nearest} hospital(s) without a usable city get the comune with the nearest inner point; all are listed in assigned_by_point`,
  );
  return { rows, report };
}

/* ------------------------------------------------------------------------------------- schools and CPIA */

export interface SchoolRecord {
  row: number;
  code: string;
  name: string;
  address: string | null;
  belfiore: string;
  comune: string;
  characteristic: string;
  typology: string;
  institution: string;
  email: string | null;
  website: string | null;
}

/** MIM SCUANAGRAFESTAT (and the CPIA extract with the same columns). */
export function parseSchoolRegistry(text: string, file: string): SchoolRecord[] {
  const { records } = parseCsvWith(text, file, [
    'CODICESCUOLA',
    'DENOMINAZIONESCUOLA',
    'INDIRIZZOSCUOLA',
    'CODICECOMUNESCUOLA',
    'DESCRIZIONECOMUNE',
    'DESCRIZIONECARATTERISTICASCUOLA',
    'DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA',
  ]);
  return records.map((r, i) => ({
    row: i + 2,
    code: r.CODICESCUOLA,
    name: clean(r.DENOMINAZIONESCUOLA),
    address: clean([r.INDIRIZZOSCUOLA, r.CAPSCUOLA].filter((x) => x && x !== 'Non Disponibile').join(' - ')) || null,
    belfiore: r.CODICECOMUNESCUOLA,
    comune: r.DESCRIZIONECOMUNE,
    characteristic: r.DESCRIZIONECARATTERISTICASCUOLA,
    typology: r.DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA,
    institution: r.CODICEISTITUTORIFERIMENTO ?? '',
    email: contactText(r.INDIRIZZOEMAILSCUOLA),
    website: websiteText(r.SITOWEBSCUOLA),
  }));
}

/** A CPIA row: the 130 institutions (characteristic "CPIA") and their 702 teaching sites ("CENTRO TERRITORIALE"). */
export function cpiaType(
  r: Pick<SchoolRecord, 'characteristic' | 'typology'>,
): 'cpia_institution' | 'cpia_teaching_site' | null {
  if (r.characteristic === 'CPIA') return 'cpia_institution';
  if (r.typology === 'CENTRO TERRITORIALE') return 'cpia_teaching_site';
  return null;
}

/** Characteristics left out of the schools layer: prison and hospital sections, adult evening courses, CPIA. */
const EXCLUDED_CHARACTERISTICS = new Set([
  'SPEC. PER CARCERARI',
  'C/O IST. OSPEDALIERO',
  'PERCORSO II LIVELLO',
  'CPIA',
]);

/**
 * The school order of a teaching site ("plesso") of primary or secondary level, or null. Left out: pre-school
 * (SCUOLA INFANZIA), the administrative rows of comprehensive and upper-secondary institutions (ISTITUTO
 * COMPRENSIVO, ISTITUTO SUPERIORE — their sites are listed separately), boarding schools (CONVITTO, EDUCANDATO),
 * CPIA (own layer) and the characteristics in EXCLUDED_CHARACTERISTICS.
 */
export function schoolOrder(
  r: Pick<SchoolRecord, 'characteristic' | 'typology'>,
): 'primary' | 'lower_secondary' | 'upper_secondary' | null {
  if (EXCLUDED_CHARACTERISTICS.has(r.characteristic)) return null;
  const t = r.typology;
  if (t === 'SCUOLA PRIMARIA') return 'primary';
  if (t === 'SCUOLA PRIMO GRADO') return 'lower_secondary';
  if (t === 'ISTITUTO COMPRENSIVO' || t === 'ISTITUTO SUPERIORE') return null;
  if (/^(LICEO|IST |ISTITUTO |SCUOLA MAGISTRALE)/.test(t)) return 'upper_secondary';
  return null;
}

function cadastralLayer(
  layer: 'cpia' | 'schools',
  recs: SchoolRecord[],
  typeOf: (r: SchoolRecord) => string | null,
  g: Gazetteer,
  pointOf: Map<string, PointedComune>,
  file: string,
) {
  const kept = recs.filter((r) => typeOf(r) !== null);
  const rows: ServiceRow[] = [];
  const report = newLayerReport(layer, file, kept.length);
  const seen = new Set<string>();
  for (const r of kept) {
    if (!r.code || seen.has(r.code)) {
      unmatched(
        report,
        r,
        `CODICESCUOLA ${JSON.stringify(r.code)}`,
        r.code ? 'duplicate school code' : 'empty school code',
      );
      continue;
    }
    seen.add(r.code);
    let m = geocodeCadastral(g, r.belfiore);
    if (m.code === null) {
      // the comune name of the registry as a second key (same province unknown here: Italy-wide unique names)
      const byName = geocodeName(g, r.comune);
      m =
        byName.code !== null
          ? { code: byName.code, how: `comune name (cadastral failed) ${byName.how}` }
          : { code: null, reason: `${m.reason}; ${byName.reason}` };
    }
    const p = m.code !== null ? pointOf.get(m.code) : undefined;
    if (m.code === null || !p) {
      unmatched(
        report,
        r,
        `CODICECOMUNESCUOLA ${r.belfiore} (${r.comune})`,
        m.code === null ? m.reason : `no point for comune ${m.code}`,
      );
      continue;
    }
    tally(report.by_method, m.how);
    rows.push(
      serviceRow('schools', {
        layer,
        id: r.code,
        name: r.name,
        address: r.address,
        type: typeOf(r)!,
        lon: p.lon,
        lat: p.lat,
        comune_code: m.code,
        precision: 'comune',
        email: r.email,
        website: r.website,
      }),
    );
  }
  report.matched = rows.length;
  report.match_rate = rate(rows.length, kept.length);
  return { rows, report };
}

/** CPIA (adult-education centres teaching Italian to foreigners): institutions and teaching sites, at the comune point. */
export function cpiaLayer(recs: SchoolRecord[], g: Gazetteer, pointOf: Map<string, PointedComune>, file: string) {
  const out = cadastralLayer('cpia', recs, cpiaType, g, pointOf, file);
  out.report.notes.push(
    'both the 130 CPIA institutions and their teaching sites ("CENTRO TERRITORIALE") are points; an institution and a site at the same address count twice',
  );
  return out;
}

/** State schools, primary and secondary teaching sites only (see schoolOrder), at the comune point. */
export function schoolsLayer(recs: SchoolRecord[], g: Gazetteer, pointOf: Map<string, PointedComune>, file: string) {
  const out = cadastralLayer('schools', recs, schoolOrder, g, pointOf, file);
  out.report.notes.push(
    `kept primary, lower- and upper-secondary teaching sites (${out.report.rows} of ${recs.length} registry rows); left out pre-schools, administrative institution rows, boarding schools, CPIA, prison/hospital sections and adult evening courses; state schools only (no Valle d'Aosta, Trento, Bolzano: their schools are not in this registry)`,
  );
  return out;
}

/* ------------------------------------------------------------------------------------------- consultori */

export interface ConsultorioRecord {
  row: number;
  comune: string;
  sigla: string;
  name: string;
  address: string | null;
  asl: string;
  /** the `sito` column: the web site of the ASL (health authority), not of the consultorio */
  website: string | null;
}

/** consultori.csv: comune, asl, denominazione, indirizzo ("… - CAP - COMUNE - XX"); the sigla is the address's last part. */
export function parseConsultori(text: string, file: string): ConsultorioRecord[] {
  const { records } = parseCsvWith(text, file, ['comune', 'asl', 'denominazione', 'indirizzo']);
  return records.map((r, i) => {
    const m = /\s-\s*([A-Z]{2})\s*$/.exec(r.indirizzo);
    return {
      row: i + 2,
      comune: clean(r.comune),
      sigla: m ? m[1] : '',
      name: clean(r.denominazione),
      // "N¶¨34": the source's mojibake of "N° 34"
      address: clean(r.indirizzo.replace(/¶[¨ø]/g, '°')) || null,
      asl: clean(r.asl),
      // `telefono` is left out: the source stored the numbers as integers, losing the leading 0 of every
      // Italian landline ("7094854" for 070 94854): shown as they are they would dial wrong numbers
      website: websiteText(r.sito),
    };
  });
}

export function consultoriLayer(
  recs: ConsultorioRecord[],
  g: Gazetteer,
  pointOf: Map<string, PointedComune>,
  file: string,
) {
  const rows: ServiceRow[] = [];
  const report = newLayerReport('consultori', file, recs.length);
  for (const r of recs) {
    let m = geocodeName(g, r.comune, { sigla: r.sigla || undefined });
    if (m.code === null && r.sigla) m = geocodeMojibake(g, r.comune, r.sigla) ?? m;
    const p = m.code !== null ? pointOf.get(m.code) : undefined;
    if (m.code === null || !p) {
      unmatched(
        report,
        r,
        `comune "${r.comune}" province ${r.sigla || '?'}`,
        m.code === null ? m.reason : `no point for comune ${m.code}`,
      );
      continue;
    }
    tally(report.by_method, m.how);
    rows.push(
      serviceRow('consultori', {
        layer: 'consultori',
        id: `consultori-${String(r.row).padStart(4, '0')}`,
        name: r.name,
        address: r.address,
        type: 'consultorio',
        lon: p.lon,
        lat: p.lat,
        comune_code: m.code,
        precision: 'comune',
        website: r.website,
      }),
    );
  }
  report.matched = rows.length;
  report.match_rate = rate(rows.length, recs.length);
  report.notes.push('the source has no identifier: id = "consultori-" + the row number in consultori.csv');
  report.notes.push(
    "contacts: website = the ASL's site (column sito); the phone numbers are left out (stored as integers in the source, they lost the leading 0)",
  );
  return { rows, report };
}

/**
 * regioni_senza_dati.txt: Ministero della Salute pages per region (idR = ISTAT region code × 10; 041/042 are the
 * autonomous provinces of Bolzano/Trento → region 04). Returns the 2-digit ISTAT region codes without data.
 */
export function parseRegionsWithoutData(text: string, file: string): string[] {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = /idR=(\d{3})/.exec(line);
    if (!m) throw new DataError(`${file}: no idR=NNN in line ${JSON.stringify(line)}`);
    out.add(m[1].slice(0, 2));
  }
  return [...out].sort();
}

/* --------------------------------------------------------------------------------------- report, checks */

/** A source row that is not in the layer, with the key that failed and why. */
function unmatched(report: LayerReport, r: { row: number; name: string }, key: string, reason: string): void {
  report.unmatched.push({ row: r.row, name: r.name, key, reason });
}

function newLayerReport(layer: Layer, file: string, rows: number): LayerReport {
  return {
    layer,
    file,
    rows,
    matched: 0,
    match_rate: 0,
    threshold: MATCH_THRESHOLD[layer],
    by_method: {},
    unmatched: [],
    notes: [],
  };
}

export function sortServices(rows: ServiceRow[]): ServiceRow[] {
  const c = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => c(a.layer, b.layer) || c(a.id, b.id));
}

/** Duplicate (layer, id) keys and non-finite coordinates. */
export function checkServiceRows(
  rows: readonly ServiceRow[],
  comuni: Set<string>,
  file = 'services.parquet',
): string[] {
  const seen = new Set<string>();
  const bad: string[] = [];
  for (const r of rows) {
    const k = `${r.layer}|${r.id}`;
    if (seen.has(k)) bad.push(`duplicate ${k}`);
    seen.add(k);
    if (!Number.isFinite(r.lon) || !Number.isFinite(r.lat)) bad.push(`${k}: no coordinates`);
    if (!comuni.has(r.comune_code)) bad.push(`${k}: comune ${r.comune_code} not in the code list`);
  }
  return bad.length ? [`${file}: ${bad.length} bad row(s): ${bad.slice(0, 20).join(', ')}`] : [];
}

/* ---------------------------------------------------------------------------------------------- all */

export interface ServiceTexts {
  hospitals: string;
  /** the whole state-school registry (already gunzipped) */
  schools: string;
  cpia: string;
  consultori: string;
  regionsWithoutConsultori: string;
}
export type ServiceFiles = { [k in keyof ServiceTexts]: string };

/** Regions whose schools are not in the state registry (autonomous school systems): Valle d'Aosta, Trentino-Alto Adige. */
export const NO_STATE_SCHOOL_REGIONS = ['02', '04'];

/**
 * Every layer, its report, the catalogue and the problems (match rates below threshold, bad rows, CPIA extract
 * not equal to the registry's CPIA rows). `points` = the comuni's inner points (territories.parquet).
 */
export function buildServiceLayers(
  texts: ServiceTexts,
  files: ServiceFiles,
  comuni: readonly Comune[],
  validita: readonly ValiditaRow[],
  crosswalk: Map<string, string>,
  points: readonly PointedComune[],
) {
  const g = buildGazetteer(comuni, validita, crosswalk);
  const pointOf = new Map(points.map((p) => [p.code, p]));
  const registry = parseSchoolRegistry(texts.schools, files.schools);
  const cpiaRecs = parseSchoolRegistry(texts.cpia, files.cpia);
  const problems: string[] = [];
  const inRegistry = registry
    .filter((r) => cpiaType(r) !== null)
    .map((r) => r.code)
    .sort()
    .join(',');
  const inExtract = cpiaRecs
    .filter((r) => cpiaType(r) !== null)
    .map((r) => r.code)
    .sort()
    .join(',');
  if (inRegistry !== inExtract || cpiaRecs.some((r) => cpiaType(r) === null))
    problems.push(`${files.cpia}: the CPIA rows differ from the CPIA rows of ${files.schools}`);
  const layers = [
    cpiaLayer(cpiaRecs, g, pointOf, files.cpia),
    consultoriLayer(parseConsultori(texts.consultori, files.consultori), g, pointOf, files.consultori),
    hospitalsLayer(parseHospitals(texts.hospitals, files.hospitals), g, points, files.hospitals),
    schoolsLayer(registry, g, pointOf, files.schools),
  ];
  const rows = sortServices(layers.flatMap((l) => l.rows));
  const reports = layers.map((l) => l.report);
  problems.push(...checkMatchRates(reports), ...checkServiceRows(rows, new Set(comuni.map((c) => c.code))));
  const noConsultori = parseRegionsWithoutData(texts.regionsWithoutConsultori, files.regionsWithoutConsultori);
  const regionsAll = [...new Set(comuni.map((c) => c.region_code))].sort();
  const counts = Object.fromEntries(LAYERS.map((l) => [l, rows.filter((r) => r.layer === l).length])) as Record<
    Layer,
    number
  >;
  const catalogue = servicesCatalogue(counts, regionsAll, noConsultori, NO_STATE_SCHOOL_REGIONS);
  return { rows, reports, catalogue, problems };
}

/* ------------------------------------------------------------------------------------------- catalogue */

type I18n = { it: string; en: string };
export interface ServiceLayerEntry {
  id: Layer;
  label: I18n;
  description: I18n;
  source: I18n;
  licence: string;
  reference_date: string;
  precision: 'exact' | 'comune';
  precision_note: I18n;
  /** ISTAT region codes covered by the source; null = all of Italy. Elsewhere show "no data", never "no service". */
  regions_with_data: string[] | null;
  coverage_note: I18n | null;
  /** what `capacity` measures, or null when the layer has none */
  capacity: I18n | null;
  rows: number;
}

const COMUNE_POINT: I18n = {
  it: 'Posizione = un punto interno al comune (non l’indirizzo): le distanze valgono a livello di comune.',
  en: 'Position = a point inside the comune (not the street address): distances are meaningful at comune level.',
};

export function servicesCatalogue(
  counts: Record<Layer, number>,
  regionsAll: string[],
  noConsultori: string[],
  noStateSchools: string[],
): ServiceLayerEntry[] {
  const without = (xs: string[]) => regionsAll.filter((r) => !xs.includes(r));
  // CPIA and schools: the same registry, placed at their comune's point
  const stateRegistry = {
    source: {
      it: 'MIM, Anagrafe scuole statali 2025/26',
      en: 'Ministry of Education (MIM), state school registry 2025/26',
    },
    licence: 'MIM open data',
    reference_date: REF.schools,
    precision: 'comune' as const,
    precision_note: COMUNE_POINT,
    regions_with_data: without(noStateSchools),
  };
  return [
    {
      id: 'cpia',
      label: { it: 'CPIA (istruzione degli adulti)', en: 'CPIA (adult education centres)' },
      description: {
        it: 'Centri provinciali per l’istruzione degli adulti: sedi amministrative e punti di erogazione (“centri territoriali”), dove si insegna anche l’italiano agli stranieri.',
        en: 'Provincial adult-education centres: institutions and their teaching sites ("centri territoriali"), where Italian is taught to foreigners.',
      },
      ...stateRegistry,
      coverage_note: {
        it: 'Valle d’Aosta e Trentino-Alto Adige non sono nell’anagrafe statale: nessun dato (non “nessun servizio”).',
        en: 'Valle d’Aosta and Trentino-Alto Adige are not in the state registry: no data (not "no service").',
      },
      capacity: null,
      rows: counts.cpia,
    },
    {
      id: 'consultori',
      label: { it: 'Consultori familiari', en: 'Family health centres (consultori)' },
      description: {
        it: 'Consultori familiari pubblici (salute della donna, della coppia e del bambino).',
        en: 'Public family health centres (women’s, couples’ and children’s health).',
      },
      source: {
        it: 'Ministero della Salute, via ondata (liberiamoli-tutti, mappa_consultori)',
        en: 'Ministry of Health, via ondata (liberiamoli-tutti, mappa_consultori)',
      },
      licence: 'CC BY 4.0',
      reference_date: REF.consultori,
      precision: 'comune',
      precision_note: COMUNE_POINT,
      regions_with_data: without(noConsultori),
      coverage_note: {
        it: `Dati solo per 11 regioni; per le regioni ${noConsultori.join(', ')} la fonte non ha dati: mostrare “nessun dato”, non “nessun servizio”.`,
        en: `Data for 11 regions only; for regions ${noConsultori.join(', ')} the source has no data: show "no data", not "no service".`,
      },
      capacity: null,
      rows: counts.consultori,
    },
    {
      id: 'hospitals',
      label: { it: 'Ospedali', en: 'Hospitals' },
      description: {
        it: 'Strutture di ricovero pubbliche e private accreditate, con posti letto.',
        en: 'Public and accredited private hospitals, with beds.',
      },
      source: {
        it: 'Eurostat GISCO, servizi sanitari (da Ministero della Salute), 2020',
        en: 'Eurostat GISCO healthcare services (from the Ministry of Health), 2020',
      },
      licence: 'EUPL 1.2',
      reference_date: REF.hospitals,
      precision: 'exact',
      precision_note: {
        it: 'Coordinate esatte della fonte; il comune è quello indicato dalla fonte se vicino, altrimenti quello col punto interno più vicino.',
        en: 'Exact coordinates from the source; the comune is the one the source names when near, otherwise the one with the nearest inner point.',
      },
      regions_with_data: null,
      coverage_note: null,
      capacity: { it: 'posti letto', en: 'beds' },
      rows: counts.hospitals,
    },
    {
      id: 'schools',
      label: { it: 'Scuole statali (primarie e secondarie)', en: 'State schools (primary and secondary)' },
      description: {
        it: 'Plessi delle scuole statali primarie e secondarie di I e II grado (indicatore indiretto di servizi di prossimità per le famiglie).',
        en: 'Teaching sites of state primary, lower- and upper-secondary schools (a proxy for local services to families).',
      },
      ...stateRegistry,
      coverage_note: {
        it: 'Solo scuole statali; Valle d’Aosta e Trentino-Alto Adige non sono nell’anagrafe statale: nessun dato.',
        en: 'State schools only; Valle d’Aosta and Trentino-Alto Adige are not in the state registry: no data.',
      },
      capacity: null,
      rows: counts.schools,
    },
  ];
}

/* --------------------------------------------------------------------------------------------- writer */

export async function writeServices(file: string, rows: ServiceRow[]): Promise<void> {
  await writeServiceRows(file, sortServices(rows));
}
