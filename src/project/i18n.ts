/** Words of the project tool (save and open a project file), loaded with it. */
import type { Lang } from '../i18n';
import { FORMAT_VERSION, type ItemKind, type ProjectErrorCode } from './format';
import type { Action } from './plan';

const list = (codes: string[]) => (codes.length > 12 ? `${codes.slice(0, 12).join(', ')}…` : codes.join(', '));

const it = {
  title: 'Progetto',
  intro:
    'Un file di progetto raccoglie il lavoro fatto in questo browser — dati importati, raggruppamenti, configurazione del coefficiente, impostazioni della copertura, territori a confronto, presentazione — per passarlo a un collega. Il file si scarica sul tuo computer: nulla viene inviato.',
  save: 'Salva progetto',
  saving: 'Preparazione del file…',
  saved: (file: string, n: number) => `Salvato ${file}: ${n} ${n === 1 ? 'elemento' : 'elementi'}.`,
  open: 'Apri progetto',
  pick: 'File di progetto (.coefficienti.zip)',
  reading: (name: string) => `Lettura di ${name}…`,
  contents: 'Contenuto del file',
  madeWith: (version: string, date: string) => `Salvato con l’atlante ${version || '?'} il ${date}.`,
  otherData:
    'Il progetto è stato fatto su un’altra versione dei dati dell’atlante: i codici dei territori sono stati controllati (vedi sotto).',
  kinds: {
    indicators: 'Indicatori importati',
    services: 'Punti di servizio importati',
    grouping: 'Raggruppamento di comuni',
    view: 'Vista (livello, indicatore, classi, inquadratura)',
    coefficient: 'Configurazione del coefficiente',
    coverage: 'Impostazioni della copertura',
    compare: 'Territori a confronto',
    story: 'Presentazione',
  } satisfies Record<ItemKind, string>,
  rows: (n: number) => `${n.toLocaleString('it-IT')} righe`,
  levels: {
    italy: 'Italia',
    region: 'regioni',
    province: 'province',
    comune: 'comuni',
    sll: 'sistemi locali del lavoro',
    nuts2: 'regioni europee',
  } as Record<string, string>,
  detail: {
    coefficient: (n: number) => `${n} indicatori`,
    coverage: (layer: string, km: string) => `strato ${layer}${km ? `, distanza ${km} km` : ''}`,
    story: (title: string, n: number) => `«${title}», ${n} ${n === 1 ? 'diapositiva' : 'diapositive'}`,
  },
  clash: {
    id: (name: string) => `C’è già in questo browser con lo stesso identificativo: «${name}».`,
    name: (name: string) => `C’è già in questo browser un insieme con lo stesso nome: «${name}».`,
    ids: (name: string) => `Usa identificativi di indicatori, livelli o strati già usati da «${name}».`,
  },
  actions: {
    add: 'Aggiungi',
    rename: 'Tieni entrambi (il nuovo con un altro nome)',
    replace: 'Sostituisci quello di questo browser',
    skip: 'Non aprire',
  } satisfies Record<Action, string>,
  apply: 'Applica',
  skipSetting: 'Non applicare',
  replaces: 'sostituisce quella di ora',
  dropped: (n: number, codes: string[]) =>
    `${n.toLocaleString('it-IT')} ${n === 1 ? 'riga non sarà aperta' : 'righe non saranno aperte'}: ${codes.length === 1 ? 'il codice' : 'i codici'} ${list(codes)} non ${codes.length === 1 ? 'esiste' : 'esistono'} più nei dati dell’atlante. Le altre righe sono tenute.`,
  problem: {
    missing: 'manca nel file: non può essere aperto.',
    unreadable: 'non è leggibile (file danneggiato): non può essere aperto.',
  },
  go: 'Apri il progetto',
  cancel: 'Annulla',
  done: (n: number) =>
    n === 0
      ? 'Nessun insieme di dati aperto.'
      : `${n === 1 ? 'Aperto 1 insieme' : `Aperti ${n} insiemi`} di dati: ${n === 1 ? 'è' : 'sono'} tra i dati importati, nei menu e sulla mappa.`,
  goingToView: 'Apertura della vista del progetto…',
  linkLoading: (link: string) => `Apertura del progetto dal link ${link}…`,
  errors: {
    not_zip:
      'Questo file non è un progetto di Coefficienti leggibile: non è un archivio zip, oppure è danneggiato o incompleto. Salva di nuovo il progetto e riprova.',
    no_manifest:
      'Questo archivio zip non è un progetto di Coefficienti: manca il file manifest.json che descrive il contenuto.',
    bad_manifest: (d: string) =>
      `Il file manifest.json di questo progetto non è valido (${d}): il progetto non può essere aperto.`,
    newer: (v: string) =>
      `Questo progetto è stato salvato da una versione più recente dell’atlante (formato ${v}; questa versione legge fino al formato ${FORMAT_VERSION}). Aggiorna l’atlante per aprirlo.`,
    bad_link: (d: string) => `Il link al progetto non è un indirizzo valido: ${d}.`,
    other_origin: (d: string) =>
      `Il progetto del link è su un altro sito (${d}): si aprono solo progetti pubblicati accanto all’atlante. Scarica il file e aprilo da qui.`,
    download: (d: string) => `Il progetto del link non si è potuto scaricare: ${d}.`,
  } satisfies Record<ProjectErrorCode, unknown>,
  close: 'Chiudi',
};

export type ProjectDict = typeof it;

const en: ProjectDict = {
  title: 'Project',
  intro:
    'A project file holds the work done in this browser — imported data, groupings, the coefficient’s configuration, coverage settings, territories compared, the presentation — to hand it to a colleague. The file is downloaded to your computer: nothing is sent anywhere.',
  save: 'Save project',
  saving: 'Preparing the file…',
  saved: (file, n) => `Saved ${file}: ${n} ${n === 1 ? 'item' : 'items'}.`,
  open: 'Open project',
  pick: 'Project file (.coefficienti.zip)',
  reading: (name) => `Reading ${name}…`,
  contents: 'What the file holds',
  madeWith: (version, date) => `Saved with the atlas ${version || '?'} on ${date}.`,
  otherData:
    'The project was made on another release of the atlas’s data: the territory codes were checked (see below).',
  kinds: {
    indicators: 'Imported indicators',
    services: 'Imported service points',
    grouping: 'Grouping of municipalities',
    view: 'View (level, indicator, classes, map position)',
    coefficient: 'Coefficient configuration',
    coverage: 'Coverage settings',
    compare: 'Territories compared',
    story: 'Presentation',
  },
  rows: (n) => `${n.toLocaleString('en-GB')} rows`,
  levels: {
    italy: 'Italy',
    region: 'regions',
    province: 'provinces',
    comune: 'municipalities',
    sll: 'local labour systems',
    nuts2: 'European regions',
  },
  detail: {
    coefficient: (n) => `${n} indicators`,
    coverage: (layer, km) => `layer ${layer}${km ? `, distance ${km} km` : ''}`,
    story: (title, n) => `“${title}”, ${n} ${n === 1 ? 'slide' : 'slides'}`,
  },
  clash: {
    id: (name) => `This browser already has one with the same id: “${name}”.`,
    name: (name) => `This browser already has a dataset with the same name: “${name}”.`,
    ids: (name) => `It uses ids of indicators, levels or layers that “${name}” already uses.`,
  },
  actions: {
    add: 'Add',
    rename: 'Keep both (the new one under another name)',
    replace: 'Replace the one in this browser',
    skip: 'Do not open',
  },
  apply: 'Apply',
  skipSetting: 'Do not apply',
  replaces: 'replaces the current one',
  dropped: (n, codes) =>
    `${n.toLocaleString('en-GB')} ${n === 1 ? 'row will not be opened' : 'rows will not be opened'}: the ${codes.length === 1 ? 'code' : 'codes'} ${list(codes)} no longer ${codes.length === 1 ? 'exists' : 'exist'} in the atlas’s data. The other rows are kept.`,
  problem: {
    missing: 'is missing from the file: it cannot be opened.',
    unreadable: 'cannot be read (damaged file): it cannot be opened.',
  },
  go: 'Open the project',
  cancel: 'Cancel',
  done: (n) =>
    n === 0
      ? 'No dataset opened.'
      : `${n === 1 ? '1 dataset' : `${n} datasets`} opened: in the imported data, the menus and on the map.`,
  goingToView: 'Opening the project’s view…',
  linkLoading: (link) => `Opening the project from the link ${link}…`,
  errors: {
    not_zip:
      'This file is not a readable Coefficienti project: it is not a zip archive, or it is damaged or incomplete. Save the project again and retry.',
    no_manifest:
      'This zip archive is not a Coefficienti project: the manifest.json file that describes its contents is missing.',
    bad_manifest: (d) => `The manifest.json of this project is not valid (${d}): the project cannot be opened.`,
    newer: (v) =>
      `This project was saved by a newer version of the atlas (format ${v}; this version reads up to format ${FORMAT_VERSION}). Update the atlas to open it.`,
    bad_link: (d) => `The link to the project is not a valid address: ${d}.`,
    other_origin: (d) =>
      `The linked project is on another site (${d}): only projects published beside the atlas are opened. Download the file and open it here.`,
    download: (d) => `The linked project could not be downloaded: ${d}.`,
  },
  close: 'Close',
};

export const projectDict = (lang: Lang): ProjectDict => (lang === 'en' ? en : it);

/** A ProjectError in plain words. */
export function errorText(t: ProjectDict, code: ProjectErrorCode, detail: string): string {
  const e = t.errors[code];
  return typeof e === 'function' ? e(detail) : e;
}
