/** Words of the export tool (loaded with it). */
import type { Lang } from '../i18n';

const it = {
  title: 'Esporta e condividi',
  close: 'Chiudi',
  png: 'Mappa PNG (schermo)',
  pngPrint: 'Mappa PNG (stampa, 300 dpi)',
  pngNote: 'Con titolo, legenda, scala, fonte e data.',
  csv: 'Tabella CSV (valori della mappa)',
  csvNote: 'Codice, nome, valore, posizione, valore ereditato ⚑.',
  link: 'Link a questa vista',
  copy: 'Copia il link',
  copied: 'Link copiato',
  svgNote: 'I grafici (confronto, scheda) si scaricano in SVG con il pulsante accanto a ciascuno.',
  working: 'Preparazione…',
  noMap: 'La mappa non è ancora pronta.',
  noData: 'dato non disponibile',
  inherited: (n: number) => `⚑ ${n} valori ereditati dal livello superiore`,
  level: { region: 'regioni', province: 'province', comune: 'comuni' } as Record<string, string>,
  year: 'anno',
  source: 'Fonte',
  date: 'data',
  credit: (d: string, url: string) => `Coefficienti — esportato il ${d} — ${url}`,
  ownLegend: 'Legenda propria della vista: vedi l’atlante',
};

export type ExportDict = typeof it;

const en: ExportDict = {
  title: 'Export and share',
  close: 'Close',
  png: 'Map PNG (screen)',
  pngPrint: 'Map PNG (print, 300 dpi)',
  pngNote: 'With title, legend, scale, source and date.',
  csv: 'Table CSV (the map’s values)',
  csvNote: 'Code, name, value, rank, inherited value ⚑.',
  link: 'Link to this view',
  copy: 'Copy the link',
  copied: 'Link copied',
  svgNote: 'Charts (compare, profile) download as SVG with the button next to each.',
  working: 'Preparing…',
  noMap: 'The map is not ready yet.',
  noData: 'no data',
  inherited: (n: number) => `⚑ ${n} values inherited from the coarser level`,
  level: { region: 'regions', province: 'provinces', comune: 'municipalities' },
  year: 'year',
  source: 'Source',
  date: 'date',
  credit: (d: string, url: string) => `Coefficienti — exported on ${d} — ${url}`,
  ownLegend: 'The view has its own legend: see the atlas',
};

export function exportDict(lang: Lang): ExportDict {
  return lang === 'en' ? en : it;
}
