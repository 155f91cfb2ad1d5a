/** Words of the training-needs survey view (loaded with it). */
import type { Lang } from '../i18n';

const it = {
  title: 'Fabbisogni formativi degli operatori',
  close: 'Chiudi',
  print: 'Stampa (A4)',
  dataset: 'Rilevazione importata',
  level: 'Livello',
  year: 'Anno',
  levels: { region: 'Regione', province: 'Provincia', comune: 'Comune', italy: 'Italia' } as Record<string, string>,
  none: 'Nessuna rilevazione dei fabbisogni importata. Scarica il modello, compilalo e importalo come indicatori (una colonna per tema).',
  template: 'Modello CSV dei fabbisogni formativi',
  howto:
    'Ogni colonna «fabb_<tema>» diventa un indicatore: il livello di fabbisogno da 1 (nessuno) a 5 (molto alto); «operatori» è il numero di operatori che hanno risposto.',
  territory: 'Territorio',
  operators: 'Operatori',
  compare: 'Confronta',
  compareCaption: 'Aree pilota confrontate (spunta le righe)',
  mean: 'Media delle aree spuntate',
  weighted: 'Media ponderata per operatori',
  weightedMissing: 'non calcolabile: manca il numero di operatori di un’area',
  n: (n: number) => `${n} aree con dato`,
  missing: 'dato mancante',
  diff: (v: string, d: string) => `${v} (${d} rispetto alla media delle aree spuntate)`,
  caption: (year: string) => `Livello di fabbisogno per tema (1 = nessuno, 5 = molto alto), ${year}`,
  scale: 'Scala di colore: cinque quinti uguali della scala 1–5.',
  source: (s: string, d: string) =>
    `Fonte: ${s}; data di riferimento ${d}. Dati propri del progetto (importati nel browser), non dell’atlante.`,
  anyYear: 'tutti',
};

export type SurveyDict = typeof it;

const en: SurveyDict = {
  title: 'Training needs of the operators',
  close: 'Close',
  print: 'Print (A4)',
  dataset: 'Imported survey',
  level: 'Level',
  year: 'Year',
  levels: { region: 'Region', province: 'Province', comune: 'Comune', italy: 'Italy' },
  none: 'No training-needs survey imported. Download the template, fill it in and import it as indicators (one column per topic).',
  template: 'CSV template of the training needs',
  howto:
    'Each "fabb_<topic>" column becomes an indicator: the need level from 1 (none) to 5 (very high); "operatori" is the number of operators who answered.',
  territory: 'Territory',
  operators: 'Operators',
  compare: 'Compare',
  compareCaption: 'Pilot areas compared (tick the rows)',
  mean: 'Mean of the ticked areas',
  weighted: 'Mean weighted by operators',
  weightedMissing: 'cannot be computed: an area lacks its number of operators',
  n: (n: number) => `${n} areas with data`,
  missing: 'missing',
  diff: (v: string, d: string) => `${v} (${d} from the mean of the ticked areas)`,
  caption: (year: string) => `Need level by topic (1 = none, 5 = very high), ${year}`,
  scale: 'Colour scale: five equal fifths of the 1–5 scale.',
  source: (s: string, d: string) =>
    `Source: ${s}; reference date ${d}. The project’s own data (imported in the browser), not the atlas’s.`,
  anyYear: 'all',
};

export function surveyDict(lang: Lang): SurveyDict {
  return lang === 'en' ? en : it;
}
