/**
 * The class colour of each territory of a level for an indicator, with the view's classification
 * settings (method, classes, scheme) — what the map would show at that level. Manual breaks belong to
 * the map's level, so other levels fall back to quantiles.
 */
import { classify, classIndex } from '../analytics/classify';
import { schemeColors, SCHEME_NAMES, NO_DATA, type SchemeName } from '../analytics/palettes';
import type { LevelValue } from '../analytics/levels';
import type { ClassMethod } from '../state/url';

export function classColours(
  values: Iterable<LevelValue>,
  method: ClassMethod,
  k: number,
  scheme: string,
  breaks: number[] | undefined,
): Map<string, string> {
  const list = [...values];
  const out = new Map<string, string>();
  try {
    const c = classify(
      list.map((v) => v.value),
      method === 'manual' && !breaks?.length ? 'quantile' : method,
      k,
      method === 'manual' ? breaks : undefined,
    );
    const name = ((SCHEME_NAMES as readonly string[]).includes(scheme) ? scheme : 'YlGnBu') as SchemeName;
    const palette = schemeColors(name, c.breaks.length + (c.min === null ? 0 : 1));
    for (const v of list) {
      const i = classIndex(v.value, c.breaks);
      out.set(v.code, i !== null && palette[i] ? palette[i] : NO_DATA.fill);
    }
  } catch {
    for (const v of list) out.set(v.code, NO_DATA.fill);
  }
  return out;
}

export function rgbaToHex(c: readonly number[]): string {
  return (
    '#' +
    c
      .slice(0, 3)
      .map((x) => Math.round(x).toString(16).padStart(2, '0'))
      .join('')
  );
}
