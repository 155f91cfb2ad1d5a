/**
 * A line chart as an SVG string (d3 scales and line generator): one line per series over years,
 * gaps where a value is missing (never drawn as 0). Pure: the same input gives the same string.
 */
import { scaleLinear, line, extent, max, min } from 'd3';
import { formatValue, type Lang } from '../analytics/format';
import { esc, r1, seriesColour, chartId } from './svg';

export interface LinePoint {
  x: number;
  y: number | null;
}

export interface LineSeries {
  name: string;
  points: LinePoint[];
  /** drawn dashed (e.g. an inherited, coarser value) */
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  /** a sentence for screen readers (what the chart shows) */
  description?: string;
  unit?: string;
  decimals?: number;
  lang: Lang;
  width?: number;
  height?: number;
  /** id prefix (deterministic output for tests) */
  id?: string;
}

export function lineChart(series: readonly LineSeries[], opts: LineChartOptions): string {
  const width = opts.width ?? 420;
  const legendRows = Math.ceil(series.length / 2);
  const plotH = (opts.height ?? 220) - 16 * legendRows;
  const m = { top: 28, right: 16, bottom: 24, left: 56 };
  const id = chartId(opts.id);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series
    .flatMap((s) => s.points.map((p) => p.y))
    .filter((y): y is number => y !== null && Number.isFinite(y));
  const [x0, x1] = extent(xs) as [number | undefined, number | undefined];
  const height = plotH + 16 * legendRows + 4;
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="system-ui, sans-serif" font-size="11">` +
    `<title id="${id}-t">${esc(opts.title)}</title><desc id="${id}-d">${esc(opts.description ?? opts.title)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<text x="${m.left}" y="14" font-size="12" font-weight="bold" fill="#222">${esc(opts.title)}</text>`;
  if (x0 === undefined || x1 === undefined || ys.length === 0) {
    const none = opts.lang === 'it' ? 'dato non disponibile' : 'no data';
    return head + `<text x="${width / 2}" y="${plotH / 2}" text-anchor="middle" fill="#555">${none}</text></svg>`;
  }
  const lo = min(ys) as number;
  const hi = max(ys) as number;
  const pad = hi === lo ? Math.abs(hi) * 0.1 || 1 : 0;
  const x = scaleLinear()
    .domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .nice(4)
    .range([plotH - m.bottom, m.top]);
  const fmt = (v: number) => formatValue(v, { decimals: opts.decimals ?? 1, lang: opts.lang });
  const parts: string[] = [head];
  // y grid and labels
  for (const t of y.ticks(4)) {
    const ty = r1(y(t));
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${ty}" y2="${ty}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${m.left - 4}" y="${r1(ty + 3.5)}" text-anchor="end" fill="#444">${esc(fmt(t))}</text>`);
  }
  // x axis: the years
  const years = [...new Set(xs)].sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(years.length / 8));
  years.forEach((yr, i) => {
    if (i % step !== 0 && i !== years.length - 1) return;
    parts.push(`<text x="${r1(x(yr))}" y="${plotH - m.bottom + 14}" text-anchor="middle" fill="#444">${yr}</text>`);
  });
  parts.push(
    `<line x1="${m.left}" x2="${width - m.right}" y1="${plotH - m.bottom}" y2="${plotH - m.bottom}" stroke="#888"/>`,
  );
  if (opts.unit)
    parts.push(`<text x="${width - m.right}" y="${m.top - 4}" text-anchor="end" fill="#555">${esc(opts.unit)}</text>`);
  const gen = line<LinePoint>()
    .defined((p) => p.y !== null && Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(p.y as number))
    .digits(1);
  series.forEach((s, i) => {
    const colour = seriesColour(i);
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    const d = gen(pts);
    if (d)
      parts.push(
        `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      );
    for (const p of pts) {
      if (p.y === null || !Number.isFinite(p.y)) continue;
      parts.push(
        `<circle cx="${r1(x(p.x))}" cy="${r1(y(p.y))}" r="2.5" fill="${colour}"><title>${esc(`${s.name}, ${p.x}: ${fmt(p.y)}`)}</title></circle>`,
      );
    }
    const lx = i % 2 === 0 ? m.left : m.left + (width - m.left) / 2;
    const ly = plotH + 16 * Math.floor(i / 2) + 4;
    parts.push(
      `<line x1="${lx}" x2="${lx + 16}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    parts.push(`<text x="${lx + 20}" y="${ly + 4}" fill="#222">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
