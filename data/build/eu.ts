/**
 * Europe's regions: the NUTS 2024 level-2 regions (GISCO 1:20 million) and Eurostat's migrant labour-market
 * figures (labour-force survey 2025, net migration 2024), read and checked for the EU view (`?level=nuts2`).
 *
 * Checks (each failure names file, row and value): unique, well-formed codes; every number parses; shares and
 * rates within 0–100; the gap equals native − foreign-born employment (±0.05 pp, the file rounds to 0.1); the
 * foreign-born share equals foreign-born ÷ population (±0.1 pp); every region has a polygon and every polygon a row;
 * the Italian rows equal the Italian NUTS2 file the atlas already shows (`labour/italy_nuts2_…csv`).
 * A blank is missing (no value), never 0. LFS figures are sample estimates: the catalogue says so.
 */
import { apply, finaliseTopo } from './boundaries.ts';
import { parseCsvRecords, parseCsvWith, parseNum, DataError } from './csv.ts';

/** EU-27 member states (country codes as NUTS writes them: EL for Greece). */
export const EU27 = new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

export interface EuMeasure {
  /** indicator id in the atlas (the three the Italian regions already show keep their ids) */
  id: string;
  /** column in data/raw/eu/eu_nuts2_migrant_labour_2025.csv */
  column: string;
  /** column of the same figure in data/raw/labour/italy_nuts2_eurostat_migrant_labour_2025.csv */
  italianColumn: string;
  /** Eurostat dataset code */
  dataset: string;
  year: number;
  /** a share or rate in % (0–100); the gap is in percentage points and may be negative */
  unit: 'pct' | 'pp' | 'per_1000';
  /** labour-force survey: a sample estimate */
  survey: boolean;
}

export const EU_MEASURES: readonly EuMeasure[] = [
  m('fb_share_15_64', 'foreign_born_pct', 'foreign_born_pct', 'lfst_r_lfsd2pwc', 'pct'),
  m('non_eu_born_share_15_64', 'non_eu_born_pct', 'non_eu_born_pct', 'lfst_r_lfsd2pwc', 'pct'),
  m('foreign_citizen_share_15_64', 'foreign_citizen_pct', 'foreign_citizen_pct', 'lfst_r_lfsd2pwn', 'pct'),
  m(
    'native_employment_rate_20_64',
    'employment_native_pct',
    'employment_rate_native_20_64_pct',
    'lfst_r_lfe2emprc',
    'pct',
  ),
  m(
    'fb_employment_rate_20_64',
    'employment_foreign_born_pct',
    'employment_rate_foreign_born_20_64_pct',
    'lfst_r_lfe2emprc',
    'pct',
  ),
  m('employment_gap_native_fb', 'employment_gap_pp', 'employment_gap_pp', 'lfst_r_lfe2emprc', 'pp'),
  m(
    'native_unemployment_rate',
    'unemployment_native_pct',
    'unemployment_rate_native_15_74_pct',
    'lfst_r_lfur2gac',
    'pct',
  ),
  m(
    'fb_unemployment_rate',
    'unemployment_foreign_born_pct',
    'unemployment_rate_foreign_born_15_74_pct',
    'lfst_r_lfur2gac',
    'pct',
  ),
  {
    id: 'net_migration_per_1000',
    column: 'net_migration_per_1000',
    italianColumn: 'net_migration_per_1000',
    dataset: 'tgs00099',
    year: 2024,
    unit: 'per_1000',
    survey: false,
  },
];

function m(id: string, column: string, italianColumn: string, dataset: string, unit: 'pct' | 'pp'): EuMeasure {
  return { id, column, italianColumn, dataset, year: 2025, unit, survey: true };
}

export interface EuRegion {
  nuts: string;
  country: string;
  name: string;
  eu27: boolean;
  /** aged 15–64 in private households, thousands (null where blank) */
  populationThs: number | null;
  foreignBornThs: number | null;
  /** measure id → value; a blank cell is absent */
  values: Map<string, number>;
}

const NUTS2 = /^[A-Z]{2}[0-9A-Z]{2}$/;

/** Read and check the Eurostat NUTS2 file. Throws a DataError naming the first row that fails. */
export function readEuNuts2(text: string, file: string): EuRegion[] {
  const { records } = parseCsvWith(text, file, [
    'nuts',
    'country',
    'name',
    'population_ths',
    'foreign_born_ths',
    ...EU_MEASURES.map((x) => x.column),
  ]);
  const seen = new Set<string>();
  return records.map((r, i) => {
    const row = i + 2;
    const num = (column: string) => parseNum(r[column] ?? '', { file, row, column });
    if (!NUTS2.test(r.nuts)) throw new DataError(`${file}, row ${row}: "${r.nuts}" is not a NUTS2 code`);
    if (seen.has(r.nuts)) throw new DataError(`${file}, row ${row}: ${r.nuts} appears twice`);
    seen.add(r.nuts);
    if (r.nuts.slice(0, 2) !== r.country)
      throw new DataError(`${file}, row ${row}: ${r.nuts} is not in country ${r.country}`);
    const values = new Map<string, number>();
    for (const x of EU_MEASURES) {
      const v = num(x.column);
      if (v === null) continue;
      if (x.unit === 'pct' && !(v >= 0 && v <= 100))
        throw new DataError(`${file}, row ${row}: ${x.column} = ${v} is not a percentage`);
      values.set(x.id, v);
    }
    const region: EuRegion = {
      nuts: r.nuts,
      country: r.country,
      name: r.name,
      eu27: EU27.has(r.country),
      populationThs: num('population_ths'),
      foreignBornThs: num('foreign_born_ths'),
      values,
    };
    checkConsistency(region, `${file}, row ${row}`);
    return region;
  });
}

function checkConsistency(r: EuRegion, where: string): void {
  const nat = r.values.get('native_employment_rate_20_64');
  const fb = r.values.get('fb_employment_rate_20_64');
  const gap = r.values.get('employment_gap_native_fb');
  if (nat !== undefined && fb !== undefined && gap !== undefined && Math.abs(nat - fb - gap) > 0.05 + 1e-9)
    throw new DataError(`${where}: employment gap ${gap} ≠ native ${nat} − foreign-born ${fb}`);
  const share = r.values.get('fb_share_15_64');
  if (share !== undefined && r.populationThs && r.foreignBornThs !== null) {
    const computed = (100 * r.foreignBornThs) / r.populationThs;
    if (Math.abs(computed - share) > 0.1)
      throw new DataError(`${where}: foreign-born share ${share}% ≠ ${r.foreignBornThs} / ${r.populationThs} thousand`);
  }
}

/** The Italian rows must equal the Italian NUTS2 file the atlas already reads (the same transcription). */
export function checkItaly(regions: readonly EuRegion[], italianText: string, file: string): number {
  const { records } = parseCsvRecords(italianText, ',');
  const byCode = new Map(regions.map((r) => [r.nuts, r]));
  let compared = 0;
  records.forEach((rec, i) => {
    if (rec.nuts2 === 'IT') return;
    const eu = byCode.get(rec.nuts2);
    if (!eu) throw new DataError(`${file}, row ${i + 2}: ${rec.nuts2} is not among Europe's regions`);
    for (const x of EU_MEASURES) {
      const it = parseNum(rec[x.italianColumn] ?? '', { file, row: i + 2, column: x.italianColumn });
      const v = eu.values.get(x.id) ?? null;
      if (it !== v)
        throw new DataError(`${file}, row ${i + 2}: ${rec.nuts2} ${x.italianColumn} is ${it}, Europe's file has ${v}`);
      compared++;
    }
  });
  return compared;
}

/** Every region has exactly one polygon and every polygon a region. */
export function checkGeometry(
  regions: readonly EuRegion[],
  fc: { features: { properties: { nuts?: string } }[] },
  file: string,
): void {
  const codes = new Set(regions.map((r) => r.nuts));
  const drawn = new Set<string>();
  for (const f of fc.features) {
    const code = String(f.properties.nuts ?? '');
    if (!codes.has(code)) throw new DataError(`${file}: polygon ${code || '(no code)'} has no row in the figures`);
    if (drawn.has(code)) throw new DataError(`${file}: two polygons for ${code}`);
    drawn.add(code);
  }
  for (const c of codes) if (!drawn.has(c)) throw new DataError(`${file}: no polygon for ${c}`);
}

/**
 * The regions as TopoJSON (object `territories`, properties {code, name}, sorted by code; quantised like the
 * Italian levels) and a point inside each polygon for labels and the nearest-region search.
 */
export async function euTopology(
  fc: object,
  regions: readonly EuRegion[],
): Promise<{ topo: string; inner: Map<string, { lon: number; lat: number }> }> {
  const out = await apply(
    '-i eu.json -rename-fields code=nuts -o out.topo.json format=topojson quantization=100000 ' +
      '-points inner -o pts.json format=geojson precision=0.000001',
    { 'eu.json': fc },
  );
  const inner = new Map<string, { lon: number; lat: number }>();
  for (const f of JSON.parse(out['pts.json']).features) {
    const [lon, lat] = f.geometry.coordinates;
    inner.set(String(f.properties.code), { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
  }
  return { topo: finaliseTopo(out['out.topo.json'], Object.fromEntries(regions.map((r) => [r.nuts, r.name]))), inner };
}

/** A territories.parquet row of a NUTS2 region; Italy's carry the ISTAT region (ITH1/ITH2: the province). */
export interface EuTerritory {
  level: 'nuts2';
  code: string;
  name: string;
  province_code: string | null;
  region_code: string | null;
  /** the source has the 15–64 population in private households only, not the resident population */
  population: null;
  area_km2: null;
  lon: number | null;
  lat: number | null;
  has_geometry: boolean;
  capital: false;
  sll_code: null;
}

export function euTerritories(
  regions: readonly EuRegion[],
  inner: ReadonlyMap<string, { lon: number; lat: number }>,
  italian: Readonly<Record<string, { level: string; code: string }>>,
): EuTerritory[] {
  return regions.map((r) => {
    const it = italian[r.nuts];
    return {
      level: 'nuts2',
      code: r.nuts,
      name: r.name,
      province_code: it?.level === 'province' ? it.code : null,
      region_code: it?.level === 'region' ? it.code : it?.level === 'province' ? '04' : null,
      population: null,
      area_km2: null,
      lon: inner.get(r.nuts)?.lon ?? null,
      lat: inner.get(r.nuts)?.lat ?? null,
      has_geometry: inner.has(r.nuts),
      capital: false,
      sll_code: null,
    };
  });
}

/** indicators.parquet rows of the NUTS2 level: one per region and measure that has a value (blanks: no row). */
export function euIndicatorRows(regions: readonly EuRegion[]) {
  return regions.flatMap((r) =>
    EU_MEASURES.filter((x) => r.values.has(x.id)).map((x) => ({
      level: 'nuts2' as const,
      code: r.nuts,
      indicator: x.id,
      year: x.year,
      value: r.values.get(x.id)!,
      numerator: null,
      denominator: null,
    })),
  );
}
