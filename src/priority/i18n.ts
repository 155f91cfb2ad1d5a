/** Words of the priority view (loaded with it, not in the first bundle). */
import type { Lang } from '../i18n';
import type { Quadrant } from './quadrants';

const it = {
  title: 'Priorità per le politiche',
  intro:
    'Il coefficiente di occupabilità (asse orizzontale) incrociato con la copertura dei servizi (asse verticale, in alto = servizi migliori). In basso a destra: territori con alto potenziale e pochi servizi, dove intervenire prima.',
  coverageFrom: 'Copertura: livello e misura scelti nella vista Copertura',
  layer: 'Servizi',
  measure: 'Misura di copertura',
  cuts: 'Linee dei quadranti',
  medians: 'Mediane',
  manual: 'Valori scelti',
  xCut: 'Soglia del coefficiente',
  yCut: 'Soglia della copertura',
  quadrants: {
    priority: 'alto potenziale, pochi servizi: priorità',
    consolidate: 'alto potenziale, servizi presenti: consolidare',
    basic: 'basso potenziale, pochi servizi: servizi di base',
    support: 'basso potenziale, servizi presenti: accompagnare',
  } satisfies Record<Quadrant, string>,
  count: (n: number) => (n === 1 ? '1 territorio' : `${n} territori`),
  topPriority: 'Territori prioritari (coefficiente più alto)',
  scatterTitle: (x: string, y: string) => `Grafico a dispersione: ${x} (orizzontale) e ${y} (verticale)`,
  scatterDesc: (n: number, p: number) =>
    `${n} territori, di cui ${p} nel quadrante “priorità”. Clic su un punto per selezionare il territorio; trascina per evidenziarne un gruppo sulla mappa.`,
  clearBrush: 'Annulla la selezione del gruppo',
  brushed: (n: number) => `${n} territori evidenziati sulla mappa`,
  hide: 'Nascondi il grafico',
  show: 'Mostra il grafico',
  legendTitle: 'Coefficiente × copertura',
  legendX: 'coefficiente →',
  legendY: 'copertura →',
  legendPriority: 'priorità',
  legendNote:
    'Terzili di ciascuna misura. Colori: schema blu × arancio di C. Brewer, distinguibile con le forme comuni di daltonismo.',
  waiting: 'In attesa del coefficiente e della copertura…',
  table: 'Priorità per territorio',
  territory: 'Territorio',
  coefficient: 'Coefficiente',
  coverage: 'Copertura',
  quadrant: 'Quadrante',
  unit: 'punteggio del coefficiente; colori: con la copertura',
  metaLabel: (y: string) => `Priorità: coefficiente × ${y}`,
};

export type PriorityDict = typeof it;

const en: PriorityDict = {
  title: 'Priority for policy',
  intro:
    'The employability coefficient (horizontal axis) crossed with service coverage (vertical axis, up = better services). Bottom right: territories with high potential and few services, where to act first.',
  coverageFrom: 'Coverage: layer and measure chosen in the Coverage view',
  layer: 'Services',
  measure: 'Coverage measure',
  cuts: 'Quadrant lines',
  medians: 'Medians',
  manual: 'Chosen values',
  xCut: 'Coefficient threshold',
  yCut: 'Coverage threshold',
  quadrants: {
    priority: 'high potential, few services: priority',
    consolidate: 'high potential, services present: consolidate',
    basic: 'low potential, few services: basic services',
    support: 'low potential, services present: support inclusion',
  },
  count: (n: number) => (n === 1 ? '1 territory' : `${n} territories`),
  topPriority: 'Priority territories (highest coefficient)',
  scatterTitle: (x: string, y: string) => `Scatter plot: ${x} (horizontal) and ${y} (vertical)`,
  scatterDesc: (n: number, p: number) =>
    `${n} territories, ${p} of them in the “priority” quadrant. Click a dot to select the territory; drag to highlight a group on the map.`,
  clearBrush: 'Clear the highlighted group',
  brushed: (n: number) => `${n} territories highlighted on the map`,
  hide: 'Hide the chart',
  show: 'Show the chart',
  legendTitle: 'Coefficient × coverage',
  legendX: 'coefficient →',
  legendY: 'coverage →',
  legendPriority: 'priority',
  legendNote:
    'Terciles of each measure. Colours: C. Brewer’s blue × orange scheme, distinguishable with the common colour-vision deficiencies.',
  waiting: 'Waiting for the coefficient and the coverage…',
  table: 'Priority by territory',
  territory: 'Territory',
  coefficient: 'Coefficient',
  coverage: 'Coverage',
  quadrant: 'Quadrant',
  unit: 'coefficient score; colours: with coverage',
  metaLabel: (y: string) => `Priority: coefficient × ${y}`,
};

export function prioDict(lang: Lang): PriorityDict {
  return lang === 'en' ? en : it;
}
