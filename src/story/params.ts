/** The presentation's URL parameter: the slide shown (`slide=`, 0-based, written while the story is open). */
import type { UrlParam } from '../state/url';

declare module '../state/url' {
  interface ViewParams {
    /** the slide of the open story, 0-based */
    slide: number;
  }
}

export const SLIDE: UrlParam<'slide'> = {
  field: 'slide',
  key: 'slide',
  owner: 'story',
  default: 0,
  parse: (raw) => {
    const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
    return Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
  },
  format: (v, view) => (view.tool === 'story' ? String(v) : null),
  navigation: true,
};
