import { COLOURS } from './palettes.data';

/**
 * Colour-blind-safe choropleth schemes, 3..9 classes, as explicit hex arrays.
 * ColorBrewer schemes come from d3-scale-chromatic (only those ColorBrewer marks
 * colour-blind safe); viridis and cividis are sampled at k evenly spaced points
 * t = i/(k−1), i = 0..k−1, of the continuous ramp.
 * Order is low → high value: light → dark for the ColorBrewer sequential
 * schemes, dark → light (their published orientation) for viridis and cividis; for the
 * diverging ones the first colour is the low end (red / orange) and the last the
 * high end (blue / purple).
 */
export type SequentialScheme = 'YlGnBu' | 'Blues' | 'Purples' | 'OrRd' | 'Greens' | 'viridis' | 'cividis';
export type DivergingScheme = 'RdBu' | 'PuOr';
export type SchemeName = SequentialScheme | DivergingScheme;

export const SEQUENTIAL_SCHEMES: readonly SequentialScheme[] = [
  'YlGnBu',
  'Blues',
  'Purples',
  'OrRd',
  'Greens',
  'viridis',
  'cividis',
];
export const DIVERGING_SCHEMES: readonly DivergingScheme[] = ['RdBu', 'PuOr'];
export const SCHEME_NAMES: readonly SchemeName[] = [...SEQUENTIAL_SCHEMES, ...DIVERGING_SCHEMES];

export const MIN_SCHEME_CLASSES = 3;
export const MAX_SCHEME_CLASSES = 9;

export function isDiverging(name: SchemeName): name is DivergingScheme {
  return (DIVERGING_SCHEMES as readonly string[]).includes(name);
}

export interface SchemeOptions {
  /** reverse the order, e.g. for polarity −1 (lower is better) so that "better" keeps the same colour end */
  reverse?: boolean;
}

/**
 * k colours (lowercase "#rrggbb") of scheme `name`, low → high.
 * k = 3..9 are the published schemes; k = 1 or 2 (a classification with few
 * distinct values) take the middle, or the two ends, of the 3-class scheme;
 * k = 0 gives []. Other k or an unknown name throw.
 */
export function schemeColors(name: SchemeName, k: number, options: SchemeOptions = {}): string[] {
  if (!Number.isInteger(k) || k < 0 || k > MAX_SCHEME_CLASSES) {
    throw new Error(`schemeColors: k must be an integer 0..${MAX_SCHEME_CLASSES}, got ${k}.`);
  }
  if (k === 0) return [];
  if (!Object.hasOwn(COLOURS, name))
    throw new Error(`schemeColors: unknown scheme "${String(name)}". Known: ${SCHEME_NAMES.join(', ')}.`);
  const colors = (COLOURS[name].split('|')[k - 1].match(/[0-9a-f]{6}/g) ?? []).map((h) => `#${h}`);
  return options.reverse ? colors.reverse() : colors;
}

/**
 * Style of the "no data" class. A light neutral grey that is in none of the
 * palettes, ALWAYS drawn with the diagonal hatch (map fill pattern and legend
 * swatch alike) so that it can never be read as a value, even by someone who
 * cannot tell the grey from a pale palette colour.
 */
export const NO_DATA = Object.freeze({
  /** background of the hatched swatch / polygon */
  fill: '#e6e6e6',
  /** colour of the hatch lines */
  hatch: '#8c8c8c',
  /** hatch geometry: lines at 45°, every `spacing` px, `width` px thick */
  angle: 45,
  spacing: 6,
  width: 1,
  /** suggested id for an SVG <pattern> */
  patternId: 'no-data-hatch',
});
