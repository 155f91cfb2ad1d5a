/** Small helpers for the SVG strings the charts build: escaping, rounding, colour-blind-safe colours. */

/** Escape text for SVG/XML content and attribute values (territory names come from data files). */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate rounded to one decimal (stable snapshots, small files). */
export function r1(x: number): number {
  const v = Math.round(x * 10) / 10;
  return v === 0 ? 0 : v;
}

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'] as const;

export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length];
}

let counter = 0;
/** A prefix for ids inside one SVG (title/desc for screen readers). Deterministic when `seed` is given. */
export function chartId(seed?: string): string {
  return seed ? seed.replace(/[^A-Za-z0-9_-]/g, '-') : `chart-${++counter}`;
}
