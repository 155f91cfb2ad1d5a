/** The territorial levels of the data (public/data) and which of them are map levels. Floor 0: imports nothing. */

/**
 * Every level a row of public/data can have: Italy's chain, coarse → fine (comune ⊂ province ⊂ region ⊂ italy),
 * then the groupings of comuni beside that chain: 'sll' (local labour systems, SLL 2021; each in one region:
 * ISTAT's region of the SLL); and 'nuts2', Europe's regions, a geography of its own.
 */
export type Level = 'italy' | 'region' | 'province' | 'comune' | 'sll' | 'nuts2';

/** Italy's levels, coarse → fine, then the SLL (values are inherited only among them). */
export const LEVELS: readonly Level[] = ['italy', 'region', 'province', 'comune', 'sll'];
/** Levels with a geography of their own, outside Italy's hierarchy: nothing is inherited into or out of them. */
export const OWN_LEVELS: readonly Level[] = ['nuts2'];

/** The levels drawn as a map (Italy is one shape: it has values, not a map of its own). */
export type MapLevel = Exclude<Level, 'italy'>;
export const MAP_LEVELS: readonly MapLevel[] = ['region', 'province', 'comune', 'sll', 'nuts2'];

/** The code of Italy in the data. */
export const ITALY_CODE = 'IT';

/** 0 for italy … 3 for comune, 4 for sll; -1 for anything else. */
export function levelIndex(level: string): number {
  return (LEVELS as readonly string[]).indexOf(level);
}

export function isLevel(v: unknown): v is Level {
  return typeof v === 'string' && (levelIndex(v) >= 0 || (OWN_LEVELS as readonly string[]).includes(v));
}

export function isMapLevel(v: unknown): v is MapLevel {
  return typeof v === 'string' && (MAP_LEVELS as readonly string[]).includes(v);
}

/** SQL that orders rows by level, coarse → fine (the order of LEVELS), then the levels of their own. */
export const LEVEL_ORDER_SQL = `CASE level ${[...LEVELS, ...OWN_LEVELS].map((l, i) => `WHEN '${l}' THEN ${i}`).join(' ')} END`;
