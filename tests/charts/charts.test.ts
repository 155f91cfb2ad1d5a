import { describe, it, expect } from 'vitest';
import { lineChart } from '../../src/charts/lineChart';
import { smallMap, fitProjection } from '../../src/charts/smallMap';
import { esc } from '../../src/charts/svg';

const series = [
  { name: 'Torino', points: [2019, 2020, 2021, 2022, 2023].map((x, i) => ({ x, y: 9.5 + i * 0.25 })) },
  // a gap in 2021: the line breaks there, it does not drop to 0
  {
    name: 'Crotone <prov.>',
    points: [
      { x: 2019, y: 5 },
      { x: 2020, y: 5.5 },
      { x: 2021, y: null },
      { x: 2022, y: 6.25 },
      { x: 2023, y: 6.5 },
    ],
    dashed: true,
  },
];

describe('lineChart', () => {
  it('draws the series as SVG (snapshot, coordinates rounded to 0.1)', async () => {
    const svg = lineChart(series, { title: 'Foreign residents', unit: '%', decimals: 1, lang: 'en', id: 'lc' });
    await expect(svg).toMatchFileSnapshot('__snapshots__/lineChart.en.svg');
    // no number in the output has more than one decimal
    expect(svg.match(/\d+\.\d{2,}/g)).toBeNull();
  });

  it('formats the axis per language and escapes names', async () => {
    const svg = lineChart(series, { title: 'Stranieri', unit: '%', decimals: 1, lang: 'it', id: 'lc' });
    await expect(svg).toMatchFileSnapshot('__snapshots__/lineChart.it.svg');
    expect(svg).toContain('Crotone &lt;prov.&gt;');
    expect(svg).not.toContain('<prov.>');
    // Italian decimal comma on the y axis labels
    expect(svg).toMatch(/>\d+,\d</);
  });

  it('breaks the line at a missing value: two sub-paths for Crotone', () => {
    const svg = lineChart(series, { title: 't', lang: 'en', id: 'x' });
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(2);
    expect(paths[1].match(/M/g)).toHaveLength(2);
    expect(paths[0].match(/M/g)).toHaveLength(1);
  });

  it('says "no data" when every value is missing', () => {
    const svg = lineChart([{ name: 'A', points: [{ x: 2020, y: null }] }], { title: 't', lang: 'it', id: 'n' });
    expect(svg).toContain('dato non disponibile');
    expect(svg).not.toContain('<path');
  });
});

describe('smallMap', () => {
  // a 1°×1° square at the equator and a square with a hole
  const square: [number, number][] = [
    [10, 0],
    [11, 0],
    [11, 1],
    [10, 1],
    [10, 0],
  ];
  const hole: [number, number][] = [
    [10.25, 0.25],
    [10.75, 0.25],
    [10.75, 0.75],
    [10.25, 0.75],
    [10.25, 0.25],
  ];

  it('fits the shapes to the box (hand-worked: 1° square → 100 px box with margin 0)', () => {
    const p = fitProjection([square], 100, 100, 0);
    // cos(0.5°) ≈ 0.99996: width ≈ height, so the scale is 100 px per degree of latitude
    const [x, y] = p.project(10, 1);
    expect(x).toBeCloseTo(0.002, 2);
    expect(y).toBeCloseTo(0, 6);
    expect(p.project(10, 0)[1]).toBeCloseTo(100, 6);
  });

  it('draws outlines with holes, hatches no-data and has a caption (snapshot)', async () => {
    const svg = smallMap(
      [
        { rings: [square, hole], fill: '#2c7fb8', label: 'Roma' },
        {
          rings: [
            [
              [11, 0],
              [12, 0],
              [12, 1],
              [11, 1],
              [11, 0],
            ],
          ],
          fill: '#ccc',
          hatched: true,
          label: 'No data',
        },
      ],
      { title: 'Two territories', width: 120, height: 80, id: 'sm', caption: 'Roma: 12,3' },
    );
    await expect(svg).toMatchFileSnapshot('__snapshots__/smallMap.svg');
    expect(svg).toContain('fill-rule="evenodd"');
    expect(svg).toContain('url(#sm-hatch)');
    expect(svg.match(/\d+\.\d{2,}/g)).toBeNull();
  });

  it('escapes text', () => {
    expect(esc(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });
});
