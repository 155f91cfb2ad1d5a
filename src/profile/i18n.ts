/** Words of the territory profile (loaded with it). */
import type { Lang } from '../i18n';

const it = {
  title: 'Scheda territoriale',
  close: 'Chiudi',
  print: 'Stampa (A4)',
  choose: 'Scegli un territorio',
  choosePlaceholder: 'Nome o codice ISTAT',
  none: 'Seleziona un territorio sulla mappa o cercalo qui sopra.',
  loading: 'Caricamento dei dati…',
  levels: { region: 'Regione', province: 'Provincia', comune: 'Comune', italy: 'Italia' } as Record<string, string>,
  code: 'Codice ISTAT',
  keyFigures: 'Dati principali',
  caption: (name: string) => `Indicatori di ${name} accanto ai territori che lo contengono e all’Italia`,
  indicator: 'Indicatore',
  year: 'Anno',
  source: 'Fonte (n. in Fonti)',
  rank: (r: number, of: number) => `${r}° su ${of}`,
  inherited: (lvl: string) => `⚑ valore ${lvl}`,
  levelShort: { region: 'reg.', province: 'prov.', comune: 'com.', italy: 'Italia' } as Record<string, string>,
  levelAdj: { region: 'regionale', province: 'provinciale', comune: 'comunale', italy: 'nazionale' } as Record<
    string,
    string
  >,
  coefficient: 'Coefficiente di occupabilità',
  coefLine: (score: string, rank: number, of: number) => `Punteggio ${score}: ${rank}° su ${of}`,
  coefInterval: (a: number, b: number) => `posizione tra ${a} e ${b} nel 90% delle simulazioni`,
  coefWaiting: 'intervallo: simulazione in corso…',
  coefNone: 'non disponibile per questo territorio',
  coefNote: 'Configurazione predefinita (o quella della vista), calcolata fra i territori dello stesso livello.',
  coverage: 'Copertura dei servizi',
  sources: 'Fonti',
  mapInset: (name: string, region: string) => `Mappa: ${name} nel suo contesto (${region})`,
  boundaries: 'Confini: ISTAT (via openpolis), giugno 2023, fusioni 2024 sciolte',
  noData: 'dato non disponibile',
  notAtLevel: 'non disponibile a questo livello',
  generated: (d: string) => `Coefficienti — scheda generata il ${d} dai file di dati pubblici dell’atlante`,
  estimated: 'stima',
  downloadSvg: 'Scarica SVG',
};

export type ProfileDict = typeof it;

const en: ProfileDict = {
  title: 'Territory profile',
  close: 'Close',
  print: 'Print (A4)',
  choose: 'Choose a territory',
  choosePlaceholder: 'Name or ISTAT code',
  none: 'Select a territory on the map or search for it above.',
  loading: 'Loading the data…',
  levels: { region: 'Region', province: 'Province', comune: 'Municipality', italy: 'Italy' },
  code: 'ISTAT code',
  keyFigures: 'Key figures',
  caption: (name: string) => `Indicators of ${name} beside the territories that contain it and Italy`,
  indicator: 'Indicator',
  year: 'Year',
  source: 'Source (no. in Sources)',
  rank: (r: number, of: number) => `${r} of ${of}`,
  inherited: (lvl: string) => `⚑ ${lvl} value`,
  levelShort: { region: 'reg.', province: 'prov.', comune: 'mun.', italy: 'Italy' },
  levelAdj: { region: 'regional', province: 'provincial', comune: 'municipal', italy: 'national' },
  coefficient: 'Employability coefficient',
  coefLine: (score: string, rank: number, of: number) => `Score ${score}: rank ${rank} of ${of}`,
  coefInterval: (a: number, b: number) => `rank between ${a} and ${b} in 90% of the simulations`,
  coefWaiting: 'interval: simulation running…',
  coefNone: 'not available for this territory',
  coefNote: 'Default configuration (or the view’s), computed among the territories of the same level.',
  coverage: 'Service coverage',
  sources: 'Sources',
  mapInset: (name: string, region: string) => `Map: ${name} in its context (${region})`,
  boundaries: 'Boundaries: ISTAT (via openpolis), June 2023, 2024 mergers dissolved',
  noData: 'no data',
  notAtLevel: 'not available at this level',
  generated: (d: string) => `Coefficienti — profile generated on ${d} from the atlas’s public data files`,
  estimated: 'estimate',
  downloadSvg: 'Download SVG',
};

export function profileDict(lang: Lang): ProfileDict {
  return lang === 'en' ? en : it;
}
