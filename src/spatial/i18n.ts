/** Words of the spatial clusters view (loaded with it, not in the first bundle). */
import type { Lang } from '../i18n';

const it = {
  title: 'Cluster spaziali',
  intro:
    'I territori simili ai vicini formano gruppi? L’indice di Moran misura quanto un indicatore è raggruppato nello spazio; la mappa LISA mostra dove.',
  indicator: 'Indicatore',
  variable: 'Variabile',
  groupIndicators: 'Indicatori',
  groupCoefficient: 'Coefficiente',
  groupCoverage: 'Copertura',
  groupImported: 'Importati',
  coefficientOption: 'Coefficiente di occupabilità (configurazione corrente)',
  coefSource: (base: string, norm: string, agg: string, n: number, custom: boolean) =>
    `${base}; coefficiente, configurazione ${custom ? 'del link' : 'predefinita del livello'}: ${n} indicatori, ${norm}, ${agg}`,
  coverageNote: 'Copertura: il motore della vista Copertura, con il suo strato e le sue impostazioni correnti.',
  variableLine: (label: string, source: string) => `${label} — fonte: ${source}`,
  notOffered: (coefficient: boolean, where: string) =>
    `${coefficient ? 'Il coefficiente non è calcolato' : 'Le misure di copertura non sono calcolate'} ${where}: scegli un indicatore o un altro livello.`,
  whereNuts2: 'per le regioni europee (NUTS2), perché le viste Coefficiente e Copertura usano solo territori italiani',
  whereGroup:
    'per un raggruppamento importato, perché dai comuni ai gruppi si aggregano solo gli indicatori e le misure di copertura',
  nonEuGroup:
    'Questa misura non è calcolata per un raggruppamento importato (i residenti non UE per gruppo non sono stimati): scegli un’altra misura o un indicatore.',
  groupNeighbours:
    'Raggruppamento importato: due gruppi sono vicini se un comune dell’uno confina (lato o vertice) con un comune dell’altro; per k più vicini e distanza, il punto di un gruppo è la media dei punti dei suoi comuni.',
  weights: 'Vicini',
  queen: 'confinanti (lato o vertice in comune)',
  knn: (k: number) => `i ${k} più vicini`,
  band: (km: number) => `entro ${km} km`,
  bandKm: 'Distanza (km)',
  permutations: 'Permutazioni',
  alpha: 'Soglia di significatività',
  fdr: 'Correzione per confronti multipli (FDR di Benjamini–Hochberg)',
  islands: 'Territori senza confinanti',
  keepIsolated: 'tenerli a parte (“isolati”)',
  attach: (k: number) => `collegarli ai ${k} più vicini`,
  seed: 'Seme',
  computing: 'Calcolo in corso…',
  waiting: 'In attesa dei dati…',
  noValues: 'Questo indicatore non ha valori propri a questo livello: scegli un altro livello o indicatore.',
  ownOnly: 'Solo i valori propri del livello: un valore che la mappa eredita da un livello superiore qui è mancante.',
  global: 'Indice di Moran globale',
  moranI: 'I di Moran',
  expected: 'E[I] (nessuna autocorrelazione)',
  z: 'z (ipotesi di randomizzazione)',
  pSim: (p: number) => `p (pseudo, ${p} permutazioni)`,
  analysed: 'Territori analizzati',
  isolatedCount: 'Isolati (nessun vicino con un valore)',
  attachedCount: 'Isole collegate ai più vicini',
  missing: 'Senza valore',
  cutoff: 'Soglia p usata',
  readI: (i: number): string =>
    i > 0.3
      ? 'forte raggruppamento: valori simili stanno vicini'
      : i > 0.1
        ? 'raggruppamento moderato'
        : i > -0.1
          ? 'nessuna struttura spaziale marcata'
          : 'valori vicini tendono a essere diversi',
  ms: (ms: number, w: number) =>
    `calcolato in ${Math.round(ms)} ms${w >= 1 ? ` (più ${Math.round(w)} ms per i vicini, solo la prima volta)` : ''}`,
  clusters: {
    1: 'alto-alto',
    2: 'basso-basso',
    3: 'basso-alto',
    4: 'alto-basso',
    0: 'non significativo',
    6: 'isolato',
  } as Record<number, string>,
  legendTitle: 'Cluster LISA',
  legendNote:
    'Colori: schema rosso-blu di C. Brewer (leggibile con le forme comuni di daltonismo); isolati in grigio scuro tratteggiato.',
  method: 'Metodo',
  methodNote:
    'Convenzioni di GeoDa: pesi standardizzati per riga; I locale di Moran con permutazione condizionata (il territorio resta fermo, i valori dei vicini sono estratti dagli altri); pseudo p = (min(#≥, #<) + 1)/(permutazioni + 1); codici 1 alto-alto, 2 basso-basso, 3 basso-alto, 4 alto-basso, 0 non significativo, 6 isolato. FDR: procedura step-up di Benjamini–Hochberg (se nessun p passa, nessun territorio è significativo). I territori senza vicini non sono permutati e non ricevono un ritardo pari a zero. Permutazioni con seme: stesso risultato di `npm run spatial`. Variabili: un indicatore (del catalogo o importato), il coefficiente della configurazione corrente (i punteggi della vista Coefficiente) o una misura di copertura (il motore della vista Copertura). Livelli: regioni, province, comuni, SLL, regioni europee NUTS2 (solo indicatori) e raggruppamenti importati (vicini: due gruppi i cui comuni confinano).',
  scatterTitle: 'Diagramma di Moran',
  scatterDesc: (n: number, i: string) =>
    `${n} territori: valore standardizzato (orizzontale) e media standardizzata dei vicini (verticale); la pendenza della retta è I = ${i}. Clic su un punto per selezionare il territorio.`,
  xAxis: 'valore (standardizzato)',
  yAxis: 'media dei vicini (standardizzata)',
  hide: 'Nascondi il grafico',
  show: 'Mostra il grafico',
  table: 'Cluster spaziali per territorio',
  territory: 'Territorio',
  value: 'Valore',
  lag: 'Media dei vicini',
  lisaI: 'I locale',
  lisaP: 'p',
  cluster: 'Cluster',
  neighbours: 'Vicini',
  exportCsv: 'Esporta CSV',
  metaLabel: (l: string) => `Cluster spaziali: ${l}`,
  unit: 'cluster LISA',
};

export type SpatialDict = typeof it;

const en: SpatialDict = {
  title: 'Spatial clusters',
  intro:
    'Do territories resemble their neighbours? Moran’s I measures how clustered an indicator is in space; the LISA map shows where.',
  indicator: 'Indicator',
  variable: 'Variable',
  groupIndicators: 'Indicators',
  groupCoefficient: 'Coefficient',
  groupCoverage: 'Coverage',
  groupImported: 'Imported',
  coefficientOption: 'Employability coefficient (current configuration)',
  coefSource: (base: string, norm: string, agg: string, n: number, custom: boolean) =>
    `${base}; coefficient, ${custom ? 'the link’s' : 'the level’s default'} configuration: ${n} indicators, ${norm}, ${agg}`,
  coverageNote: 'Coverage: the Coverage view’s engine, with its current layer and settings.',
  variableLine: (label: string, source: string) => `${label} — source: ${source}`,
  notOffered: (coefficient: boolean, where: string) =>
    `${coefficient ? 'The coefficient is' : 'Coverage measures are'} not computed ${where}: choose an indicator or another level.`,
  whereNuts2: 'for Europe’s regions (NUTS2), as the Coefficient and Coverage views use Italian territories only',
  whereGroup:
    'for an imported grouping, as only indicators and coverage measures are aggregated from the comuni to the groups',
  nonEuGroup:
    'This measure is not computed for an imported grouping (non-EU residents per group are not estimated): choose another measure or an indicator.',
  groupNeighbours:
    'Imported grouping: two groups are neighbours when a comune of one touches (edge or vertex) a comune of the other; for k nearest and distance, a group’s point is the mean of its comuni’s points.',
  weights: 'Neighbours',
  queen: 'contiguous (shared edge or vertex)',
  knn: (k: number) => `the ${k} nearest`,
  band: (km: number) => `within ${km} km`,
  bandKm: 'Distance (km)',
  permutations: 'Permutations',
  alpha: 'Significance threshold',
  fdr: 'Correct for multiple comparisons (Benjamini–Hochberg FDR)',
  islands: 'Territories without a contiguous neighbour',
  keepIsolated: 'keep them apart (“isolated”)',
  attach: (k: number) => `attach them to their ${k} nearest`,
  seed: 'Seed',
  computing: 'Computing…',
  waiting: 'Waiting for the data…',
  noValues: 'This indicator has no values of its own at this level: choose another level or indicator.',
  ownOnly: 'Only the level’s own values: a value the map inherits from a coarser level is missing here.',
  global: 'Global Moran’s I',
  moranI: 'Moran’s I',
  expected: 'E[I] (no autocorrelation)',
  z: 'z (randomisation assumption)',
  pSim: (p: number) => `p (pseudo, ${p} permutations)`,
  analysed: 'Territories analysed',
  isolatedCount: 'Isolated (no neighbour with a value)',
  attachedCount: 'Islands attached to their nearest',
  missing: 'Without a value',
  cutoff: 'p cut-off used',
  readI: (i: number) =>
    i > 0.3
      ? 'strong clustering: similar values sit together'
      : i > 0.1
        ? 'moderate clustering'
        : i > -0.1
          ? 'no marked spatial pattern'
          : 'neighbouring values tend to differ',
  ms: (ms: number, w: number) =>
    `computed in ${Math.round(ms)} ms${w >= 1 ? ` (plus ${Math.round(w)} ms for the neighbours, first time only)` : ''}`,
  clusters: {
    1: 'high-high',
    2: 'low-low',
    3: 'low-high',
    4: 'high-low',
    0: 'not significant',
    6: 'isolated',
  },
  legendTitle: 'LISA clusters',
  legendNote:
    'Colours: C. Brewer’s red–blue scheme (readable with the common colour-vision deficiencies); isolated in hatched dark grey.',
  method: 'Method',
  methodNote:
    'GeoDa’s conventions: row-standardised weights; local Moran’s I with conditional permutation (the territory stays, its neighbours’ values are drawn from the others); pseudo p = (min(#≥, #<) + 1)/(permutations + 1); codes 1 high-high, 2 low-low, 3 low-high, 4 high-low, 0 not significant, 6 isolated. FDR: Benjamini–Hochberg step-up procedure (when no p passes, no territory is significant). Territories without neighbours are not permuted and never given a zero lag. Seeded permutations: the same result as `npm run spatial`. Variables: an indicator (catalogue or imported), the coefficient of the current configuration (the Coefficient view’s scores) or a coverage measure (the Coverage view’s engine). Levels: regions, provinces, comuni, SLL, Europe’s NUTS2 regions (indicators only) and imported groupings (neighbours: two groups whose comuni touch).',
  scatterTitle: 'Moran scatterplot',
  scatterDesc: (n: number, i: string) =>
    `${n} territories: standardised value (horizontal) and standardised mean of the neighbours (vertical); the slope of the line is I = ${i}. Click a dot to select the territory.`,
  xAxis: 'value (standardised)',
  yAxis: 'neighbours’ mean (standardised)',
  hide: 'Hide the chart',
  show: 'Show the chart',
  table: 'Spatial clusters by territory',
  territory: 'Territory',
  value: 'Value',
  lag: 'Neighbours’ mean',
  lisaI: 'Local I',
  lisaP: 'p',
  cluster: 'Cluster',
  neighbours: 'Neighbours',
  exportCsv: 'Export CSV',
  metaLabel: (l: string) => `Spatial clusters: ${l}`,
  unit: 'LISA cluster',
};

export function spDict(lang: Lang): SpatialDict {
  return lang === 'en' ? en : it;
}
