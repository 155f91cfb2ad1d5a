/**
 * Place names drawn once into a 2D canvas with the browser's own sans-serif font (no glyph, font or sprite
 * is fetched): white halo (strokeText) then the fill, at the map's pixel ratio, packed in rows. glLabels.ts
 * draws each as a textured quad in MapLibre's context, so the names are in the map's canvas and its PNG export.
 */
import { LABEL_SIZE, type PlaceLabel } from './labelPlan';

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const LABEL_COLOUR: Record<PlaceLabel['kind'], string> = {
  country: '#141414',
  region: '#282828',
  province: '#464646',
  capital: '#141414',
  pilot: '#000000',
};
const HALO = 'rgba(255, 255, 255, 0.9)';
/** the halo reaches this far out of the letters (CSS px) */
const HALO_PX = 1.5;
const WIDTH = 2048;

export interface AtlasItem {
  label: PlaceLabel;
  /** box in the atlas, device pixels */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelAtlas {
  canvas: HTMLCanvasElement;
  items: AtlasItem[];
  ratio: number;
}

const fontOf = (l: PlaceLabel, ratio: number) => `600 ${LABEL_SIZE[l.kind] * ratio}px ${LABEL_FONT}`;

export function labelAtlas(labels: readonly PlaceLabel[], ratio: number): LabelAtlas {
  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d');
  if (!measure) throw new Error('no 2D canvas');
  const pad = Math.ceil(HALO_PX * ratio) + 1;
  const items: AtlasItem[] = [];
  let x = 0;
  let y = 0;
  let row = 0;
  for (const label of labels) {
    measure.font = fontOf(label, ratio);
    const w = Math.ceil(measure.measureText(label.text).width) + 2 * pad;
    const h = Math.ceil(LABEL_SIZE[label.kind] * ratio * 1.3) + 2 * pad;
    if (x + w > WIDTH && x > 0) {
      x = 0;
      y += row;
      row = 0;
    }
    items.push({ label, x, y, w: Math.min(w, WIDTH), h });
    x += w;
    row = Math.max(row, h);
  }
  canvas.width = WIDTH;
  canvas.height = Math.max(1, y + row);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.lineJoin = 'round';
  g.lineWidth = 2 * HALO_PX * ratio;
  g.strokeStyle = HALO;
  for (const it of items) {
    g.font = fontOf(it.label, ratio);
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h / 2;
    g.strokeText(it.label.text, cx, cy);
    g.fillStyle = LABEL_COLOUR[it.label.kind];
    g.fillText(it.label.text, cx, cy);
  }
  return { canvas, items, ratio };
}
