/** Words of the coefficient's audit (Italian first, English too). */
import type { Lang } from '../../i18n';
import type { Factor } from '../../analytics/composite/audit';

const pc = (x: number) => `${Math.round(100 * Math.max(0, x))} %`;

const it = {
  open: 'Audit statistico dell’indice',
  title: 'Audit statistico del coefficiente',
  intro:
    'Quanto è solido l’indice con la configurazione e il livello in uso: se gli indicatori vanno nella stessa direzione, quali hanno valori estremi, e quale delle scelte aperte sposta di più la classifica. Convenzioni di COINr (JRC).',
  run: 'Calcola l’audit',
  rerun: 'Ricalcola',
  running: (p: number) => `Analisi di sensibilità in corso… ${Math.round(p * 100)}%`,
  done: (runs: number, ms: number, seed: number) =>
    `${runs} calcoli dell’indice in ${Math.round(ms)} ms (seme ${seed})`,
  stale: 'La configurazione è cambiata: ricalcola l’audit.',
  failed: (m: string) => `L’audit non è riuscito: ${m}`,
  close: 'Chiudi',
  exportJson: 'Esporta l’audit (JSON)',
  drivers: 'Cosa muove questa classifica',
  correlations: 'Correlazioni tra indicatori',
  correlationNote:
    'Pearson sui valori normalizzati (più alto = meglio); tra parentesi nel suggerimento: Spearman e valore p. In grassetto |r| > 0,9 (quasi doppioni); in rosso, correlazioni negative.',
  withPillar: 'con il pilastro',
  withIndex: 'con l’indice',
  alpha: 'Coerenza dei pilastri (alfa di Cronbach)',
  alphaLine: (pillar: string, a: string, k: number, n: number) =>
    `${pillar}: α = ${a} (${k} indicatori, ${n} territori completi)`,
  alphaHint: 'Sopra 0,7 gli indicatori del pilastro misurano la stessa cosa; sotto 0,5 vanno in direzioni diverse.',
  pca: 'Componenti principali',
  pcaLine: (share: string) => `La prima componente spiega il ${share} della varianza degli indicatori.`,
  loadings: 'Pesi della prima componente',
  outliers: 'Valori estremi',
  outlierRule:
    'Regola di COINr: un indicatore va trattato se |asimmetria| ≥ 2 e curtosi ≥ 3,5 (definizioni «tipo 2», come Excel).',
  noOutliers: 'Nessun indicatore supera la regola.',
  outlierLine: (label: string, skew: string, kurt: string, points: number, passes: boolean) =>
    `${label}: asimmetria ${skew}, curtosi ${kurt} → winsorizzare ${points} ${points === 1 ? 'valore' : 'valori'}${passes ? '' : ' (non basta: trasformazione logaritmica)'}`,
  skew: 'Asimmetria',
  kurt: 'Curtosi',
  factor: 'Scelta',
  first: 'Da sola',
  total: 'Con le interazioni',
  interval: 'intervallo 5–95 %',
  factors: {
    weights: 'i pesi',
    normalisation: 'la normalizzazione',
    aggregation: 'l’aggregazione',
    missing: 'la regola per i dati mancanti',
    winsor: 'la winsorizzazione',
  } as Record<Factor, string>,
  /** "depends on …" with the Italian articulated preposition */
  factorsFrom: {
    weights: 'dai pesi',
    normalisation: 'dalla normalizzazione',
    aggregation: 'dall’aggregazione',
    missing: 'dalla regola per i dati mancanti',
    winsor: 'dalla winsorizzazione',
  } as Record<Factor, string>,
  factorNames: {
    weights: 'Pesi',
    normalisation: 'Normalizzazione',
    aggregation: 'Aggregazione',
    missing: 'Dati mancanti',
    winsor: 'Winsorizzazione',
  } as Record<Factor, string>,
  plainTop: (f: string, first: number, total: number, shift: number) =>
    `Più di tutto, la classifica dipende ${f}: questa scelta, da sola, spiega circa il ${pc(first)} della variazione delle posizioni, con le sue interazioni il ${pc(total)}. In media, cambiando le scelte aperte, un territorio si sposta di ${shift.toFixed(1).replace('.', ',')} posizioni.`,
  plainInterval: (lo: string, hi: string, n: number) =>
    `Stima con N = ${n}: l’indice totale sta tra ${lo} e ${hi} (intervallo bootstrap 5–95 %); con un N più grande l’intervallo si stringe.`,
  baseSample: 'Campione di base N (calcoli)',
  mostUncertain: 'I territori la cui posizione si sposta di più',
  territory: 'Territorio',
  rank: 'Posizione',
  rankSd: 'Deviazione standard della posizione',
  mainDriver: 'Causa principale (indice totale)',
  plainNext: (f: string, total: number) => `Poi ${f} (${pc(total)} con le interazioni).`,
  plainNone: (fs: string) => `Non contano quasi: ${fs} (meno del 5 %).`,
  plainInteractions:
    'La somma degli effetti «da soli» è molto sotto 1: le scelte agiscono insieme (per esempio la normalizzazione conta solo con certe aggregazioni).',
  perTerritory: (n: number, f: string) => `${n} territori hanno come prima causa di incertezza ${f}`,
  selected: (name: string, f: string, total: number) =>
    `${name}: la sua posizione dipende soprattutto ${f} (${pc(total)} con le interazioni).`,
  selectedFixed: (name: string) => `${name}: la sua posizione non cambia con nessuna delle scelte aperte.`,
  method:
    'Metodo: indici di Sobol del primo ordine e totali (stimatori di Saltelli 2010 e Jansen) da un disegno di Saltelli con N·(5 + 2) calcoli, seme fisso; intervalli bootstrap 5–95 %. Fattori: pesi (uno di 100 insiemi estratti da una Dirichlet intorno ai pesi scelti), normalizzazione (4), aggregazione (3), dati mancanti (2), winsorizzazione (nessuna o 5–95 %). Uscite: la posizione di ogni territorio e lo spostamento medio assoluto dalla classifica scelta.',
};

export type AuditDict = typeof it;

const en: AuditDict = {
  open: 'Statistical audit of the index',
  title: 'Statistical audit of the coefficient',
  intro:
    'How solid the index is with the configuration and level in use: whether the indicators pull together, which have extreme values, and which of the open choices moves the ranking most. COINr (JRC) conventions.',
  run: 'Run the audit',
  rerun: 'Run again',
  running: (p: number) => `Sensitivity analysis… ${Math.round(p * 100)}%`,
  done: (runs: number, ms: number, seed: number) =>
    `${runs} computations of the index in ${Math.round(ms)} ms (seed ${seed})`,
  stale: 'The configuration has changed: run the audit again.',
  failed: (m: string) => `The audit failed: ${m}`,
  close: 'Close',
  exportJson: 'Export the audit (JSON)',
  drivers: 'What drives this ranking',
  correlations: 'Correlations between indicators',
  correlationNote:
    'Pearson on the normalised values (higher = better); the tooltip adds Spearman and the p-value. Bold: |r| > 0.9 (near duplicates); red: negative correlations.',
  withPillar: 'with its pillar',
  withIndex: 'with the index',
  alpha: 'Consistency of the pillars (Cronbach’s alpha)',
  alphaLine: (pillar: string, a: string, k: number, n: number) =>
    `${pillar}: α = ${a} (${k} indicators, ${n} complete territories)`,
  alphaHint: 'Above 0.7 the pillar’s indicators measure the same thing; below 0.5 they pull apart.',
  pca: 'Principal components',
  pcaLine: (share: string) => `The first component explains ${share} of the indicators’ variance.`,
  loadings: 'First-component loadings',
  outliers: 'Outliers',
  outlierRule:
    'COINr’s rule: an indicator needs treatment when |skew| ≥ 2 and kurtosis ≥ 3.5 (“type 2” definitions, as Excel).',
  noOutliers: 'No indicator fails the rule.',
  outlierLine: (label: string, skew: string, kurt: string, points: number, passes: boolean) =>
    `${label}: skew ${skew}, kurtosis ${kurt} → winsorise ${points} ${points === 1 ? 'value' : 'values'}${passes ? '' : ' (not enough: log transform)'}`,
  skew: 'Skew',
  kurt: 'Kurtosis',
  factor: 'Choice',
  first: 'Alone',
  total: 'With interactions',
  interval: '5–95 % interval',
  factors: {
    weights: 'the weights',
    normalisation: 'the normalisation',
    aggregation: 'the aggregation',
    missing: 'the missing-value rule',
    winsor: 'winsorising',
  },
  factorsFrom: {
    weights: 'the weights',
    normalisation: 'the normalisation',
    aggregation: 'the aggregation',
    missing: 'the missing-value rule',
    winsor: 'winsorising',
  },
  factorNames: {
    weights: 'Weights',
    normalisation: 'Normalisation',
    aggregation: 'Aggregation',
    missing: 'Missing values',
    winsor: 'Winsorising',
  },
  plainTop: (f: string, first: number, total: number, shift: number) =>
    `Above all, the ranking depends on ${f}: alone it explains about ${pc(first)} of the variation in ranks, with its interactions ${pc(total)}. On average, changing the open choices moves a territory by ${shift.toFixed(1)} places.`,
  plainInterval: (lo: string, hi: string, n: number) =>
    `Estimated with N = ${n}: the total index lies between ${lo} and ${hi} (bootstrap 5–95 % interval); a larger N narrows it.`,
  baseSample: 'Base sample N (computations)',
  mostUncertain: 'The territories whose rank moves most',
  territory: 'Territory',
  rank: 'Rank',
  rankSd: 'Standard deviation of the rank',
  mainDriver: 'Main driver (total index)',
  plainNext: (f: string, total: number) => `Then ${f} (${pc(total)} with interactions).`,
  plainNone: (fs: string) => `Hardly matter: ${fs} (below 5 %).`,
  plainInteractions:
    'The “alone” effects add up to well below 1: the choices act together (e.g. the normalisation matters only with some aggregations).',
  perTerritory: (n: number, f: string) => `${n} territories have ${f} as the first cause of their uncertainty`,
  selected: (name: string, f: string, total: number) =>
    `${name}: its rank depends mostly on ${f} (${pc(total)} with interactions).`,
  selectedFixed: (name: string) => `${name}: its rank does not change with any of the open choices.`,
  method:
    'Method: first-order and total Sobol indices (Saltelli 2010 and Jansen estimators) from a Saltelli design of N·(5 + 2) computations, fixed seed; bootstrap 5–95 % intervals. Factors: weights (one of 100 sets drawn from a Dirichlet around the chosen weights), normalisation (4), aggregation (3), missing values (2), winsorising (none or 5–95 %). Outputs: each territory’s rank and the mean absolute shift from the chosen ranking.',
};

export const auditDict = (lang: Lang): AuditDict => (lang === 'en' ? en : it);
