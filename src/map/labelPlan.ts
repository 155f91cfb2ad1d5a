/**
 * Which place names the map shows, and from which zoom: regions when the whole country is in view,
 * provinces from a regional view on, the comuni that are capoluoghi from a provincial view on, and the five
 * pilot comuni always (they are what the project is about). Where a name is bilingual ("Bolzano/Bozen") the
 * Italian interface shows the Italian form and the English one the official bilingual form. On Europe's view
 * (NUTS2): the country names when the continent is in view, the regions' names (same bilingual rule, e.g.
 * "Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest") once zoomed in past EU_REGION_ZOOM.
 * Overlaps are resolved by priority (labelsAt): pilot > country > region > capoluogo > province.
 * Pure: no map, no DOM.
 */
import type { Territory } from '../analytics/catalogue';
import type { Lang } from '../i18n';
import { COUNTRY_NAMES, countryAnchors } from './labelCountries';

export interface PlaceLabel {
  code: string;
  kind: 'country' | 'region' | 'province' | 'capital' | 'pilot';
  text: string;
  position: [number, number];
  /** shown from this zoom on… */
  minZoom: number;
  /** …and up to this one */
  maxZoom: number;
  /** larger wins where labels overlap (−1000…1000) */
  priority: number;
  /** other places for the label, tried in order where `position` is taken (a country's other regions) */
  alternatives?: [number, number][];
}

/** on Europe's view, countries are named below this zoom and NUTS2 regions from it on */
export const EU_REGION_ZOOM = 4.6;
const ZOOMS: Record<PlaceLabel['kind'], [number, number]> = {
  country: [0, EU_REGION_ZOOM],
  region: [0, 7.2],
  province: [6.6, 9.5],
  capital: [7.4, 24],
  pilot: [0, 24],
};
const BASE: Record<PlaceLabel['kind'], number> = {
  pilot: 900,
  country: 800,
  region: 700,
  capital: 300,
  province: 100,
};

export function labelText(name: string, lang: Lang): string {
  const parts = name
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  return lang === 'it' && parts.length > 1 ? parts[0] : name;
}

export function placeLabels(territories: readonly Territory[], lang: Lang, pilots: readonly string[]): PlaceLabel[] {
  const pilot = new Set(pilots);
  const out: PlaceLabel[] = [];
  for (const t of territories) {
    if (t.lon === null || t.lat === null || !t.name) continue;
    let kind: PlaceLabel['kind'] | null = null;
    // Europe's NUTS2 regions are named like Italy's regions (on their own view only: see App.svelte)
    if (t.level === 'region' || t.level === 'nuts2') kind = 'region';
    else if (t.level === 'province') kind = 'province';
    else if (t.level === 'comune') kind = pilot.has(t.code) ? 'pilot' : t.capital ? 'capital' : null;
    if (!kind) continue;
    // Europe's regions take over from the country names
    const [minZoom, maxZoom] = t.level === 'nuts2' ? [EU_REGION_ZOOM, 24] : ZOOMS[kind];
    // among capoluoghi and provinces, the larger population wins an overlap
    const size = t.population && t.population > 0 ? Math.min(99, Math.log10(t.population) * 10) : 0;
    out.push({
      code: t.code,
      kind,
      text: labelText(t.name, lang),
      position: [t.lon, t.lat],
      minZoom,
      maxZoom,
      priority: BASE[kind] + size,
    });
  }
  return [...out, ...countryLabels(territories, lang)];
}

/** The country names of Europe's view: one per country of the NUTS2 regions given, at one of its regions' label points. */
function countryLabels(territories: readonly Territory[], lang: Lang): PlaceLabel[] {
  const regions = territories
    .filter((t) => t.level === 'nuts2' && t.lon !== null && t.lat !== null)
    .map((t) => ({ code: t.code, position: [t.lon, t.lat] as [number, number] }));
  return countryAnchors(regions).flatMap((a) => {
    const name = COUNTRY_NAMES[a.country];
    if (!name) return [];
    const [minZoom, maxZoom] = ZOOMS.country;
    // the country with more regions wins an overlap (Belgium over Luxembourg)
    const priority = BASE.country + Math.min(99, 2 * a.regions);
    return [
      {
        code: a.country,
        kind: 'country' as const,
        text: name[lang],
        position: a.position,
        alternatives: a.alternatives,
        minZoom,
        maxZoom,
        priority,
      },
    ];
  });
}

/** Font size in pixels of each kind (the layer draws with these). */
export const LABEL_SIZE: Record<PlaceLabel['kind'], number> = {
  country: 13,
  region: 14,
  province: 12,
  capital: 12,
  pilot: 13,
};
/** average advance of a glyph of the bold sans-serif, as a share of the font size, and the gap kept around a label */
const GLYPH = 0.62;
const GAP = 3;

/** Web Mercator world pixels at a zoom (512-px tiles, as MapLibre). */
export function worldPixel([lon, lat]: [number, number], zoom: number): [number, number] {
  const scale = 512 * 2 ** zoom;
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * scale, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale];
}

/**
 * The labels of a zoom, without overlaps: by priority, each one placed only where it overlaps none placed before —
 * at its position, else at the first of its alternatives that is free (the label then carries that position).
 */
export function labelsAt(labels: readonly PlaceLabel[], zoom: number): PlaceLabel[] {
  const here = labels
    .filter((l) => zoom >= l.minZoom && zoom < l.maxZoom)
    .sort((a, b) => b.priority - a.priority || a.code.localeCompare(b.code));
  const boxes: [number, number, number, number][] = [];
  const out: PlaceLabel[] = [];
  for (const l of here) {
    const size = LABEL_SIZE[l.kind];
    const w = l.text.length * size * GLYPH + 2 * GAP;
    const h = size * 1.2 + 2 * GAP;
    for (const at of l.alternatives ? [l.position, ...l.alternatives] : [l.position]) {
      const [x, y] = worldPixel(at, zoom);
      const b: [number, number, number, number] = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
      if (boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1])) continue;
      boxes.push(b);
      out.push(at === l.position ? l : { ...l, position: at });
      break;
    }
  }
  return out;
}
