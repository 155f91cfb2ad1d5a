/** Words of the coverage views (loaded with them, not in the first bundle). */
import type { Lang } from '../i18n';
import type { MeasureKey } from './measures';

const it = {
  title: 'Copertura dei servizi',
  intro: 'Dove i servizi sono lontani o scarsi rispetto alla popolazione che li usa. Le distanze sono in linea d’aria, non tempi di viaggio.',
  layer: 'Servizi',
  imported: 'importato',
  loadingLayers: 'Caricamento dei servizi…',
  types: 'Tipi',
  allTypes: 'Tutti i tipi',
  measure: 'Misura sulla mappa',
  measures: {
    nearest_km: 'Distanza dal servizio più vicino (linea d’aria)',
    per_10k: 'Servizi ogni 10.000 residenti',
    per_10k_noneu: 'Servizi ogni 10.000 residenti non UE',
    access_2sfca: 'Accessibilità 2SFCA',
    access_e2sfca: 'Accessibilità E2SFCA (con decadimento)',
    gap_population: 'Residenti oltre la soglia di distanza'
  } satisfies Record<MeasureKey, string>,
  short: {
    nearest_km: 'Più vicino (km)',
    per_10k: 'Per 10.000 ab.',
    per_10k_noneu: 'Per 10.000 non UE',
    access_2sfca: '2SFCA',
    access_e2sfca: 'E2SFCA',
    gap_population: 'Residenti oltre X km'
  } satisfies Record<MeasureKey, string>,
  units: {
    nearest_km: 'km in linea d’aria',
    per_10k: 'per 10.000 residenti',
    per_10k_noneu: 'per 10.000 residenti non UE',
    access_2sfca: 'offerta per 10.000 residenti',
    access_e2sfca: 'offerta per 10.000 residenti',
    gap_population: 'residenti'
  } satisfies Record<MeasureKey, string>,
  settings: 'Impostazioni',
  d0: 'Bacino d0 (km)',
  decay: 'Decadimento con la distanza (E2SFCA)',
  decays: { gaussian: 'Gaussiano', stepped: 'A gradini (1 / 0,68 / 0,22)' },
  capacity: 'Usa la capacità',
  capacityNone: 'questo livello non ha capacità: ogni servizio conta 1',
  gapKm: 'Soglia di distanza X (km)',
  computing: 'Calcolo in corso…',
  computed: (n: number, ms: number) => `${n} comuni calcolati in ${Math.round(ms)} ms (worker)`,
  points: (n: number) => `${n} punti sulla mappa`,
  zoomHint: 'Ingrandisci la mappa per vedere i singoli servizi; da lontano sono raggruppati per comune.',
  noDataRegions: 'Regioni senza dati per questo livello (sulla mappa “dato non disponibile”, non “nessun servizio”)',
  source: 'Fonte',
  table: 'Misure di copertura',
  nearest: 'Servizi più vicini',
  nearestNote: 'Distanze in linea d’aria dal punto interno del comune.',
  onlyComune: 'Scegli un comune per vedere i servizi più vicini.',
  noDataHere: 'Nessun dato per questo territorio in questo livello di servizi.',
  precision: { exact: 'posizione esatta', comune: 'posizione al comune' },
  address: 'Indirizzo',
  type: 'Tipo',
  capacityOf: 'Capacità',
  servicesIn: (n: number) => (n === 1 ? '1 servizio' : `${n} servizi`),
  capacitySum: 'capacità totale',
  population: 'Residenti',
  name: 'Territorio',
  exportCsv: 'Esporta tabella (CSV)',
  straightLine: 'linea d’aria',
  regionFilter: 'Regione',
  allRegions: 'Tutte le regioni',
  caveat: 'Misure indicative: distanze in linea d’aria, domanda in un punto per comune, capacità solo dove nota.'
};

export type CoverageDict = typeof it;

const en: CoverageDict = {
  title: 'Service coverage',
  intro: 'Where services are far or scarce for the people who use them. Distances are straight-line, not travel times.',
  layer: 'Services',
  imported: 'imported',
  loadingLayers: 'Loading the services…',
  types: 'Types',
  allTypes: 'All types',
  measure: 'Measure on the map',
  measures: {
    nearest_km: 'Distance to the nearest service (straight line)',
    per_10k: 'Services per 10,000 residents',
    per_10k_noneu: 'Services per 10,000 non-EU residents',
    access_2sfca: '2SFCA access',
    access_e2sfca: 'E2SFCA access (with distance decay)',
    gap_population: 'Residents beyond the distance threshold'
  },
  short: {
    nearest_km: 'Nearest (km)',
    per_10k: 'Per 10,000',
    per_10k_noneu: 'Per 10,000 non-EU',
    access_2sfca: '2SFCA',
    access_e2sfca: 'E2SFCA',
    gap_population: 'Residents beyond X km'
  },
  units: {
    nearest_km: 'km, straight line',
    per_10k: 'per 10,000 residents',
    per_10k_noneu: 'per 10,000 non-EU residents',
    access_2sfca: 'supply per 10,000 residents',
    access_e2sfca: 'supply per 10,000 residents',
    gap_population: 'residents'
  },
  settings: 'Settings',
  d0: 'Catchment d0 (km)',
  decay: 'Distance decay (E2SFCA)',
  decays: { gaussian: 'Gaussian', stepped: 'Stepped (1 / 0.68 / 0.22)' },
  capacity: 'Use capacity',
  capacityNone: 'this layer has no capacity: each service counts 1',
  gapKm: 'Distance threshold X (km)',
  computing: 'Computing…',
  computed: (n: number, ms: number) => `${n} comuni computed in ${Math.round(ms)} ms (worker)`,
  points: (n: number) => `${n} points on the map`,
  zoomHint: 'Zoom in to see each service; zoomed out they are grouped per comune.',
  noDataRegions: 'Regions without data for this layer (shown as “no data” on the map, not “no service”)',
  source: 'Source',
  table: 'Coverage measures',
  nearest: 'Nearest services',
  nearestNote: 'Straight-line distances from the comune’s inner point.',
  onlyComune: 'Choose a comune to see its nearest services.',
  noDataHere: 'No data for this territory in this service layer.',
  precision: { exact: 'exact position', comune: 'position at the comune' },
  address: 'Address',
  type: 'Type',
  capacityOf: 'Capacity',
  servicesIn: (n: number) => (n === 1 ? '1 service' : `${n} services`),
  capacitySum: 'total capacity',
  population: 'Residents',
  name: 'Territory',
  exportCsv: 'Export table (CSV)',
  straightLine: 'straight line',
  regionFilter: 'Region',
  allRegions: 'All regions',
  caveat: 'Indicative measures: straight-line distances, demand at one point per comune, capacity only where known.'
};

export function covDict(lang: Lang): CoverageDict {
  return lang === 'en' ? en : it;
}
