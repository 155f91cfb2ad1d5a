import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { COMUNI_PACKED, DATA_FILES, GEO_FILES, PROFILES_INDEX } from '../../src/contract/index.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RAW = path.join(ROOT, 'data', 'raw');
export const BUILD_DIR = path.join(ROOT, 'data', 'build');
export const STAMP = path.join(ROOT, 'data', '.stamp.json');

export const PUBLIC = path.join(ROOT, 'public');
const inPublic = (file: string) => path.join(PUBLIC, file);
/** What the build writes (src/contract/paths.ts), as absolute paths. */
export const OUT = {
  regions: inPublic(GEO_FILES.region),
  sll: inPublic(GEO_FILES.sll),
  provinces: inPublic(GEO_FILES.province),
  comuni: inPublic(GEO_FILES.comune),
  nuts2: inPublic(GEO_FILES.nuts2),
  comuniPacked: inPublic(COMUNI_PACKED),
  territories: inPublic(DATA_FILES.territories),
  indicators: inPublic(DATA_FILES.indicators),
  catalogue: inPublic(DATA_FILES.catalogue),
  buildReport: inPublic(DATA_FILES.buildReport),
  services: inPublic(DATA_FILES.services),
  servicesCatalogue: inPublic(DATA_FILES.servicesCatalogue),
  codes: inPublic(DATA_FILES.codes),
  groupings: inPublic(DATA_FILES.groupings),
  profilesIndex: inPublic(PROFILES_INDEX),
};

export const RAW_FILES = {
  comuni: 'codes/gi_comuni.csv',
  province: 'codes/gi_province.csv',
  regioni: 'codes/gi_regioni.csv',
  validita: 'codes/gi_comuni_validita.csv',
  elenco: 'codes/istat_elenco_comuni_2023.csv',
  crosswalk2024: 'codes/openpolis2023_to_istat2024_comuni.csv',
  itter: 'codes/itter107_to_istat_province.csv',
  population: 'population/anpr_residenti_comuni_2026-01.csv',
  foreignCit: 'foreigners/DCIS_POPSTRCIT1_24_foreigners_by_citizenship_area_2023.csv',
  foreignBal: 'foreigners/DCIS_POPSTRBIL1_1_foreigners_demographic_balance_2019-2023.csv',
  permits: 'permits/DCIS_PERMSOGG1_4_permits_by_type_province_2015-2024.csv',
  eurostat: 'labour/italy_nuts2_eurostat_migrant_labour_2025.csv',
  euFigures: 'eu/eu_nuts2_migrant_labour_2025.csv',
  euGeometry: 'eu/eu_nuts2_2024_20M.geojson',
  unemployment: 'labour/Unemployment2023_regions.csv',
  neet: 'labour/NEET2023_regions_18_29.csv',
  income: 'income/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2019.csv',
  income2020: 'income/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2020.csv',
  income2021: 'income/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2021.csv',
  censusForeigners: 'foreigners/census2021_comuni/stranieri_comuni_censimento_2021.csv',
  censusLabour: 'labour/census2021_comuni/forze_lavoro_comuni_censimento_2018_2021.csv',
  classifications2023: 'codes/istat_classificazioni_comuni_2023/classificazioni_comuni_2023.csv',
  areeInterne2020: 'codes/aree_interne_2020/mappa_aree_interne_2020_comuni.csv',
  snai: 'codes/aree_interne_2020/snai_aree_progetto_comuni.csv',
  sllList: 'codes/sll_2021/sll2021_elenco_da_shapefile_istat.csv',
  sllComposition: 'codes/sll_2021/sll2021_composizione_comuni_situas_2026-06-28.csv',
  reception: 'reception/accoglienza_regioni_2019_2025.csv',
  boundariesDir: 'boundaries/openpolis-2023/geojson-provinces',
  hospitals: 'services/hospitals_eurostat_gisco/IT_hospitals_gisco_2020.csv',
  schools: 'services/mim_scuole/SCUANAGRAFESTAT20252620250901.csv.gz',
  cpia: 'services/mim_scuole/cpia_sedi_2025_26_from_SCUANAGRAFESTAT.csv',
  consultori: 'services/consultori_ondata/consultori.csv',
  regionsWithoutConsultori: 'services/consultori_ondata/regioni_senza_dati.txt',
} as const;
