import { describe, it, expect } from 'vitest';
import { scatterLayout, scatterSvg, MARGIN } from '../../src/priority/scatter';

const LABELS = {
  priority: 'alto potenziale, pochi servizi: priorità',
  consolidate: 'alto potenziale, servizi presenti: consolidare',
  basic: 'basso potenziale, pochi servizi: servizi di base',
  support: 'basso potenziale, servizi presenti: accompagnare',
};
const points = [
  { code: 'A', name: 'Alfa', x: 20, y: 10, fill: '#f3f3f3' },
  { code: 'B', name: 'Beta & Co', x: 60, y: 40, fill: '#000000' },
  { code: 'C', name: 'Gamma', x: 70, y: 5, fill: '#509dc2' },
];
const base = {
  points,
  xCut: 50,
  yCut: 20,
  yPolarity: 1 as const,
  width: 400,
  height: 300,
  xLabel: 'Coefficiente',
  yLabel: 'E2SFCA',
  quadrantLabels: LABELS,
};

describe('scatterLayout', () => {
  it('maps values to pixels with nice domains', () => {
    const l = scatterLayout(base);
    // x domain [20, 70] → nice [20, 70]; range [46, 390]: x = 46 + (v − 20)/50 · 344
    // y domain [5, 40] → nice [5, 40]; range [266, 12]: y = 266 − (v − 5)/35 · 254
    expect(l.plot).toEqual({ left: MARGIN.left, top: MARGIN.top, right: 390, bottom: 266 });
    const a = l.dots.find((d) => d.code === 'A')!;
    expect(a.cx).toBe(46);
    expect(a.cy).toBeCloseTo(229.7, 1); // 266 − 5/35·254 = 229.71
    expect(l.xCut).toBeCloseTo(252.4, 1); // 46 + 30/50·344
    expect(l.yCut).toBeCloseTo(157.1, 1); // 266 − 15/35·254 = 157.14
  });
  it('puts better coverage at the top when lower is better (distance)', () => {
    const l = scatterLayout({ ...base, yPolarity: -1 });
    const b = l.dots.find((d) => d.code === 'B')!; // y = 40 km: the worst, at the bottom
    const c = l.dots.find((d) => d.code === 'C')!; // y = 5 km: the best, at the top
    expect(b.cy).toBeGreaterThan(c.cy);
    expect(c.cy).toBe(12);
  });
  it('draws the selected dot last and larger, and flags faded dots', () => {
    const l = scatterLayout({ ...base, selected: 'A', faded: new Set(['C']) });
    expect(l.dots[l.dots.length - 1].code).toBe('A');
    expect(l.dots[l.dots.length - 1].r).toBe(6);
    expect(l.dots.find((d) => d.code === 'C')!.faded).toBe(true);
    expect(l.dots.find((d) => d.code === 'B')!.faded).toBe(false);
  });
  it('splits the quadrant labels in two lines, priority at the bottom right', () => {
    const l = scatterLayout(base);
    const p = l.labels.find((q) => q.quadrant === 'priority')!;
    expect(p.lines).toEqual(['alto potenziale, pochi servizi', 'priorità']);
    expect(p.anchor).toBe('end');
    expect(p.x).toBe(386);
  });
});

describe('scatterSvg', () => {
  it('renders the layout as SVG (snapshot)', () => {
    const svg = scatterSvg(scatterLayout(base), 'Coefficiente × E2SFCA');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Beta &amp; Co</title>');
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toMatchSnapshot();
  });
});
