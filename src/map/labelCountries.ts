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
  /** how many of the country's regions have a point (the larger country wins an overlap) */
  regions: number;
}

const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/**
 * Where each country's name goes: of its regions' label points, the one nearest the median longitude and
 * latitude of them all (the median, not the mean, so that the outermost regions — the Canaries, Guadeloupe,
 * the Azores — do not pull the name into the sea). `regions`: NUTS2 codes with their label points.
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
      const d = (p: [number, number]) => ((p[0] - lon) * k) ** 2 + (p[1] - lat) ** 2;
      const position = pts.reduce((best, p) => (d(p) < d(best) ? p : best));
      return { country, position, regions: pts.length };
    })
    .sort((a, b) => a.country.localeCompare(b.country));
}
