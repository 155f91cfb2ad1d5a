/** Words of the coefficient views (loaded with them, not in the first bundle). */
import type { Lang } from '../i18n';
import type { IndexLevel as IndexLevelName } from '../analytics/composite/config';

const IT_ADJ: Record<IndexLevelName, [string, string]> = {
  region: ['regionale', 'regionali'],
  province: ['provinciale', 'provinciali'],
  comune: ['comunale', 'comunali'],
  sll: ['di sistema locale del lavoro', 'dei sistemi locali'],
};
// prettier-ignore
const EN_ADJ: Record<IndexLevelName, string> = { region: 'regional', province: 'provincial', comune: 'municipal', sll: 'local labour system' };
const pct = (x: number, lang: Lang) =>
  (Math.round(x * 1000) / 10).toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 0 });

const it = {
  title: 'Coefficiente di occupabilità',
  intro:
    'Quanto il territorio è favorevole all’inserimento lavorativo dei cittadini di Paesi terzi: un indice composito degli indicatori scelti qui sotto.',
  presets: 'Configurazioni',
  pillarWeights: 'Peso dei pilastri',
  indicators: 'Indicatori e pesi',
  weightOf: (label: string) => `Peso di ${label}`,
  include: (label: string) => `Includi ${label}`,
  polarity: 'Polarità',
  polarityUp: '↑ più alto = meglio',
  polarityDown: '↓ più basso = meglio',
  flipPolarity: (label: string) => `Inverti la polarità di ${label}`,
  method: 'Metodo',
  missing: 'Dati mancanti',
  missingOptions: { reweight: 'Ripesa gli altri indicatori', impute_parent: 'Usa il valore del livello superiore' },
  respread: 'Peso di un indicatore mancante',
  respreadOptions: { pillar: 'agli altri indicatori del suo pilastro', all: 'a tutti gli altri indicatori' },
  minObserved: 'Quota minima di peso osservato',
  winsor: 'Valori estremi (winsorizzazione)',
  winsorOff: 'nessuna',
  normalisation: 'Normalizzazione',
  normalisations: {
    minmax: 'Min–max 0–100',
    zscore: 'Punti z',
    percentile: 'Rango percentile',
    distance_to_ref: 'Distanza dall’Italia (= 100)',
  },
  aggregation: 'Aggregazione',
  aggregations: { arithmetic: 'Media aritmetica', geometric: 'Media geometrica', ampi: 'AMPI− (Mazziotta–Pareto)' },
  uncertainty: 'Incertezza delle posizioni',
  draws: 'Simulazioni',
  seed: 'Seme',
  concentration: 'Variabilità dei pesi (concentrazione)',
  switchNormalisation: 'Varia anche la normalizzazione',
  switchAggregation: 'Varia anche l’aggregazione',
  mcRunning: (p: number) => `Simulazione in corso… ${Math.round(p * 100)}%`,
  mcReady: (n: number, ms: number) => `${n} simulazioni in ${Math.round(ms)} ms`,
  fade: 'Sfuma i territori con posizione incerta',
  uncertainShare: 'Posizione incerta se l’intervallo 5–95% supera',
  uncertainShareOption: (p: number) => `${Math.round(p * 100)}% della classifica`,
  fadeNote: (n: number, of: number, share: number) =>
    `Sfumati ${n} territori su ${of}: il loro intervallo 5–95% della posizione copre più del ${Math.round(share * 100)}% della classifica.`,
  fadeWaiting: 'Lo sfumato appare al termine della simulazione.',
  ownLevel: 'Peso da dati del livello',
  ownLevelNote: (level: IndexLevelName, share: number) =>
    level === 'region'
      ? `A livello regionale il ${pct(share, 'it')} % del peso viene da dati regionali.`
      : `A livello ${IT_ADJ[level][0]} in media il ${pct(share, 'it')} % del peso viene da dati ${IT_ADJ[level][1]}; il resto da dati di livello superiore (⚑).`,
  groupNote: (grouping: string, share: number) =>
    `Raggruppamento «${grouping}»: indicatori aggregati dai comuni, configurazione predefinita del livello comunale; in media il ${pct(share, 'it')} % del peso viene da dati comunali aggregati, il resto da province e regioni (⚑).`,
  reference: 'Riferimento «Italia»',
  refSources: {
    italy: 'valore nazionale della fonte',
    sums: (level: string) => `calcolato dai numeratori e denominatori (${level})`,
    mean: 'nessun valore nazionale: media semplice dei territori',
    none: 'nessun dato',
  },
  refFallback: (labels: string) =>
    `Senza valore nazionale (né riga Italia né numeratori e denominatori): ${labels}. Per la distanza dall’Italia e l’AMPI si usa la media semplice dei territori del livello.`,
  differenceForm: (labels: string) =>
    `Distanza dall’Italia come differenza scalata, 100 + 10·(x − Italia)/dev.st., per: ${labels} (variazioni, divari o riferimento piccolo rispetto alla dispersione).`,
  exportCsv: 'Esporta tabella (CSV)',
  saveConfig: 'Salva configurazione (JSON)',
  loadConfig: 'Carica configurazione',
  configErrors: 'La configurazione non è valida',
  methodPage: 'Come è calcolato',
  ranking: 'Classifica',
  region: 'Regione',
  allRegions: 'Tutte le regioni',
  score: 'Punteggio',
  rank: 'Posizione',
  interval: 'Intervallo 5–95%',
  observed: 'Peso osservato',
  insufficient: 'dati insufficienti',
  notScored: 'non calcolato',
  breakdown: 'Scomposizione del coefficiente',
  pillarScores: 'Punteggi per pilastro',
  contribution: 'Contributo',
  normalised: 'Valore normalizzato',
  raw: 'Valore',
  weight: 'Peso',
  from: {
    comune: 'valore comunale',
    province: 'valore provinciale',
    region: 'valore regionale',
    italy: 'valore nazionale',
    sll: 'valore del sistema locale',
  },
  imputed: 'mancante',
  waitingData: 'Caricamento degli indicatori…',
  close: 'Chiudi',
  uncertainMark: 'posizione incerta',
};

export type CoefDict = typeof it;

const en: CoefDict = {
  title: 'Employability coefficient',
  intro:
    'How favourable the territory is to the labour-market inclusion of third-country nationals: a composite index of the indicators chosen below.',
  presets: 'Presets',
  pillarWeights: 'Pillar weights',
  indicators: 'Indicators and weights',
  weightOf: (label: string) => `Weight of ${label}`,
  include: (label: string) => `Include ${label}`,
  polarity: 'Polarity',
  polarityUp: '↑ higher = better',
  polarityDown: '↓ lower = better',
  flipPolarity: (label: string) => `Flip the polarity of ${label}`,
  method: 'Method',
  missing: 'Missing values',
  missingOptions: { reweight: 'Re-weight the other indicators', impute_parent: 'Use the parent territory’s value' },
  respread: 'A missing indicator’s weight goes',
  respreadOptions: { pillar: 'to the other indicators of its pillar', all: 'to all the other indicators' },
  minObserved: 'Minimum observed share of weight',
  winsor: 'Outliers (winsorising)',
  winsorOff: 'none',
  normalisation: 'Normalisation',
  normalisations: {
    minmax: 'Min–max 0–100',
    zscore: 'z-scores',
    percentile: 'Percentile rank',
    distance_to_ref: 'Distance to Italy (= 100)',
  },
  aggregation: 'Aggregation',
  aggregations: { arithmetic: 'Arithmetic mean', geometric: 'Geometric mean', ampi: 'AMPI− (Mazziotta–Pareto)' },
  uncertainty: 'Rank uncertainty',
  draws: 'Draws',
  seed: 'Seed',
  concentration: 'Weight variability (concentration)',
  switchNormalisation: 'Also vary the normalisation',
  switchAggregation: 'Also vary the aggregation',
  mcRunning: (p: number) => `Simulating… ${Math.round(p * 100)}%`,
  mcReady: (n: number, ms: number) => `${n} draws in ${Math.round(ms)} ms`,
  fade: 'Fade territories whose rank is uncertain',
  uncertainShare: 'Rank uncertain when the 5–95% interval exceeds',
  uncertainShareOption: (p: number) => `${Math.round(p * 100)}% of the ranking`,
  fadeNote: (n: number, of: number, share: number) =>
    `${n} of ${of} territories faded: their 5–95% rank interval covers more than ${Math.round(share * 100)}% of the ranking.`,
  fadeWaiting: 'The fading appears when the simulation is done.',
  ownLevel: 'Weight from the level’s data',
  ownLevelNote: (level: IndexLevelName, share: number) =>
    level === 'region'
      ? `At regional level ${pct(share, 'en')} % of the weight comes from regional data.`
      : `At ${EN_ADJ[level]} level, on average ${pct(share, 'en')} % of the weight comes from ${EN_ADJ[level]} data; the rest from coarser levels (⚑).`,
  groupNote: (grouping: string, share: number) =>
    `Grouping “${grouping}”: indicators aggregated from the comuni, the comune level's default configuration; on average ${pct(share, 'en')} % of the weight comes from aggregated comune data, the rest from provinces and regions (⚑).`,
  reference: '“Italy” reference',
  refSources: {
    italy: 'the source’s national value',
    sums: (level: string) => `computed from numerators and denominators (${level})`,
    mean: 'no national value: plain mean of the territories',
    none: 'no data',
  },
  refFallback: (labels: string) =>
    `No national value (neither an Italy row nor numerators and denominators): ${labels}. Distance to Italy and AMPI use the plain mean of the level’s territories.`,
  differenceForm: (labels: string) =>
    `Distance to Italy as a scaled difference, 100 + 10·(x − Italy)/sd, for: ${labels} (changes, gaps, or a reference small against the spread).`,
  exportCsv: 'Export table (CSV)',
  saveConfig: 'Save configuration (JSON)',
  loadConfig: 'Load configuration',
  configErrors: 'The configuration is not valid',
  methodPage: 'How it is computed',
  ranking: 'Ranking',
  region: 'Region',
  allRegions: 'All regions',
  score: 'Score',
  rank: 'Rank',
  interval: '5–95% interval',
  observed: 'Observed weight',
  insufficient: 'insufficient data',
  notScored: 'not scored',
  breakdown: 'Breakdown of the coefficient',
  pillarScores: 'Pillar scores',
  contribution: 'Contribution',
  normalised: 'Normalised value',
  raw: 'Value',
  weight: 'Weight',
  // prettier-ignore
  from: { comune: 'municipal value', province: 'provincial value', region: 'regional value', italy: 'national value', sll: 'local labour system value' },
  imputed: 'missing',
  waitingData: 'Loading the indicators…',
  close: 'Close',
  uncertainMark: 'uncertain rank',
};

export const coefDict = (lang: Lang): CoefDict => (lang === 'en' ? en : it);
