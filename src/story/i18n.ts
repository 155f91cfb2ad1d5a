/** Words of the presentation mode (loaded with it). */
import type { Lang } from '../i18n';

const it = {
  region: 'Presentazione',
  prev: 'Diapositiva precedente',
  next: 'Diapositiva successiva',
  counter: (i: number, n: number) => `${i} di ${n}`,
  fullscreen: 'Schermo intero',
  exitFullscreen: 'Esci dallo schermo intero',
  close: 'Chiudi la presentazione',
  menu: 'Storia',
  sources: 'Fonti',
  loading: 'Caricamento della storia…',
  keys: 'Frecce, PagSu/PagGiù o spazio per cambiare diapositiva; F per lo schermo intero.',
  load: 'Carica una storia (JSON)',
  save: 'Salva la storia (JSON)',
  copyLink: 'Copia il link della storia',
  copied: 'Link copiato',
  defaultStory: 'Storia predefinita',
  addSlide: 'Aggiungi la vista attuale come diapositiva',
  removeSlide: 'Rimuovi questa diapositiva',
  slideTitle: 'Titolo',
  slideCaption: 'Didascalia (segnaposto: {value:ind:livello:codice})',
  add: 'Aggiungi',
  problems: 'Problemi nella storia',
  linkLabel: 'Link della storia',
  coefSource: 'Coefficienti, calcolato dagli indicatori del catalogo',
};

export type StoryDict = typeof it;

const en: StoryDict = {
  region: 'Presentation',
  prev: 'Previous slide',
  next: 'Next slide',
  counter: (i: number, n: number) => `${i} of ${n}`,
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  close: 'Close the presentation',
  menu: 'Story',
  sources: 'Sources',
  loading: 'Loading the story…',
  keys: 'Arrows, PageUp/PageDown or space to change slide; F for full screen.',
  load: 'Load a story (JSON)',
  save: 'Save the story (JSON)',
  copyLink: 'Copy the story’s link',
  copied: 'Link copied',
  defaultStory: 'Default story',
  addSlide: 'Add the current view as a slide',
  removeSlide: 'Remove this slide',
  slideTitle: 'Title',
  slideCaption: 'Caption (placeholders: {value:ind:level:code})',
  add: 'Add',
  problems: 'Problems in the story',
  linkLabel: 'Link to the story',
  coefSource: 'Coefficienti, computed from the catalogue indicators',
};

export function storyDict(lang: Lang): StoryDict {
  return lang === 'en' ? en : it;
}
