/** The level of a code: ISTAT by its length (region 2 digits, province 3, comune 6), or a NUTS2 region (ITF6). */
import type { Level } from '../state/url';

const NUTS2 = /^[A-Z]{2}[0-9A-Z]{2}$/;

export function levelOfCode(code: string): Level | null {
  if (NUTS2.test(code)) return 'nuts2';
  return code.length === 2 ? 'region' : code.length === 3 ? 'province' : code.length === 6 ? 'comune' : null;
}

export const MAX_COMPARE = 6;

/** Add a code to the list (no duplicates, at most six). */
export function addCode(list: readonly string[], code: string): string[] {
  if (list.includes(code) || !levelOfCode(code)) return [...list];
  return [...list, code].slice(0, MAX_COMPARE);
}
