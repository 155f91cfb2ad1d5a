/** The level of an ISTAT code by its length (region 2 digits, province 3, comune 6). */
import type { Level } from '../state/url';

export function levelOfCode(code: string): Level | null {
  return code.length === 2 ? 'region' : code.length === 3 ? 'province' : code.length === 6 ? 'comune' : null;
}

export const MAX_COMPARE = 6;

/** Add a code to the list (no duplicates, at most six). */
export function addCode(list: readonly string[], code: string): string[] {
  if (list.includes(code) || !levelOfCode(code)) return [...list];
  return [...list, code].slice(0, MAX_COMPARE);
}
