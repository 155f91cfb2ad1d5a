import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import { validateStory, storyFromParam, storyToParam, slideQuery, textIn, StoryError } from '../../src/story/story';
import { fill, ordinal, type Lookup } from '../../src/story/placeholders';
import { dataLookup } from '../../src/story/lookup';
import { decodeView } from '../../src/state/url';
import { openNodeDb } from '../../src/db/node';
import { indexTerritories, type IndicatorMeta, type IndicatorRow, type Territory } from '../../src/analytics/catalogue';

const meta: IndicatorMeta = {
  id: 'foreign_per_100',
  label: { it: 'Stranieri', en: 'Foreign' },
  description: { it: '', en: '' },
  unit: { it: 'per 100 abitanti', en: 'per 100 inhabitants' },
  polarity: 1,
  pillar: 'stability',
  levels: ['province'],
  years: [2023],
  source: { it: 'ISTAT', en: 'ISTAT' },
  licence: '',
  reference_date: '2023',
  notes: null,
  estimated: false,
  decimals: 1,
  aggregation: 'ratio_of_sums',
};
const fake: Lookup = {
  meta: (id) => (id === meta.id ? meta : undefined),
  name: (l, c) => (l === 'province' && c === '101' ? 'Crotone' : undefined),
  value: (_id, l, c) =>
    l === 'province' && c === '101'
      ? { value: 5.45, inherited: false, year: 2023 }
      : l === 'comune' && c === '101010'
        ? { value: 5.45, inherited: true, year: 2023 }
        : undefined,
  rank: () => ({ rank: 92, of: 107 }),
  extreme: () => ({ code: '101', value: 5.45 }),
  latestYear: () => 2023,
};

describe('placeholders', () => {
  it('fills values with unit per language, ranks, names, extremes and years', () => {
    const en = fill(
      '{name:province:101}: {value:foreign_per_100:province:101}, {rank:foreign_per_100:province:101}; max {max:foreign_per_100:province} in {year:foreign_per_100}',
      fake,
      'en',
    );
    expect(en.text).toBe(
      'Crotone: 5.5 per 100 inhabitants, 92nd of 107; max Crotone (5.5 per 100 inhabitants) in 2023',
    );
    expect(en.indicators).toEqual(['foreign_per_100']);
    expect(en.problems).toEqual([]);
    const it_ = fill('{value:foreign_per_100:province:101} ({rank:foreign_per_100:province:101})', fake, 'it');
    expect(it_.text).toBe('5,5 per 100 abitanti (92° su 107)');
  });
  it('marks inherited values and reports what it does not understand', () => {
    expect(fill('{value:foreign_per_100:comune:101010}', fake, 'en').text).toBe('5.5 per 100 inhabitants ⚑');
    const bad = fill('{value:nope:province:101} {value:foreign_per_100:planet:1} {foo:bar}', fake, 'en');
    expect(bad.text).toBe('[?] [?] [?]');
    expect(bad.problems).toHaveLength(3);
  });
  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('story files', () => {
  it('validates and lists every problem', () => {
    try {
      validateStory({ format: 'x', version: 2, slides: [{ view: 'javascript:alert(1)', title: 5 }] });
      throw new Error('should fail');
    } catch (e) {
      expect(e).toBeInstanceOf(StoryError);
      expect((e as StoryError).problems).toEqual([
        'format: expected "coefficienti-story"',
        'version: expected 1',
        'slides[0].view: expected a query string like "?level=region&ind=foreign_per_100"',
        'slides[0].title: expected {"it": "…", "en": "…"}',
      ]);
    }
  });
  it('round-trips through a link and drops the story parameters from a slide view', () => {
    const s = validateStory({
      format: 'coefficienti-story',
      version: 1,
      title: { it: 'Prova è' },
      slides: [{ view: 'level=region', title: { en: 'One' } }],
    });
    expect(storyFromParam(storyToParam(s))).toEqual(s);
    expect(s.slides[0].view).toBe('?level=region');
    expect(textIn(s.slides[0].title, 'it')).toBe('One');
    expect(slideQuery('?level=province&ind=x&tool=story&slide=3&at=1,2,3')).toBe('?level=province&ind=x&at=1,2,3');
  });
});

describe('the default Brussels story', () => {
  const story = validateStory(JSON.parse(fs.readFileSync('public/stories/brussels-en.json', 'utf8')));
  let lookup: Lookup;
  beforeAll(async () => {
    const db = await openNodeDb();
    await db.loadParquet('t', 'public/data/territories.parquet');
    await db.loadParquet('i', 'public/data/indicators.parquet');
    const territories = (await db.all('SELECT * FROM t')).map((r) => ({
      ...r,
      population: r.population === null ? null : Number(r.population),
    })) as unknown as Territory[];
    const rows = (await db.all('SELECT * FROM i')) as unknown as IndicatorRow[];
    db.close();
    const byInd = new Map<string, IndicatorRow[]>();
    for (const r of rows) {
      const row = { ...r, year: Number(r.year) };
      if (!byInd.has(r.indicator)) byInd.set(r.indicator, []);
      byInd.get(r.indicator)?.push(row);
    }
    const catalogue = JSON.parse(fs.readFileSync('public/data/catalogue.json', 'utf8')) as IndicatorMeta[];
    lookup = dataLookup(catalogue, byInd, territories, indexTerritories(territories));
  });

  it('has valid views and no hard-coded number in its captions', () => {
    expect(story.slides.length).toBeGreaterThanOrEqual(8);
    for (const s of story.slides) {
      const v = decodeView(s.view);
      expect(new URLSearchParams(s.view).get('ind') ?? v.indicator).toBe(v.indicator);
      // digits only inside placeholders (or in fixed names like "NEET 18–29", "20–64", "15–74", "1,000 simulations")
      const outside = (s.caption.en ?? '')
        .replace(/\{[^}]+\}/g, '')
        .replace(/18–29|20–64|15–74|1,000|per 100 |90%/g, '');
      expect(outside, s.caption.en).not.toMatch(/\d/);
    }
  });

  it('fills every placeholder from the data files', () => {
    for (const s of story.slides) {
      const f = fill(s.caption.en ?? '', lookup, 'en');
      expect(f.problems, s.caption.en).toEqual([]);
      expect(f.text).not.toContain('{');
      expect(f.text).not.toContain('no data');
    }
    // a hand check: Crotone's population-independent figure equals the province row of the file
    const f = fill('{value:foreign_per_100:province:101}', lookup, 'en');
    expect(f.text).toMatch(/^\d+\.\d per 100 inhabitants$/);
  });

  it('slides on Europe’s regions: Calabria’s NUTS2 figure is the one the region view shows', () => {
    expect(story.slides.filter((s) => decodeView(s.view).level === 'nuts2').length).toBeGreaterThanOrEqual(2);
    const eu = fill('{value:employment_gap_native_fb:nuts2:ITF6}', lookup, 'en');
    const it = fill('{value:employment_gap_native_fb:region:18}', lookup, 'en');
    expect(eu.problems).toEqual([]);
    expect(eu.text).toMatch(/^-?\d+\.\d percentage points$/);
    expect(eu.text).toBe(it.text);
    expect(fill('{rank:employment_gap_native_fb:nuts2:ITF6}', lookup, 'en').text).toMatch(
      /^\d+(st|nd|rd|th) of 2\d\d$/,
    );
  });
});
