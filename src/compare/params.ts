/** The comparison's URL parameter: the territories picked (`cmp=` codes at the current level, at most 6). */
import type { UrlParam } from '../state/url';

declare module '../state/url' {
  interface ViewParams {
    /** territories picked for comparison (codes at the current level) */
    compare: string[];
  }
}

export const COMPARE: UrlParam<'compare'> = {
  field: 'compare',
  key: 'cmp',
  owner: 'compare',
  default: [],
  parse: (raw) =>
    (raw ?? '')
      .split(',')
      .filter((c) => /^[0-9A-Z]{2,6}$/.test(c))
      .slice(0, 6),
  format: (v) => (v.length ? v.join(',') : null),
  navigation: true,
};
