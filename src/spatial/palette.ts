/**
 * LISA cluster colours by GeoDa code. Colour-blind-safe: the ends and the light steps of C. Brewer's
 * RdBu (red ↔ blue stays distinct with protanopia, deuteranopia and tritanopia); not significant a light
 * grey; isolated a dark grey (hatched in the legend), distinct from both.
 */
export const CLUSTER_ORDER = [1, 2, 3, 4, 0, 6] as const;
export const CLUSTER_COLOURS: Record<number, string> = {
  1: '#b2182b',
  2: '#2166ac',
  3: '#92c5de',
  4: '#f4a582',
  0: '#ececec',
  6: '#5e5e5e',
};
