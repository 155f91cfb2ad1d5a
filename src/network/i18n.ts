/** Words of the network tool ("Rete dei servizi", loaded with it). */
import type { Lang } from '../i18n';

const it = {
  title: 'Rete dei servizi',
  kicker: 'Rete dei servizi del territorio',
  close: 'Chiudi',
  print: 'Stampa la rubrica (A4)',
  csv: 'Scarica CSV',
  choose: 'Territorio',
  choosePlaceholder: 'Comune, provincia o regione (nome o codice ISTAT)',
  grouping: 'oppure un raggruppamento importato',
  groupingNone: '— nessuno —',
  group: 'Gruppo',
  none: 'Scegli un territorio: un comune, una provincia, una regione o un gruppo di un raggruppamento importato.',
  loading: 'Caricamento dei dati e dei servizi…',
  failed: (m: string) => `I servizi non si possono caricare: ${m}`,
  levels: { region: 'Regione', province: 'Provincia', comune: 'Comune', group: 'Gruppo' } as Record<string, string>,
  withinKm: 'Anche fuori dal territorio, entro (km in linea d’aria)',
  filter: 'Filtra (nome, indirizzo, tipo, comune)',
  layers: 'Tipi di servizio',
  summary: (inside: number, near: number, km: number) => `${inside} nel territorio, ${near} fuori entro ${km} km`,
  col: {
    name: 'Nome',
    type: 'Tipo',
    address: 'Indirizzo',
    comune: 'Comune',
    contacts: 'Contatti',
    km: 'Distanza (km)',
    where: 'Dove',
    precision: 'Posizione',
  },
  inside: 'nel territorio',
  near: 'fuori',
  byPolygon: 'dentro il confine (punto senza codice comune)',
  precision: { exact: 'esatta', comune: 'al comune' } as Record<string, string>,
  precisionNote:
    'Posizione «al comune»: la fonte dà solo il comune; il punto è il punto interno del comune, non l’indirizzo.',
  distanceNote:
    'Distanza in linea d’aria (circonferenza massima) dal punto interno più vicino fra i comuni del territorio; non è il tempo di viaggio.',
  insideNote:
    '«Nel territorio»: secondo il codice ISTAT del comune del servizio; per i punti importati senza codice, secondo il confine.',
  noneInLayer: 'Nessun servizio di questo tipo nel territorio né entro la distanza scelta.',
  noDataLayer:
    'Nessun dato per questo territorio: la fonte non copre la sua regione (non vuol dire che il servizio manchi).',
  phone: 'tel.',
  email: 'e-mail',
  website: 'web',
  hours: 'orari',
  notes: 'note',
  noContacts: 'la fonte non dà contatti',
  source: 'Fonte',
  date: 'data',
  imported: 'importato',
  sources: 'Fonti e avvertenze',
  generated: (d: string) =>
    `Rubrica generata il ${d} dall’atlante Coefficienti, nel browser. I contatti sono quelli delle fonti: verificarli prima dell’uso.`,
  mapTitle: (name: string) => `${name}: servizi nel territorio (pieni) e vicini (vuoti)`,
  mapKey: 'Sulla mappa: punto pieno = nel territorio, punto vuoto = fuori, entro la distanza scelta.',
  onMap: 'Mostra sulla mappa',
  downloadSvg: 'Scarica SVG',
  sort: (label: string) => `Ordina per ${label}`,
  more: (n: number) => `Mostra tutte (${n} in più)`,
  notPrinted: (n: number) =>
    `… e altre ${n} righe non mostrate: premi «Mostra tutte» prima di stampare (l’elenco completo è anche nel CSV della Rete dei servizi).`,
  /** the built-in layers' type codes (services.parquet); other types are shown as the source writes them */
  types: {
    cpia_institution: 'CPIA (sede amministrativa)',
    cpia_teaching_site: 'CPIA, sede didattica',
    primary: 'scuola primaria',
    lower_secondary: 'secondaria di primo grado',
    upper_secondary: 'secondaria di secondo grado',
    consultorio: 'consultorio',
  } as Record<string, string>,
};

export type NetworkDict = typeof it;

const en: NetworkDict = {
  title: 'Service network',
  kicker: 'Services of the territory',
  close: 'Close',
  print: 'Print the directory (A4)',
  csv: 'Download CSV',
  choose: 'Territory',
  choosePlaceholder: 'Comune, province or region (name or ISTAT code)',
  grouping: 'or a group of an imported grouping',
  groupingNone: '— none —',
  group: 'Group',
  none: 'Choose a territory: a comune, a province, a region or a group of an imported grouping.',
  loading: 'Loading the data and the services…',
  failed: (m: string) => `The services cannot be loaded: ${m}`,
  levels: { region: 'Region', province: 'Province', comune: 'Comune', group: 'Group' },
  withinKm: 'Also outside the territory, within (straight-line km)',
  filter: 'Filter (name, address, type, comune)',
  layers: 'Kinds of service',
  summary: (inside: number, near: number, km: number) => `${inside} in the territory, ${near} outside within ${km} km`,
  col: {
    name: 'Name',
    type: 'Type',
    address: 'Address',
    comune: 'Comune',
    contacts: 'Contacts',
    km: 'Distance (km)',
    where: 'Where',
    precision: 'Position',
  },
  inside: 'in the territory',
  near: 'outside',
  byPolygon: 'inside the boundary (point without a comune code)',
  precision: { exact: 'exact', comune: 'at the comune' },
  precisionNote:
    'Position "at the comune": the source gives only the comune; the point is the comune’s inner point, not the address.',
  distanceNote:
    'Straight-line (great-circle) distance from the nearest inner point of the territory’s comuni; not travel time.',
  insideNote:
    '"In the territory": by the ISTAT code of the service’s comune; for imported points without a code, by the boundary.',
  noneInLayer: 'No service of this kind in the territory nor within the chosen distance.',
  noDataLayer:
    'No data for this territory: the source does not cover its region (this does not mean the service is missing).',
  phone: 'phone',
  email: 'e-mail',
  website: 'web',
  hours: 'hours',
  notes: 'notes',
  noContacts: 'the source gives no contacts',
  source: 'Source',
  date: 'date',
  imported: 'imported',
  sources: 'Sources and caveats',
  generated: (d: string) =>
    `Directory generated on ${d} by the Coefficienti atlas, in the browser. Contacts are the sources’: check them before use.`,
  mapTitle: (name: string) => `${name}: services in the territory (filled) and nearby (hollow)`,
  mapKey: 'On the map: filled dot = in the territory, hollow dot = outside, within the chosen distance.',
  onMap: 'Show on the map',
  downloadSvg: 'Download SVG',
  sort: (label: string) => `Sort by ${label}`,
  more: (n: number) => `Show all (${n} more)`,
  notPrinted: (n: number) =>
    `… and ${n} more rows not shown: press “Show all” before printing (the full list is also in the Service network’s CSV).`,
  types: {
    cpia_institution: 'CPIA (head office)',
    cpia_teaching_site: 'CPIA teaching site',
    primary: 'primary school',
    lower_secondary: 'lower secondary',
    upper_secondary: 'upper secondary',
    consultorio: 'family health centre',
  },
};

export function networkDict(lang: Lang): NetworkDict {
  return lang === 'en' ? en : it;
}
