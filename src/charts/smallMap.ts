/**
 * A small map as an SVG string: territory outlines (lon/lat rings) in a local equirectangular
 * projection (x scaled by cos of the middle latitude), fitted to the box. Pure, no tiles.
 */
import { esc, r1, chartId } from './svg';

export type Ring = [number, number][];

export interface MapShape {
  rings: Ring[];
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  /** name for screen readers and the hover title */
  label?: string;
  /** hatched (no data) */
  hatched?: boolean;
}

export interface SmallMapOptions {
  title: string;
  description?: string;
  width?: number;
  height?: number;
  /** fit to these shapes only (index list); default all */
  fitTo?: number[];
  /** margin in px */
  margin?: number;
  id?: string;
  /** a caption line drawn under the map */
  caption?: string;
}

interface Projection {
  project(lon: number, lat: number): [number, number];
}

export function fitProjection(rings: Ring[], width: number, height: number, margin: number): Projection {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      if (lon < x0) x0 = lon;
      if (lon > x1) x1 = lon;
      if (lat < y0) y0 = lat;
      if (lat > y1) y1 = lat;
    }
  if (!Number.isFinite(x0)) return { project: () => [width / 2, height / 2] };
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const w = Math.max((x1 - x0) * k, 1e-9);
  const h = Math.max(y1 - y0, 1e-9);
  const s = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h);
  const ox = (width - w * s) / 2;
  const oy = (height - h * s) / 2;
  return { project: (lon, lat) => [ox + (lon - x0) * k * s, oy + (y1 - lat) * s] };
}

/** SVG path data of rings (even-odd fill), dropping points closer than 0.4 px to the previous one. */
export function ringsPath(rings: Ring[], p: Projection): string {
  const out: string[] = [];
  for (const ring of rings) {
    let last: [number, number] | null = null;
    const pts: string[] = [];
    for (const [lon, lat] of ring) {
      const [x, y] = p.project(lon, lat);
      if (last && Math.abs(x - last[0]) < 0.4 && Math.abs(y - last[1]) < 0.4) continue;
      last = [x, y];
      pts.push(`${r1(x)},${r1(y)}`);
    }
    if (pts.length >= 3) out.push(`M${pts.join('L')}Z`);
  }
  return out.join('');
}

export function smallMap(shapes: readonly MapShape[], opts: SmallMapOptions): string {
  const width = opts.width ?? 200;
  const mapH = opts.height ?? 200;
  const height = mapH + (opts.caption ? 16 : 0);
  const id = chartId(opts.id);
  const fit = (opts.fitTo ?? shapes.map((_, i) => i)).flatMap((i) => shapes[i]?.rings ?? []);
  const proj = fitProjection(fit, width, mapH, opts.margin ?? 6);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="system-ui, sans-serif" font-size="11">`,
    `<title id="${id}-t">${esc(opts.title)}</title><desc id="${id}-d">${esc(opts.description ?? opts.title)}</desc>`,
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="1.5"/></pattern></defs>`,
  ];
  for (const s of shapes) {
    const d = ringsPath(s.rings, proj);
    if (!d) continue;
    const fill = s.hatched ? `url(#${id}-hatch)` : s.fill;
    parts.push(
      `<path d="${d}" fill="${fill}" fill-rule="evenodd" stroke="${s.stroke ?? '#555'}" stroke-width="${s.strokeWidth ?? 0.6}" stroke-linejoin="round">${s.label ? `<title>${esc(s.label)}</title>` : ''}</path>`,
    );
  }
  if (opts.caption)
    parts.push(`<text x="${width / 2}" y="${mapH + 12}" text-anchor="middle" fill="#222">${esc(opts.caption)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
