/**
 * The countries of Europe's NUTS2 file (issue 12), named on the EU view at low zoom. The country of a NUTS code
 * is its first two letters (NUTS writes Greece EL); the names are a fixed list of the countries' names in Italian
 * and English, not data. A code not in the list gets no label (never a made-up name).
 * Pure: no map, no DOM.
 */
import type { Lang } from '../i18n';

export const COUNTRY_NAMES: Readonly<Record<string, Record<Lang, string>>> = {
  AL: { it: 'Albania', en: 'Albania' },
  AT: { it: 'Austria', en: 'Austria' },
  BA: { it: 'Bosnia ed Erzegovina', en: 'Bosnia and Herzegovina' },
  BE: { it: 'Belgio', en: 'Belgium' },
  BG: { it: 'Bulgaria', en: 'Bulgaria' },
  CH: { it: 'Svizzera', en: 'Switzerland' },
  CY: { it: 'Cipro', en: 'Cyprus' },
  CZ: { it: 'Cechia', en: 'Czechia' },
  DE: { it: 'Germania', en: 'Germany' },
  DK: { it: 'Danimarca', en: 'Denmark' },
  EE: { it: 'Estonia', en: 'Estonia' },
  EL: { it: 'Grecia', en: 'Greece' },
  ES: { it: 'Spagna', en: 'Spain' },
  FI: { it: 'Finlandia', en: 'Finland' },
  FR: { it: 'Francia', en: 'France' },
  HR: { it: 'Croazia', en: 'Croatia' },
  HU: { it: 'Ungheria', en: 'Hungary' },
  IE: { it: 'Irlanda', en: 'Ireland' },
  IS: { it: 'Islanda', en: 'Iceland' },
  IT: { it: 'Italia', en: 'Italy' },
  LI: { it: 'Liechtenstein', en: 'Liechtenstein' },
  LT: { it: 'Lituania', en: 'Lithuania' },
  LU: { it: 'Lussemburgo', en: 'Luxembourg' },
  LV: { it: 'Lettonia', en: 'Latvia' },
  ME: { it: 'Montenegro', en: 'Montenegro' },
  MK: { it: 'Macedonia del Nord', en: 'North Macedonia' },
  MT: { it: 'Malta', en: 'Malta' },
  NL: { it: 'Paesi Bassi', en: 'Netherlands' },
  NO: { it: 'Norvegia', en: 'Norway' },
  PL: { it: 'Polonia', en: 'Poland' },
  PT: { it: 'Portogallo', en: 'Portugal' },
  RO: { it: 'Romania', en: 'Romania' },
  RS: { it: 'Serbia', en: 'Serbia' },
  SE: { it: 'Svezia', en: 'Sweden' },
  SI: { it: 'Slovenia', en: 'Slovenia' },
  SK: { it: 'Slovacchia', en: 'Slovakia' },
  TR: { it: 'Turchia', en: 'Türkiye' },
  UK: { it: 'Regno Unito', en: 'United Kingdom' },
};

export interface CountryAnchor {
  country: string;
  /** a NUTS2 region's label point: inside a polygon, so never in the sea */
  position: [number, number];
  /** where else the name may go if another name is in the way: the next nearest points, nearest first */
  alternatives: [number, number][];
  /** how many of the country's regions have a point (the larger country wins an overlap) */
  regions: number;
}

const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** at most this many places are tried for a country's name */
const MAX_PLACES = 10;

/**
 * Where each country's name goes: of its regions' label points, the one nearest the median longitude and
 * latitude of them all (the median, not the mean, so that the outermost regions — the Canaries, Guadeloupe,
 * the Azores — do not pull the name into the sea). The alternatives, tried when a larger country's name is in the
 * way (Belgium beside Germany): the next nearest points, at most 10 places in all, none farther from the median
 * than twice the median distance (so never an outermost region). `regions`: NUTS2 codes with their label points.
 */
export function countryAnchors(regions: readonly { code: string; position: [number, number] }[]): CountryAnchor[] {
  const by = new Map<string, [number, number][]>();
  for (const r of regions) {
    const c = r.code.slice(0, 2);
    if (!by.has(c)) by.set(c, []);
    by.get(c)!.push(r.position);
  }
  return [...by]
    .map(([country, pts]) => {
      const lon = median(pts.map((p) => p[0]));
      const lat = median(pts.map((p) => p[1]));
      const k = Math.cos((lat * Math.PI) / 180);
      const d = (p: [number, number]) => Math.hypot((p[0] - lon) * k, p[1] - lat);
      const far = 2 * median(pts.map(d));
      // nearest first; equal distances keep the input order
      const near = pts
        .map((p, i) => ({ p, i, d: d(p) }))
        .sort((a, b) => a.d - b.d || a.i - b.i)
        .filter((x, j) => j === 0 || x.d <= far)
        .slice(0, MAX_PLACES)
        .map((x) => x.p);
      return { country, position: near[0], alternatives: near.slice(1), regions: pts.length };
    })
    .sort((a, b) => a.country.localeCompare(b.country));
}
