// Over 300 lines: the import tool's words in Italian and English (a dictionary).
/** Words of the import tool (loaded with it, not in the first bundle). */
import type { Lang } from '../i18n';
import type { AggregationBasis } from './core/aggregation';
import type { KeyReason } from './core/types';

const it = {
  title: 'Importa i tuoi dati',
  close: 'Chiudi',
  privacy: 'I file che importi restano in questo browser (IndexedDB): nulla viene inviato a nessun server.',
  drop: 'Trascina qui un file, oppure',
  pick: 'scegli un file',
  formats:
    'CSV/TSV/TXT (virgola, punto e virgola o tabulazione; UTF-8, UTF-16 “Testo Unicode” o Latin-1), Excel (.xlsx, .xls), OpenDocument (.ods), Parquet, GeoJSON. Al massimo 200 MB e 1.000 colonne.',
  templates: 'Modelli',
  templateJobs: 'centri per l’impiego (CSV)',
  templateSai: 'progetti SAI (CSV)',
  reading: (f: string) => `Lettura di ${f}…`,
  waitingData: 'Caricamento dei territori…',
  cannotImport: 'Il file non può essere importato',
  preview: 'Anteprima',
  format: 'Formato',
  encoding: 'Codifica',
  delimiter: 'Separatore',
  delimiters: { ',': 'virgola', ';': 'punto e virgola', '\t': 'tabulazione' } as Record<string, string>,
  rows: 'Righe',
  key: 'Chiave dei territori',
  keyKinds: { istat: 'codice ISTAT', cadastral: 'codice catastale', name: 'nome' },
  levels: { comune: 'comuni', province: 'province', region: 'regioni' } as Record<string, string>,
  noKey: 'nessuna',
  matched: (m: number, n: number) => `${m} di ${n} righe abbinate a un territorio`,
  year: 'Colonna dell’anno',
  none: 'nessuna',
  time: (ms: number) => `letto in ${Math.round(ms)} ms`,
  problems: 'Problemi trovati',
  noProblems: 'Nessun problema trovato.',
  nearest: (v: string, c: string) => `“${v}”: forse ${c}?`,
  firstRows: (n: number, of: number) => `Prime ${n} righe di ${of}`,
  contacts: (cols: string) =>
    `Contatti riconosciuti (in un livello di servizi, tenuti come testo; link solo per web e e-mail): ${cols}`,
  row: 'Riga',
  territory: 'Territorio',
  points: (exact: number, comune: number, none: number) =>
    `Punti: ${exact} con coordinate, ${comune} posti nel loro comune, ${none} senza posizione`,
  use: 'Cosa diventa il file',
  uses: {
    indicators: 'Indicatori',
    services: 'Livello di servizi (punti)',
    grouping: 'Raggruppamento territoriale (es. ATS)',
  },
  include: 'Includi',
  column: 'Colonna',
  label: 'Etichetta',
  unit: 'Unità',
  polarity: 'Polarità',
  polarities: { '1': '↑ più alto = meglio', '-1': '↓ più basso = meglio', '0': 'neutra' } as Record<string, string>,
  pillar: 'Pilastro',
  pillars: { labour: 'Lavoro', stability: 'Stabilità', context: 'Contesto' },
  aggregation: 'Livelli superiori',
  aggregations: {
    sum: 'somma (conteggi)',
    weighted_mean: 'media ponderata per popolazione',
    none: 'nessuno (è un tasso)',
  },
  chooseAggregation: '— scegli —',
  aggregationBasis: (basis: AggregationBasis, word: string | null) =>
    basis === 'header_mean'
      ? `dall’intestazione (“${word}”): una media, un tasso o una quota non si somma`
      : basis === 'header_count'
        ? `dall’intestazione (“${word}”): un conteggio`
        : basis === 'values_count'
          ? 'dai valori: interi, oltre 100, come conteggi'
          : basis === 'values_share'
            ? 'dai valori: decimali tra 0 e 100, come quote'
            : 'non si capisce se è un conteggio o una media: scegli',
  aggregationMissing: (cols: string) => `Scegli come aggregare ai livelli superiori: ${cols}.`,
  idTaken: (wanted: string, what: string, id: string) =>
    `L’identificativo ${wanted} è già usato: “${what}” di questo file avrà ${id}.`,
  leftOut: 'escluso',
  ratio: 'Rapporto tra due colonne (somma dei numeratori / somma dei denominatori)',
  numerator: 'Numeratore',
  denominator: 'Denominatore',
  scale: 'Scala',
  noRatio: '— nessuno —',
  defaultYear: 'Anno dei valori',
  keyWhy: 'Perché',
  keyAgainst: 'contro',
  keyReason: (r: KeyReason): string => {
    switch (r.code) {
      case 'header':
        return `intestazione “${r.word}”`;
      case 'width':
        return `codici di ${r.width} cifre, la larghezza del livello`;
      case 'matched':
        return `${Math.round(r.share * 100)}% delle celle abbinate`;
      case 'sequence':
        return 'una sequenza 1, 2, 3… (numero progressivo)';
      case 'small_integers':
        return `piccoli interi (fino a ${r.max}), scritti senza zeri iniziali`;
      case 'counts':
        return `intestazione di un conteggio (“${r.word}”)`;
      case 'anti_header':
        return `intestazione “${r.word}” (non un territorio)`;
      case 'short_codes':
        return `codici più corti di ${r.width} cifre`;
    }
  },
  keyChange: 'Cambia la chiave',
  keyColumn: 'Colonna del territorio',
  keyLevel: 'Livello',
  keyKind: 'Tipo',
  keyProvince: 'Colonna della provincia (per gli omonimi)',
  keyNone: '— nessuna (solo punti con coordinate) —',
  keyAsk: 'Due colonne potrebbero indicare il territorio e non concordano: scegli quale usare.',
  keyChosen: 'scelta da te',
  keyGuessed: 'riconosciuta dal file',
  keyOthers: 'Altre colonne considerate',
  account: (read: number, imported: number, listed: number) =>
    `Righe lette: ${read} = ${imported} importate + ${listed} elencate tra i problemi.`,
  refDate: 'Anno o data di riferimento dei valori',
  refDateHint:
    'Il file non ha una colonna anno: indica a quando si riferiscono i valori (es. 2024 o 2024-12-31). Comparirà in legenda, nei tooltip e nel profilo.',
  refDateSuggest: (s: string) => `Usa ${s} (dal nome del file)`,
  refDateMissing: 'Indica l’anno o la data di riferimento dei valori.',
  refDateInvalid: 'Scrivi un anno (1900–2100) o una data AAAA-MM-GG.',
  layerName: 'Nome del livello',
  nameColumn: 'Colonna del nome',
  typeColumn: 'Colonna del tipo',
  capacityColumn: 'Colonna della capacità',
  capacityLabel: 'La capacità è (es. posti)',
  addressColumn: 'Colonna dell’indirizzo',
  idColumn: 'Colonna dell’identificativo',
  groupColumn: 'Colonna del gruppo',
  groupNameColumn: 'Colonna del nome del gruppo',
  groupingName: 'Nome del raggruppamento',
  add: 'Aggiungi all’atlante',
  replaceNote: (n: string) => `Sostituirà “${n}”.`,
  added: (n: string) => `Aggiunto: ${n}.`,
  skipped: (rows: number[]) =>
    `Senza posizione e non importate: righe ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? '…' : ''}.`,
  conflicts: (n: number, v: string) => `${n} comuni in due gruppi diversi (vale il primo): ${v}.`,
  nothingToAdd: 'Niente da aggiungere: nessuna colonna scelta o nessuna riga abbinata.',
  saved: 'Dati importati (salvati in questo browser)',
  noneSaved: 'Nessun dato importato.',
  kinds: { indicators: 'indicatori', services: 'servizi', grouping: 'raggruppamento' },
  rename: 'Rinomina',
  renameLabel: (n: string) => `Nuovo nome per ${n}`,
  replace: 'Sostituisci',
  remove: 'Rimuovi',
  download: 'Scarica il file originale',
  groupValues: 'Indicatori per gruppo',
  groupBoundaries: 'Costruisci i confini',
  boundariesReady: (n: number) => `Confini pronti: ${n} gruppi.`,
  group: 'Gruppo',
  members: 'Comuni',
  value: 'Valore',
  indicator: 'Indicatore',
  noData: 'dato non disponibile',
  dbWaiting: 'Avvio di DuckDB…',
  pointsCount: (n: number) => `${n} punti`,
  groupsCount: (g: number, m: number) => `${g} gruppi, ${m} comuni`,
  indicatorsCount: (n: number) => `${n} indicatori`,
  storageError: (m: string) => `Salvataggio nel browser non riuscito: ${m}`,
  fileGone: 'Il file non è più in memoria: sceglilo di nuovo.',
};

export type ImportDict = typeof it;

const en: ImportDict = {
  title: 'Import your data',
  close: 'Close',
  privacy: 'The files you import stay in this browser (IndexedDB): nothing is sent to any server.',
  drop: 'Drop a file here, or',
  pick: 'choose a file',
  formats:
    'CSV/TSV/TXT (comma, semicolon or tab; UTF-8, UTF-16 “Unicode text” or Latin-1), Excel (.xlsx, .xls), OpenDocument (.ods), Parquet, GeoJSON. At most 200 MB and 1,000 columns.',
  templates: 'Templates',
  templateJobs: 'job centres (CSV)',
  templateSai: 'SAI projects (CSV)',
  reading: (f) => `Reading ${f}…`,
  waitingData: 'Loading the territories…',
  cannotImport: 'The file cannot be imported',
  preview: 'Preview',
  format: 'Format',
  encoding: 'Encoding',
  delimiter: 'Delimiter',
  delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab' },
  rows: 'Rows',
  key: 'Territory key',
  keyKinds: { istat: 'ISTAT code', cadastral: 'cadastral code', name: 'name' },
  levels: { comune: 'comuni', province: 'provinces', region: 'regions' },
  noKey: 'none',
  matched: (m, n) => `${m} of ${n} rows matched to a territory`,
  year: 'Year column',
  none: 'none',
  time: (ms) => `read in ${Math.round(ms)} ms`,
  problems: 'Problems found',
  noProblems: 'No problems found.',
  nearest: (v, c) => `“${v}”: did you mean ${c}?`,
  firstRows: (n, of) => `First ${n} rows of ${of}`,
  contacts: (cols) => `Contacts recognised (in a service layer, kept as text; links only for web and e-mail): ${cols}`,
  row: 'Row',
  territory: 'Territory',
  points: (exact, comune, none) =>
    `Points: ${exact} with coordinates, ${comune} placed at their comune, ${none} without a position`,
  use: 'What the file becomes',
  uses: { indicators: 'Indicators', services: 'Service layer (points)', grouping: 'Territorial grouping (e.g. ATS)' },
  include: 'Include',
  column: 'Column',
  label: 'Label',
  unit: 'Unit',
  polarity: 'Polarity',
  polarities: { '1': '↑ higher = better', '-1': '↓ lower = better', '0': 'neutral' },
  pillar: 'Pillar',
  pillars: { labour: 'Labour', stability: 'Stability', context: 'Context' },
  aggregation: 'Coarser levels',
  aggregations: { sum: 'sum (counts)', weighted_mean: 'population-weighted mean', none: 'none (it is a rate)' },
  chooseAggregation: '— choose —',
  aggregationBasis: (basis, word) =>
    basis === 'header_mean'
      ? `from the header (“${word}”): a mean, rate or share is never summed`
      : basis === 'header_count'
        ? `from the header (“${word}”): a count`
        : basis === 'values_count'
          ? 'from the values: integers above 100, like counts'
          : basis === 'values_share'
            ? 'from the values: decimals within 0–100, like shares'
            : 'cannot tell whether it is a count or a mean: please choose',
  aggregationMissing: (cols) => `Choose how to aggregate to coarser levels: ${cols}.`,
  idTaken: (wanted, what, id) => `The id ${wanted} is already used: this file’s “${what}” will be ${id}.`,
  leftOut: 'left out',
  ratio: 'Ratio of two columns (sum of numerators / sum of denominators)',
  numerator: 'Numerator',
  denominator: 'Denominator',
  scale: 'Scale',
  noRatio: '— none —',
  defaultYear: 'Year of the values',
  keyWhy: 'Why',
  keyAgainst: 'against',
  keyReason: (r) => {
    switch (r.code) {
      case 'header':
        return `header “${r.word}”`;
      case 'width':
        return `${r.width}-digit codes, the level’s width`;
      case 'matched':
        return `${Math.round(r.share * 100)}% of cells matched`;
      case 'sequence':
        return 'a sequence 1, 2, 3… (a row number)';
      case 'small_integers':
        return `small integers (up to ${r.max}), written without leading zeros`;
      case 'counts':
        return `header of a count (“${r.word}”)`;
      case 'anti_header':
        return `header “${r.word}” (not a territory)`;
      case 'short_codes':
        return `codes shorter than ${r.width} digits`;
    }
  },
  keyChange: 'Change the key',
  keyColumn: 'Territory column',
  keyLevel: 'Level',
  keyKind: 'Kind',
  keyProvince: 'Province column (for homonyms)',
  keyNone: '— none (points with coordinates only) —',
  keyAsk: 'Two columns could name the territory and they disagree: choose which one to use.',
  keyChosen: 'chosen by you',
  keyGuessed: 'recognised from the file',
  keyOthers: 'Other columns considered',
  account: (read, imported, listed) => `Rows read: ${read} = ${imported} imported + ${listed} listed in the problems.`,
  refDate: 'Reference year or date of the values',
  refDateHint:
    'The file has no year column: state when the values refer to (e.g. 2024 or 2024-12-31). It is shown in the legend, tooltips and profile.',
  refDateSuggest: (s) => `Use ${s} (from the file name)`,
  refDateMissing: 'State the reference year or date of the values.',
  refDateInvalid: 'Write a year (1900–2100) or a date YYYY-MM-DD.',
  layerName: 'Layer name',
  nameColumn: 'Name column',
  typeColumn: 'Type column',
  capacityColumn: 'Capacity column',
  capacityLabel: 'Capacity means (e.g. places)',
  addressColumn: 'Address column',
  idColumn: 'Identifier column',
  groupColumn: 'Group column',
  groupNameColumn: 'Group name column',
  groupingName: 'Grouping name',
  add: 'Add to the atlas',
  replaceNote: (n) => `It will replace “${n}”.`,
  added: (n) => `Added: ${n}.`,
  skipped: (rows) =>
    `Without a position and not imported: rows ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? '…' : ''}.`,
  conflicts: (n, v) => `${n} comuni in two different groups (the first counts): ${v}.`,
  nothingToAdd: 'Nothing to add: no column chosen or no matched row.',
  saved: 'Imported data (kept in this browser)',
  noneSaved: 'No imported data.',
  kinds: { indicators: 'indicators', services: 'services', grouping: 'grouping' },
  rename: 'Rename',
  renameLabel: (n) => `New name for ${n}`,
  replace: 'Replace',
  remove: 'Remove',
  download: 'Download the original file',
  groupValues: 'Indicators by group',
  groupBoundaries: 'Build the boundaries',
  boundariesReady: (n) => `Boundaries ready: ${n} groups.`,
  group: 'Group',
  members: 'Comuni',
  value: 'Value',
  indicator: 'Indicator',
  noData: 'no data',
  dbWaiting: 'Starting DuckDB…',
  pointsCount: (n) => `${n} points`,
  groupsCount: (g, m) => `${g} groups, ${m} comuni`,
  indicatorsCount: (n) => `${n} indicators`,
  storageError: (m) => `Saving in the browser failed: ${m}`,
  fileGone: 'The file is no longer in memory: please pick it again.',
};

export function importDict(lang: Lang): ImportDict {
  return lang === 'en' ? en : it;
}

/** The progress of a long import (ImportTool.svelte). */
export const progressText: Record<
  Lang,
  {
    phases: Record<'reading' | 'building' | 'storing' | 'database', string>;
    cancel: string;
    cancelled: string;
  }
> = {
  it: {
    phases: {
      reading: 'Lettura e verifica del file…',
      building: 'Preparazione degli indicatori…',
      storing: 'Salvataggio in questo browser…',
      database: 'Copia nel motore di analisi…',
    },
    cancel: 'Annulla',
    cancelled: 'Importazione annullata: non è stato aggiunto nulla.',
  },
  en: {
    phases: {
      reading: 'Reading and checking the file…',
      building: 'Preparing the indicators…',
      storing: 'Saving in this browser…',
      database: 'Copying into the analysis engine…',
    },
    cancel: 'Cancel',
    cancelled: 'Import cancelled: nothing was added.',
  },
};
