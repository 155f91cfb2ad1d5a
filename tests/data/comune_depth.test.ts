/**
 * Comune depth (census 2021, classifications 2023, Aree Interne 2020), on SYNTHETIC fixtures (the numbers
 * below are made up, worked by hand) over the sample code list: Agliè 001001, Torino 001272, Vercelli 002158,
 * Uggiate con Ronago 013256 (= 013199 Ronago + 013228 Uggiate-Trevano merged on 1 Jan 2024), Milano 015146,
 * Monza 108033, Bolzano 021008, Trento 022205. The real files are checked in tests/data/depth_outputs.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { fx, sampleCodes } from './helpers.ts';
import { parseValidita } from '../../data/build/codes.ts';
import * as depth from '../../data/build/comune_depth.ts';
import { incomeIndicators, pctChangeRows } from '../../data/build/income.ts';
import { checkAbsent, checkPilots } from '../../data/build/validate.ts';
import { newReport, type IndicatorRow, type Part } from '../../data/build/types.ts';

const codes = sampleCodes();
const validita = parseValidita(fx('codes_validita_merger_sample.csv'));
const mapper = () => depth.currentCodeMapper(codes, validita, new Map());
const one = (rows: IndicatorRow[], indicator: string, level: string, code: string) => {
  const r = rows.filter((x) => x.indicator === indicator && x.level === level && x.code === code);
  expect(r.length, `${indicator} ${level} ${code}`).toBeLessThanOrEqual(1);
  return r[0];
};

// fixture: census 2021 foreigners (Vercelli written without leading zeros and with an empty cell; Uggiate-Trevano empty)
const CENSUS_F = `pro_com_t,comune,stranieri_31122021,pop_legale_2021,quota_stranieri
001001,Agliè,200,2000,0.1
001272,Torino,1000,8000,0.125
2158,Vercelli,,4000,
013199,Ronago,30,1000,0.03
013228,Uggiate-Trevano,,3000,
015146,Milano,500,5000,0.1
108033,Monza,100,2000,0.05
021008,Bolzano,40,400,0.1
022205,Trento,60,600,0.1
`;

describe('census 2021 foreigners → current codes, counts and same-date ratio', () => {
  const report = newReport();
  const f = depth.parseCensusForeigners(CENSUS_F, 'census.csv', mapper(), report);
  const rows = depth.censusForeignIndicators(codes, f.byComune);

  it('sums the file and lists the empty cells (missing, never 0)', () => {
    expect(f.problems).toEqual([]);
    expect(f.sums).toEqual({ foreign: 1930, pop: 26000 });
    expect(f.emptyCells).toEqual(['002158', '013228']);
  });
  it('a merged comune sums its predecessors (the empty one adds nothing, its population stays)', () => {
    expect(f.byComune.get('013256')).toEqual({ foreign: 30, pop: 4000 });
    expect(one(rows, 'foreign_residents_census', 'comune', '013256')?.value).toBe(30);
    expect(one(rows, 'foreign_per_100_census', 'comune', '013256')).toMatchObject({
      value: 0.75,
      numerator: 30,
      denominator: 4000,
    });
  });
  it('a comune whose cell is empty has no row at all — and neither does a province made only of such comuni', () => {
    expect(one(rows, 'foreign_residents_census', 'comune', '002158')).toBeUndefined();
    expect(one(rows, 'foreign_per_100_census', 'comune', '002158')).toBeUndefined();
    expect(one(rows, 'foreign_residents_census', 'province', '002')).toBeUndefined();
    expect(one(rows, 'foreign_per_100_census', 'province', '002')).toBeUndefined();
    expect(checkAbsent(rows, 'foreign_residents_census', f.emptyCells, 'census.csv')).toEqual([]);
    expect(
      checkAbsent(
        [
          {
            level: 'comune',
            code: '002158',
            indicator: 'foreign_residents_census',
            year: 2021,
            value: 0,
            numerator: null,
            denominator: null,
          },
        ],
        'foreign_residents_census',
        ['002158'],
        'census.csv',
      )[0],
    ).toMatch(/002158/);
  });
  it('ratio of sums upward: known foreigners over the population of ALL comuni (Piemonte: 1200 / 14000)', () => {
    expect(one(rows, 'foreign_per_100_census', 'province', '001')).toMatchObject({
      numerator: 1200,
      denominator: 10000,
      value: 12,
    });
    expect(one(rows, 'foreign_per_100_census', 'region', '01')).toMatchObject({ numerator: 1200, denominator: 14000 });
    expect(one(rows, 'foreign_per_100_census', 'region', '01')!.value).toBeCloseTo((1200 / 14000) * 100, 12);
    expect(one(rows, 'foreign_residents_census', 'region', '01')?.value).toBe(1200);
    expect(one(rows, 'foreign_residents_census', 'italy', 'IT')?.value).toBe(1930);
    expect(one(rows, 'foreign_per_100_census', 'italy', 'IT')).toMatchObject({ numerator: 1930, denominator: 26000 });
  });
  it('the remappings are reported', () => {
    expect(report.notes.join('\n')).toMatch(/013199→013256, 013228→013256/);
  });
});

describe('a code that cannot be carried to a current comune is a build problem, never dropped silently', () => {
  it('001999 (ended 2020, no successor)', () => {
    const f = depth.parseCensusForeigners(CENSUS_F + '001999,Fantasma,5,50,0.1\n', 'census.csv', mapper(), newReport());
    expect(f.problems).toEqual(['census.csv, row 11: comune code 001999 cannot be mapped to a current comune']);
  });
  it('a current comune absent from a file is listed', () => {
    const f = depth.parseCensusForeigners(CENSUS_F.replace(/^022205.*\n/m, ''), 'census.csv', mapper(), newReport());
    expect(depth.missingCurrent(codes, f.byComune)).toEqual(['022205']);
  });
});

describe('census 2021 labour: unemployed / labour force', () => {
  // fixture (register-based estimates have decimals); Vercelli's unemployed cell is empty; a 2018-only row is skipped
  const CENSUS_L = `pro_com_t,comune,forze_lavoro_2021,disoccupati_2021,tasso_disocc_2021,forze_lavoro_2018,disoccupati_2018,tasso_disocc_2018
001001,Agliè,1000.5,100.5,,1000,100,0.1
001272,Torino,4000,400,,4000,400,0.1
002158,Vercelli,20,,,20,1,0.05
001999,Fantasma,,,,10,1,0.1
013199,Ronago,500,50,,500,50,0.1
013228,Uggiate-Trevano,1500,150,,1500,150,0.1
015146,Milano,2000,100,,2000,100,0.05
108033,Monza,1000,50,,1000,50,0.05
021008,Bolzano,100,3,,100,3,0.03
022205,Trento,100,5,,100,5,0.05
`;
  const report = newReport();
  const l = depth.parseCensusLabour(CENSUS_L, 'lab.csv', mapper(), report);
  const rows = depth.censusLabourIndicators(codes, l.byComune);
  it('skips the 2018-only row (reported), maps the merger, keeps the empty cell missing', () => {
    expect(l.problems).toEqual([]);
    expect(report.dropped.map((d) => d.code)).toEqual(['001999']);
    expect(l.emptyCells).toEqual(['002158']);
    expect(one(rows, 'unemployment_rate_census', 'comune', '013256')).toMatchObject({
      numerator: 200,
      denominator: 2000,
      value: 10,
    });
    expect(one(rows, 'unemployment_rate_census', 'comune', '002158')).toBeUndefined();
    expect(one(rows, 'unemployment_rate_census', 'province', '002')).toBeUndefined();
  });
  it('rates by hand: Agliè 100.5 / 1000.5; Piemonte (100.5 + 400) / (1000.5 + 4000 + 20)', () => {
    expect(one(rows, 'unemployment_rate_census', 'comune', '001001')!.value).toBeCloseTo(10.044977511244378, 12);
    expect(one(rows, 'unemployment_rate_census', 'region', '01')!.value).toBeCloseTo((500.5 / 5020.5) * 100, 12);
    expect(one(rows, 'unemployment_rate_census', 'italy', 'IT')).toMatchObject({
      numerator: 858.5,
      denominator: 10220.5,
    });
  });
});

describe('classifications 2023: population 1 Jan 2023, classes, rural share', () => {
  const CLS = `cod_regione,pro_com_t,pro_com,denominazione,denominazione_altra_lingua,superficie_kmq_2023,pop_legale_2021,pop_residente_31122022,zona_altimetrica,altitudine_centro_m,comune_litoraneo,comune_isolano,zone_costiere,degurba
01,001001,1001,Agliè,,13,2000,1990,3,315,0,0,0,3
01,001272,1272,Torino,,130,8000,8010,5,239,0,0,0,1
01,002158,2158,Vercelli,,79,4000,3900,5,130,0,0,0,2
03,013199,13199,Ronago,,2,1000,1000,3,350,0,0,0,3
03,013228,13228,Uggiate-Trevano,,5,3000,3000,3,400,0,0,0,2
03,015146,15146,Milano,,181,5000,5100,5,120,0,0,0,1
03,108033,108033,Monza,,33,2000,2000,5,160,0,0,0,1
04,021008,21008,Bolzano,,52,400,400,1,262,0,0,0,1
04,022205,22205,Trento,,157,600,600,1,194,0,0,0,1
`;
  const report = newReport();
  const c = depth.parseClassifications(CLS, 'cls.csv', mapper(), report);
  const rows = depth.classificationIndicators(codes, c.byComune, report);
  it('population 1 Jan 2023 per province (the same-date denominator of foreign_per_100)', () => {
    expect(c.popSum).toBe(26000);
    const p = depth.population2023ByProvince(codes, c.byComune);
    expect(p.get('001')).toBe(10000);
    expect(p.get('013')).toBe(4000);
  });
  it('a merged comune keeps a class only when its predecessors agree', () => {
    expect(one(rows, 'altitude_zone', 'comune', '013256')?.value).toBe(3);
    expect(one(rows, 'degurba', 'comune', '013256')).toBeUndefined();
    expect(report.notes.join('\n')).toMatch(/013256 degurba/);
    expect(one(rows, 'degurba', 'comune', '001272')?.value).toBe(1);
  });
  it('classes are comune-only; the rural share is a ratio of population sums', () => {
    expect(rows.some((r) => r.indicator === 'degurba' && r.level !== 'comune')).toBe(false);
    // Uggiate con Ronago: Ronago rural (1000) of 4000
    expect(one(rows, 'pop_share_rural', 'comune', '013256')).toMatchObject({
      numerator: 1000,
      denominator: 4000,
      value: 25,
    });
    expect(one(rows, 'pop_share_rural', 'region', '01')).toMatchObject({ numerator: 1990, denominator: 13900 });
    expect(one(rows, 'pop_share_rural', 'italy', 'IT')).toMatchObject({ numerator: 2990, denominator: 26000 });
  });
  it('an unknown class value fails with file, row and column', () => {
    expect(() =>
      depth.parseClassifications(
        CLS.replace('0,0,0,3\n01,001272', '0,0,0,4\n01,001272'),
        'cls.csv',
        mapper(),
        newReport(),
      ),
    ).toThrow(/cls.csv, row 2, column "degurba"/);
  });
});

describe('Aree Interne 2020: class, inner-area population share, population-weighted minutes', () => {
  const AI = `pro_com_t,cod_reg,regione,cod_prov,sigla,provincia,comune_30sett2020,flag_capoluogo,superficie_kmq_2019,pop_residente_censimento_2020,cod_ai_2020,des_ai_2020,tempo_medio_percorrenza_min,procom_polo_destinazione,comune_polo_destinazione
001001,1,Piemonte,201,TO,Torino,Agliè,0,13,2000,D,D - Intermedio,30,1272,Torino
001272,1,Piemonte,201,TO,Torino,Torino,1,130,8000,A,A - Polo,0,1272,Torino
002158,1,Piemonte,2,VC,Vercelli,Vercelli,1,79,4000,A,A - Polo,0,2158,Vercelli
013199,3,Lombardia,13,CO,Como,Ronago,0,2,1000,E,E - Periferico,50,13075,Como
013228,3,Lombardia,13,CO,Como,Uggiate-Trevano,0,5,3000,C,C - Cintura,10,13075,Como
015146,3,Lombardia,215,MI,Milano,Milano,1,181,5000,A,A - Polo,0,15146,Milano
108033,3,Lombardia,108,MB,Monza,Monza,1,33,2000,A,A - Polo,0,108033,Monza
021008,4,Trentino,21,BZ,Bolzano,Bolzano,1,52,400,A,A - Polo,0,21008,Bolzano
022205,4,Trentino,22,TN,Trento,Trento,1,157,600,A,A - Polo,0,22205,Trento
`;
  const report = newReport();
  const a = depth.parseAreeInterne(AI, 'ai.csv', mapper(), report);
  const rows = depth.areeInterneIndicators(codes, a.byComune, report);
  it('counts the classes of the file', () => {
    expect(a.classCounts).toEqual({ D: 1, A: 6, E: 1, C: 1 });
  });
  it('classes 1..6 = A..F; a merger of E and C has no class', () => {
    expect(one(rows, 'inner_area_class', 'comune', '001001')?.value).toBe(4);
    expect(one(rows, 'inner_area_class', 'comune', '001272')?.value).toBe(1);
    expect(one(rows, 'inner_area_class', 'comune', '013256')).toBeUndefined();
  });
  it('minutes: a merger is the population-weighted mean (50·1000 + 10·3000) / 4000 = 20; Piemonte (30·2000) / 14000', () => {
    expect(one(rows, 'minutes_to_pole', 'comune', '013256')).toMatchObject({
      value: 20,
      numerator: 80000,
      denominator: 4000,
    });
    expect(one(rows, 'minutes_to_pole', 'region', '01')!.value).toBeCloseTo(60000 / 14000, 12);
  });
  it('inner-area share: population of D/E/F comuni over all (Italy (2000 + 1000) / 26000)', () => {
    expect(one(rows, 'pop_share_inner_areas', 'comune', '013256')).toMatchObject({ value: 25 });
    expect(one(rows, 'pop_share_inner_areas', 'italy', 'IT')).toMatchObject({ numerator: 3000, denominator: 26000 });
  });
});

describe('income: % change 2019 → 2021 from each level’s own averages (never an average of changes)', () => {
  // fixture: two comuni of province 001 — Agliè 20,000 → 22,000 € (+10 %), Torino 30,000 → 30,000 € (0 %)
  const parts: Part[] = [
    { code: '001001', year: 2019, num: 20000 * 100, den: 100 },
    { code: '001001', year: 2021, num: 22000 * 100, den: 100 },
    { code: '001272', year: 2019, num: 30000 * 300, den: 300 },
    { code: '001272', year: 2021, num: 30000 * 300, den: 300 },
  ];
  const rows = incomeIndicators(codes, parts);
  it('comuni: +10 % and 0 %', () => {
    expect(one(rows, 'avg_taxable_income_change', 'comune', '001001')!.value).toBeCloseTo(10, 12);
    expect(one(rows, 'avg_taxable_income_change', 'comune', '001272')!.value).toBe(0);
  });
  it('province: averages (2,000,000 + 9,000,000) / 400 = 27,500 → 11,200,000 / 400 = 28,000: +1.8181… % (not the mean +5 %)', () => {
    expect(one(rows, 'avg_taxable_income_change', 'province', '001')!.value).toBeCloseTo((28000 / 27500 - 1) * 100, 12);
  });
  it('no value without both years', () => {
    expect(
      pctChangeRows(
        [{ level: 'comune', code: 'x', indicator: 'a', year: 2021, value: 5, numerator: null, denominator: null }],
        'c',
        2019,
        2021,
      ),
    ).toEqual([]);
  });
});

describe('pilot check names every wrong pilot', () => {
  it('an empty set of rows fails for all five pilots', () => {
    const p = checkPilots([]);
    expect(p).toHaveLength(15);
    expect(p).toContain('pilot Roma 058091: foreign_residents_census undefined, expected 338548');
  });
});
