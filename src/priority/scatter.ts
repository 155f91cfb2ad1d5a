/**
 * The priority scatter as pure geometry (d3 scales, no DOM): axes, ticks, quadrant lines and labels, dots.
 * The Svelte component draws this structure; `scatterSvg` writes the same structure as an SVG string
 * (snapshot tests, export). Numbers are rounded to 0.1 px so that the output is stable.
 */
import { scaleLinear } from 'd3';
import type { Quadrant } from './quadrants';

export interface ScatterPoint {
  code: string;
  name: string;
  x: number;
  y: number;
  fill: string;
}

export interface ScatterInput {
  points: readonly ScatterPoint[];
  xCut: number | null;
  yCut: number | null;
  /** −1: the y measure is "lower = better", so its axis runs downwards (better coverage stays at the top) */
  yPolarity: 1 | -1;
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  /** words for each quadrant */
  quadrantLabels: Record<Quadrant, string>;
  selected?: string | null;
  /** codes drawn faded (outside a brush), or null */
  faded?: ReadonlySet<string> | null;
  format?: (v: number) => string;
}

export interface Tick {
  value: number;
  pos: number;
  label: string;
}

export interface Dot {
  code: string;
  name: string;
  cx: number;
  cy: number;
  r: number;
  fill: string;
  selected: boolean;
  faded: boolean;
}

export interface ScatterLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  xCut: number | null;
  yCut: number | null;
  /** each label in up to two lines (split at ': '); y of the first line */
  labels: { quadrant: Quadrant; x: number; y: number; anchor: 'start' | 'end'; lines: string[] }[];
  dots: Dot[];
  xLabel: string;
  yLabel: string;
}

export const MARGIN = { left: 46, top: 12, right: 10, bottom: 34 };
/** line height of the quadrant labels, px */
export const LINE_H = 11;
const r1 = (v: number) => Math.round(v * 10) / 10;

function extent(values: number[], cut: number | null): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (cut !== null) {
    lo = Math.min(lo, cut);
    hi = Math.max(hi, cut);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}

export function scatterLayout(inp: ScatterInput): ScatterLayout {
  const fmt = inp.format ?? ((v: number) => String(v));
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: inp.width - MARGIN.right,
    bottom: inp.height - MARGIN.bottom,
  };
  const x = scaleLinear()
    .domain(
      extent(
        inp.points.map((p) => p.x),
        inp.xCut,
      ),
    )
    .range([plot.left, plot.right])
    .nice(5);
  const yDomain = extent(
    inp.points.map((p) => p.y),
    inp.yCut,
  );
  const y = scaleLinear()
    .domain(inp.yPolarity === 1 ? yDomain : [yDomain[1], yDomain[0]])
    .range([plot.bottom, plot.top])
    .nice(5);
  const xTicks = x.ticks(5).map((v) => ({ value: v, pos: r1(x(v)), label: fmt(v) }));
  const yTicks = y.ticks(5).map((v) => ({ value: v, pos: r1(y(v)), label: fmt(v) }));
  const pad = 4;
  const split = (s: string) => {
    const k = s.indexOf(': ');
    return k < 0 ? [s] : [s.slice(0, k), s.slice(k + 2)];
  };
  const lines = (q: Quadrant) => split(inp.quadrantLabels[q]);
  const bottom = (q: Quadrant) => plot.bottom - pad - LINE_H * (lines(q).length - 1);
  const labels: ScatterLayout['labels'] = [
    { quadrant: 'support', x: plot.left + pad, y: plot.top + 11, anchor: 'start', lines: lines('support') },
    { quadrant: 'consolidate', x: plot.right - pad, y: plot.top + 11, anchor: 'end', lines: lines('consolidate') },
    { quadrant: 'basic', x: plot.left + pad, y: bottom('basic'), anchor: 'start', lines: lines('basic') },
    { quadrant: 'priority', x: plot.right - pad, y: bottom('priority'), anchor: 'end', lines: lines('priority') },
  ];
  const dots: Dot[] = inp.points.map((p) => {
    const selected = p.code === inp.selected;
    return {
      code: p.code,
      name: p.name,
      cx: r1(x(p.x)),
      cy: r1(y(p.y)),
      r: selected ? 6 : inp.points.length > 500 ? 2 : 3.5,
      fill: p.fill,
      selected,
      faded: !!inp.faded?.has(p.code),
    };
  });
  // the selected dot last, so that it is drawn on top
  dots.sort((a, b) => Number(a.selected) - Number(b.selected));
  return {
    width: inp.width,
    height: inp.height,
    plot,
    xTicks,
    yTicks,
    xCut: inp.xCut === null ? null : r1(x(inp.xCut)),
    yCut: inp.yCut === null ? null : r1(y(inp.yCut)),
    labels,
    dots,
    xLabel: inp.xLabel,
    yLabel: inp.yLabel,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The layout as a standalone SVG document (same elements and classes as the component). */
export function scatterSvg(l: ScatterLayout, title = ''): string {
  const { plot } = l;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" role="img" aria-label="${esc(title)}">`,
  );
  out.push(
    `<rect class="frame" x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#999"/>`,
  );
  for (const t of l.xTicks)
    out.push(
      `<g class="xtick"><line x1="${t.pos}" x2="${t.pos}" y1="${plot.bottom}" y2="${plot.bottom + 4}" stroke="#666"/><text x="${t.pos}" y="${plot.bottom + 14}" text-anchor="middle">${esc(t.label)}</text></g>`,
    );
  for (const t of l.yTicks)
    out.push(
      `<g class="ytick"><line x1="${plot.left - 4}" x2="${plot.left}" y1="${t.pos}" y2="${t.pos}" stroke="#666"/><text x="${plot.left - 6}" y="${t.pos + 3}" text-anchor="end">${esc(t.label)}</text></g>`,
    );
  if (l.xCut !== null)
    out.push(
      `<line class="cut" x1="${l.xCut}" x2="${l.xCut}" y1="${plot.top}" y2="${plot.bottom}" stroke="#333" stroke-dasharray="4 3"/>`,
    );
  if (l.yCut !== null)
    out.push(
      `<line class="cut" x1="${plot.left}" x2="${plot.right}" y1="${l.yCut}" y2="${l.yCut}" stroke="#333" stroke-dasharray="4 3"/>`,
    );
  for (const q of l.labels)
    out.push(
      `<text class="quadrant ${q.quadrant}" x="${q.x}" y="${q.y}" text-anchor="${q.anchor}">${q.lines.map((t, i) => `<tspan x="${q.x}" dy="${i ? LINE_H : 0}">${esc(t)}</tspan>`).join('')}</text>`,
    );
  for (const d of l.dots)
    out.push(
      `<circle cx="${d.cx}" cy="${d.cy}" r="${d.r}" fill="${d.fill}"${d.faded ? ' fill-opacity="0.2"' : ''} stroke="${d.selected ? '#d40000' : '#333'}" stroke-width="${d.selected ? 2 : 0.5}"><title>${esc(d.name)}</title></circle>`,
    );
  out.push(
    `<text class="xlabel" x="${(plot.left + plot.right) / 2}" y="${l.height - 4}" text-anchor="middle">${esc(l.xLabel)}</text>`,
  );
  out.push(
    `<text class="ylabel" transform="translate(11 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(l.yLabel)}</text>`,
  );
  out.push('</svg>');
  return out.join('\n');
}
