// The d3-scale-chromatic source of the app's palettes, used only by scripts/gen-palettes.ts and its test
// (the app itself reads the generated palettes.data.ts, so its first bundle carries no d3 colour module).
import {
  color,
  interpolateCividis,
  interpolateViridis,
  schemeBlues,
  schemeGreens,
  schemeOrRd,
  schemePuOr,
  schemePurples,
  schemeRdBu,
  schemeYlGnBu,
} from 'd3';

import { MIN_SCHEME_CLASSES, MAX_SCHEME_CLASSES, SCHEME_NAMES, type SchemeName } from './palettes';

type Brewer = readonly (readonly string[])[];

const BREWER: Record<Exclude<SchemeName, 'viridis' | 'cividis'>, Brewer> = {
  YlGnBu: schemeYlGnBu,
  Blues: schemeBlues,
  Purples: schemePurples,
  OrRd: schemeOrRd,
  Greens: schemeGreens,
  RdBu: schemeRdBu,
  PuOr: schemePuOr,
};

function toHex(css: string): string {
  const c = color(css);
  if (!c) throw new Error(`Not a colour: ${css}`);
  return c.formatHex();
}

function sampleRamp(ramp: (t: number) => string, k: number): string[] {
  if (k === 1) return [toHex(ramp(0.5))];
  return Array.from({ length: k }, (_, i) => toHex(ramp(i / (k - 1))));
}

function brewer(scheme: Brewer, k: number): string[] {
  if (k >= MIN_SCHEME_CLASSES) return [...scheme[k]];
  const three = scheme[3];
  return k === 2 ? [three[0], three[2]] : [three[1]];
}

/** k colours of scheme `name`, low → high, sampled from d3-scale-chromatic as documented in palettes.ts. */
export function d3SchemeColors(name: SchemeName, k: number): string[] {
  if (!Number.isInteger(k) || k < 0 || k > MAX_SCHEME_CLASSES) {
    throw new Error(`schemeColors: k must be an integer 0..${MAX_SCHEME_CLASSES}, got ${k}.`);
  }
  if (k === 0) return [];
  let colors: string[];
  if (name === 'viridis') colors = sampleRamp(interpolateViridis, k);
  else if (name === 'cividis') colors = sampleRamp(interpolateCividis, k);
  else if (Object.hasOwn(BREWER, name)) colors = brewer(BREWER[name], k).map(toHex);
  else throw new Error(`schemeColors: unknown scheme "${String(name)}". Known: ${SCHEME_NAMES.join(', ')}.`);
  return colors;
}
