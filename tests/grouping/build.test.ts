/**
 * The built-in groupings' builders (data/build/groupings.ts) on small labelled fixtures (SYNTHETIC rows in the
 * real files' columns), and the generated public/data/groupings.json against facts of the sources (MANIFEST.md).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { areeInterneGrouping, slug, snaiGrouping } from '../../data/build/groupings';
import type { InnerRow } from '../../data/build/comune_depth';
import type { BuiltInGroupingEntry } from '../../src/contract/groupings';
import { ROOT, requireBuilt, query } from '../builtData';

const HEAD = 'pro_com_t,comune,regione,provincia,area_snai,gruppo,classe_ai_2020,pop_2020';
// SYNTHETIC: 900001 and 900002 were merged into 900009; 900003 is unknown; 900004 is in a second area
const map = (c: string) => ({ '900001': '900009', '900002': '900009', '900004': '900004' })[c] ?? null;

describe('snaiGrouping (fixture)', () => {
  it('carries codes to current comuni, one area each; names say the group of areas', () => {
    const text = [
      HEAD,
      '900001,Uno,R,P,Valle Àlta,2021-2027 finanziata (43 aree),D - Intermedio,10',
      '900002,Due,R,P,Valle Àlta,2021-2027 finanziata (43 aree),E - Periferico,20',
      '900004,Quattro,R,P,Monti Bassi,2014-2020 confermata (67 aree),F - Ultraperiferico,30',
    ].join('\n');
    const r = snaiGrouping(text, 'snai.csv', map);
    expect(r.problems).toEqual([]);
    expect(r.remapped).toEqual(['900001→900009', '900002→900009']);
    expect(r.counts).toEqual({ '2021-2027 finanziata (43 aree)': 2, '2014-2020 confermata (67 aree)': 1 });
    expect(r.entry.groups).toEqual([
      {
        code: 'monti_bassi',
        name: 'Monti Bassi (2014-2020 confermata)',
        name_en: 'Monti Bassi (2014-2020 confirmed)',
        comuni: ['900004'],
      },
      {
        code: 'valle_alta',
        name: 'Valle Àlta (2021-2027 finanziata)',
        name_en: 'Valle Àlta (2021-2027 funded)',
        comuni: ['900009'],
      },
    ]);
  });

  it('reports an unknown code and a merged comune that would be in two areas', () => {
    const text = [
      HEAD,
      '900003,Tre,R,P,Monti Bassi,2014-2020 confermata (67 aree),D - Intermedio,5',
      '900001,Uno,R,P,Valle Alta,2021-2027 finanziata (43 aree),D - Intermedio,10',
      '900002,Due,R,P,Monti Bassi,2014-2020 confermata (67 aree),E - Periferico,20',
    ].join('\n');
    expect(snaiGrouping(text, 'snai.csv', map).problems).toEqual([
      'snai.csv, row 2: comune code 900003 cannot be mapped to a current comune',
      'snai.csv, row 4: current comune 900009 would be in two SNAI areas (valle_alta, monti_bassi)',
    ]);
  });

  it('slugs names to [a-z0-9_]', () => {
    expect(slug("Valle dell'Àniene - Monti Simbruini")).toBe('valle_dell_aniene_monti_simbruini');
  });
});

describe('areeInterneGrouping (fixture)', () => {
  it('puts each comune in its class; a comune without a class (merged, classes differ) in none', () => {
    const r = (cls: number | null): InnerRow => ({ pop: 1, popInner: 0, minutesPop: 0, cls });
    const e = areeInterneGrouping(
      new Map([
        ['900002', r(5)],
        ['900001', r(1)],
        ['900003', r(null)],
        ['900004', r(5)],
      ]),
    );
    expect(e.groups.map((g) => [g.code, g.comuni])).toEqual([
      ['A', ['900001']],
      ['B', []],
      ['C', []],
      ['D', []],
      ['E', ['900002', '900004']],
      ['F', []],
    ]);
    // the classes in both languages
    expect(e.groups.map((g) => [g.name, g.name_en])[4]).toEqual(['E – Periferico', 'E – Peripheral']);
  });
});

describe('public/data/groupings.json (generated)', () => {
  const file = path.join(ROOT, 'public/data/groupings.json');
  const ind = path.join(ROOT, 'public/data/indicators.parquet');
  requireBuilt(file, ind);
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as BuiltInGroupingEntry[];
  const [ai, snai] = entries;

  it('has the Aree Interne classes with their source and date, the same comuni as the inner_area_class indicator', async () => {
    expect(ai.id).toBe('aree_interne_2020');
    expect(ai.reference_date).toBe('2020');
    expect(ai.source.it).toMatch(/Mappa delle Aree Interne 2020/);
    const rows = await query(
      `SELECT value, count(*) AS n FROM '${ind}' WHERE indicator = 'inner_area_class' AND level = 'comune' GROUP BY value ORDER BY value`,
    );
    expect(ai.groups.map((g) => g.comuni.length)).toEqual(rows.map((r) => Number(r.n)));
    // MANIFEST: the five pilot comuni are all poles (A)
    const a = new Set(ai.groups[0].comuni);
    for (const pilot of ['058091', '001272', '032006', '101010', '089017']) expect(a.has(pilot)).toBe(true);
  });

  it('has the 123 SNAI project areas and their 1,882 comuni (622 + 1,107 + 153), each comune once', () => {
    expect(snai.id).toBe('snai_2021_2027');
    expect(snai.reference_date).toBe('2021–2027');
    expect(snai.groups.length).toBe(123);
    const all = snai.groups.flatMap((g) => g.comuni);
    expect(all.length).toBe(622 + 1107 + 153);
    expect(new Set(all).size).toBe(all.length);
    // the file lists Alpago Zoldo (Belluno) with Chies d'Alpago 025012 among its comuni
    expect(snai.groups.find((g) => g.code === 'alpago_zoldo')?.comuni).toContain('025012');
    // every area has its English name: the area's own name, the group of areas in English
    expect(snai.groups.find((g) => g.code === 'alpago_zoldo')?.name_en).toBe('Alpago Zoldo (2021-2027 funded)');
    expect(
      snai.groups.filter(
        (g) => !/\((2014-2020 confirmed|2021-2027 funded|2021-2027 new, not funded)\)$/.test(g.name_en),
      ),
    ).toEqual([]);
    expect(ai.groups.map((g) => g.name_en)).toEqual([
      'A – Pole',
      'B – Inter-municipal pole',
      'C – Belt',
      'D – Intermediate',
      'E – Peripheral',
      'F – Ultra-peripheral',
    ]);
  });
});
