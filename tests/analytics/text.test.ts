import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  codeQuery,
  italianNutsAliases,
  normalizeName,
  searchHits,
  searchTerritories,
} from '../../src/analytics/text';
import type { SearchEntry } from '../../src/analytics/text';

describe('normalizeName', () => {
  it.each([
    ['Forlì', 'forli'],
    ['forli', 'forli'],
    ["FORLI'", 'forli'],
    ['Forlì-Cesena', 'forli cesena'],
    ['Sant’Agata  di   Militello', 'sant agata di militello'],
    ["  Valle d'Aosta / Vallée d'Aoste ", 'valle d aosta / vallee d aoste'],
    ['CANTÙ', 'cantu'],
    ['Bolzano/Bozen', 'bolzano/bozen'],
  ])('normalizeName(%j) = %j', (s, out) => {
    expect(normalizeName(s)).toBe(out);
  });
  it('property: idempotent, lower case, trimmed, single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const n = normalizeName(s);
        return normalizeName(n) === n && n === n.trim() && !/\s\s/.test(n);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});

const INDEX: SearchEntry[] = [
  { code: '08', name: 'Emilia-Romagna', level: 'region', population: 4_425_366 },
  { code: '040', name: 'Forlì-Cesena', level: 'province', population: 392_306 },
  { code: '040012', name: 'Forlì', level: 'comune', population: 117_029 },
  { code: '040013', name: 'Forlimpopoli', level: 'comune', population: 13_133 },
  { code: '040003', name: 'Bertinoro', level: 'comune' },
  { code: '015', name: 'Milano', level: 'province', population: 3_214_630 },
  { code: '015146', name: 'Milano', level: 'comune', population: 1_371_498 },
];
const codes = (xs: SearchEntry[]) => xs.map((x) => x.code);

describe('searchTerritories', () => {
  it('"forli": exact Forlì, then prefixes by population (Forlì-Cesena, Forlimpopoli)', () => {
    expect(codes(searchTerritories(INDEX, 'forli', 10))).toEqual(['040012', '040', '040013']);
    expect(searchHits(INDEX, 'forli', 10).map((h) => h.tier)).toEqual([0, 1, 1]);
  });
  it('"FORLI\'" and "Forlì" give the same result as "forli"', () => {
    expect(searchTerritories(INDEX, "FORLI'", 10)).toEqual(searchTerritories(INDEX, 'forli', 10));
    expect(searchTerritories(INDEX, 'Forlì', 10)).toEqual(searchTerritories(INDEX, 'forli', 10));
  });
  it('"cesena" matches the start of a word (prefix tier)', () => {
    expect(searchHits(INDEX, 'cesena', 10).map((h) => [h.entry.code, h.tier])).toEqual([['040', 1]]);
  });
  it('"ilan" is a substring match', () => {
    expect(searchHits(INDEX, 'ilan', 10).map((h) => h.tier)).toEqual([2, 2]);
  });
  it('"milano": both exact, larger population first; without populations, coarser level first', () => {
    expect(codes(searchTerritories(INDEX, 'milano', 10))).toEqual(['015', '015146']);
    const noPop = INDEX.map(({ population: _p, ...e }) => e).reverse();
    expect(codes(searchTerritories(noPop, 'milano', 10))).toEqual(['015', '015146']);
  });
  it('"0400" matches code prefixes, population desc, missing population last', () => {
    expect(codes(searchTerritories(INDEX, '0400', 10))).toEqual(['040012', '040013', '040003']);
  });
  it('"040": exact code first', () => {
    expect(codes(searchTerritories(INDEX, '040', 10))).toEqual(['040', '040012', '040013', '040003']);
  });
  it('limit, empty query, no match', () => {
    expect(searchTerritories(INDEX, 'forli', 2)).toHaveLength(2);
    expect(searchTerritories(INDEX, '   ', 10)).toEqual([]);
    expect(searchTerritories(INDEX, 'torino', 10)).toEqual([]);
    expect(codes(searchTerritories(INDEX, 'roma', 10))).toEqual(['08']); // emilia romagna
  });
  it('buildSearchIndex precomputes norm and gives the same results', () => {
    const idx = buildSearchIndex(INDEX);
    expect(idx[1].norm).toBe('forli cesena');
    expect(codes(searchTerritories(idx, 'forli', 10))).toEqual(codes(searchTerritories(INDEX, 'forli', 10)));
  });
});

// SYNTHETIC fixture: real NUTS2 codes and names (Europe's regions have no population in the table)
const EU: SearchEntry[] = [
  { code: 'ITF6', name: 'Calabria', level: 'nuts2' },
  { code: 'ITF5', name: 'Basilicata', level: 'nuts2' },
  { code: 'DE21', name: 'Oberbayern', level: 'nuts2' },
  { code: 'DE22', name: 'Niederbayern', level: 'nuts2' },
  { code: 'FI1B', name: 'Helsinki-Uusimaa', level: 'nuts2' },
];

describe('search by NUTS code', () => {
  it('reads ISTAT digits and NUTS codes as codes, names as names', () => {
    const codesTyped = ['ITF6', ' de21 ', 'fi1b', 'DE2', '040 012'];
    expect(codesTyped.map((q) => codeQuery(q))).toEqual(['ITF6', 'DE21', 'FI1B', 'DE2', '040012']);
    // no digit: a name, never a code (every NUTS2 code has a digit)
    expect(['Roma', 'ITF', 'Calabria 2'].map((q) => codeQuery(q))).toEqual([null, null, null]);
  });
  it('"ITF6" and "itf6" find Calabria (exact code); "DE2" the two DE2x regions (prefix), by name', () => {
    expect(searchHits(EU, 'ITF6', 10).map((h) => [h.entry.code, h.tier])).toEqual([['ITF6', 0]]);
    expect(codes(searchTerritories(EU, 'itf6', 10))).toEqual(['ITF6']);
    expect(codes(searchTerritories(EU, 'DE21', 10))).toEqual(['DE21']);
    expect(codes(searchTerritories(EU, 'DE2', 10))).toEqual(['DE22', 'DE21']); // Niederbayern < Oberbayern
    expect(codes(searchTerritories(EU, 'FI1B', 10))).toEqual(['FI1B']);
    // names still work on the same index
    expect(codes(searchTerritories(EU, 'bayern', 10))).toEqual(['DE22', 'DE21']);
  });
  it('an Italian region answers to its NUTS2 code (alias); ISTAT codes keep working', () => {
    const aliases = italianNutsAliases([
      { level: 'nuts2', code: 'ITF6', region_code: '18', province_code: null },
      { level: 'nuts2', code: 'ITH1', region_code: '04', province_code: '021' },
      { level: 'nuts2', code: 'DE21', region_code: null, province_code: null },
      { level: 'region', code: '18', region_code: null, province_code: null },
    ]);
    expect([...aliases]).toEqual([
      ['region:18', ['ITF6']],
      ['province:021', ['ITH1']],
    ]);
    const it: SearchEntry[] = [
      { code: '18', name: 'Calabria', level: 'region', population: 1_838_150, aliases: aliases.get('region:18') },
      {
        code: '021',
        name: 'Bolzano/Bozen',
        level: 'province',
        population: 534_912,
        aliases: aliases.get('province:021'),
      },
      { code: '101', name: 'Crotone', level: 'province', population: 160_000 },
      { code: '101010', name: 'Crotone', level: 'comune', population: 60_000 },
    ];
    expect(searchHits(it, 'ITF6', 10).map((h) => [h.entry.code, h.tier])).toEqual([['18', 0]]);
    expect(codes(searchTerritories(it, 'ith1', 10))).toEqual(['021']);
    expect(codes(searchTerritories(it, '101010', 10))).toEqual(['101010']);
    expect(codes(searchTerritories(it, '101', 10))).toEqual(['101', '101010']);
    expect(codes(searchTerritories(it, '18', 10))).toEqual(['18']);
  });
});
