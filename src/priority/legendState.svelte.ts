/** What the bivariate legend shows besides the colours (the legend component only receives `lang`). */
import type { Bilingual } from '../analytics/catalogue';

export const legendAxes = $state<{ y: Bilingual; counts: number[] }>({
  y: { it: 'copertura', en: 'coverage' },
  counts: [],
});
