/**
 * The directory's map as an SVG string: the territory's outline, and each listed service as a dot in its
 * layer's colour (filled = in the territory, hollow = outside within the distance). Text escaped; pure.
 */
import { fitProjection, ringsPath, type Ring } from '../charts/smallMap';
import { chartId, esc, r1, seriesColour } from '../charts/svg';

export interface MapDot {
  lon: number;
  lat: number;
  inside: boolean;
  /** index of the layer (colour) */
  layer: number;
  label: string;
}

export function networkMap(
  rings: Ring[],
  dots: readonly MapDot[],
  opts: { title: string; width?: number; height?: number; id?: string },
): string {
  const width = opts.width ?? 260;
  const height = opts.height ?? 220;
  const id = chartId(opts.id);
  // fit to the outline and the dots (a dot outside the territory stays on the map)
  const fit: Ring[] = [...rings, dots.map((d) => [d.lon, d.lat] as [number, number])];
  const proj = fitProjection(fit, width, height, 8);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t">`,
    `<title id="${id}-t">${esc(opts.title)}</title>`,
  ];
  const d = ringsPath(rings, proj);
  if (d) parts.push(`<path d="${d}" fill="#e8f1f8" fill-rule="evenodd" stroke="#1d4f73" stroke-width="1"/>`);
  for (const dot of dots) {
    const [x, y] = proj.project(dot.lon, dot.lat);
    const c = seriesColour(dot.layer);
    parts.push(
      `<circle cx="${r1(x)}" cy="${r1(y)}" r="3" fill="${dot.inside ? c : '#ffffff'}" stroke="${c}" stroke-width="1.3"><title>${esc(dot.label)}</title></circle>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
