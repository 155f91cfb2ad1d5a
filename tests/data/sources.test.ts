import { describe, it, expect } from 'vitest';
import { fx, sampleCodes } from './helpers.ts';
import { parseItter, parseValidita } from '../../data/build/codes.ts';
import { parseSdmx } from '../../data/build/sdmx.ts';
import { permitParts, permitIndicators } from '../../data/build/permits.ts';
import { eurostatNuts2, istatRegional } from '../../data/build/labour.ts';
import { incomeParts, incomeIndicators } from '../../data/build/income.ts';
import { receptionParts, receptionIndicators } from '../../data/build/reception.ts';
import { newReport, type IndicatorRow } from '../../data/build/types.ts';

const codes = sampleCodes();
const find = (rows: IndicatorRow[], indicator: string, level: string, code: string, year?: number) =>
  rows.filter(
    (r) => r.indicator === indicator && r.level === level && r.code === code && (year === undefined || r.year === year),
  );

describe('permits (103 areas)', () => {
  const itter = parseItter(fx('itter107_sample.csv'));
  const obs = parseSdmx(fx('permits_sdmx_sample.csv'), 'permits_sdmx_sample.csv');
  const { parts, italy } = permitParts(obs, itter.map, itter.notInPermits, 'permits_sdmx_sample.csv');
  const report = newReport();
  const rows = permitIndicators(codes, parts, report);

  it('keeps both-sexes province areas only and reads the Italy row for cross-checks', () => {
    expect(parts.filter((p) => p.year === 2019).map((p) => [p.code, p.num, p.den])).toEqual([
      ['001', 600, 1000],
      ['002', 150, 200],
      ['015', 200, 300],
    ]);
    expect(italy.get(2019)).toEqual({ lt: 950, tot: 1500 });
  });

  it('aggregates region and Italy as ratio of sums', () => {
    // Piemonte 2019: (600 + 150) / (1000 + 200) = 62.5 % (the mean of 60 % and 75 % would be 67.5 %)
    expect(find(rows, 'longterm_permit_share', 'region', '01', 2019)[0].value).toBeCloseTo(62.5, 12);
    // Italy 2019: 950 / 1500 = 63.33 %
    expect(find(rows, 'longterm_permit_share', 'italy', 'IT', 2019)[0].value).toBeCloseTo(63.3333333, 6);
  });

  it('writes no rows for a province folded into another area and reports it', () => {
    expect(rows.filter((r) => r.code === '108')).toEqual([]);
    expect(report.unmatched[0].codes).toContain('108');
    expect(report.unmatched[0].reason).toMatch(/not available separately/);
  });

  it('change 2019→2024 in percentage points at year 2024', () => {
    // Torino: 700/1000 = 70 % in 2024, 60 % in 2019 → +10 pp
    expect(find(rows, 'longterm_permit_share_change', 'province', '001')).toEqual([
      expect.objectContaining({ year: 2024, value: expect.closeTo(10, 10), numerator: null }),
    ]);
    // Vercelli has no 2024 value → no change row
    expect(find(rows, 'longterm_permit_share_change', 'province', '002')).toEqual([]);
  });
});

describe('Eurostat NUTS2 → region / province', () => {
  const report = newReport();
  const rows = eurostatNuts2(fx('eurostat_nuts2_sample.csv'), 'eurostat_nuts2_sample.csv', codes, report);
  it('maps ITC1 to region 01', () => {
    expect(find(rows, 'fb_employment_rate_20_64', 'region', '01')[0].value).toBe(66.0);
    expect(find(rows, 'employment_gap_native_fb', 'region', '01')[0].value).toBe(10.2);
  });
  it('maps ITH1/ITH2 to provinces 021/022 and writes nothing for region 04', () => {
    expect(find(rows, 'fb_employment_rate_20_64', 'province', '021')[0].value).toBe(76.4);
    expect(find(rows, 'fb_employment_rate_20_64', 'province', '022')[0].value).toBe(74.7);
    expect(rows.filter((r) => r.code === '04')).toEqual([]);
  });
  it('a blank cell is absence, never 0', () => {
    expect(find(rows, 'fb_unemployment_rate', 'province', '022')).toEqual([]);
    expect(find(rows, 'fb_unemployment_rate', 'province', '021')[0].value).toBe(4.3);
    expect(report.dropped).toEqual([
      {
        file: 'eurostat_nuts2_sample.csv',
        row: 4,
        code: 'ITH2',
        reason: 'blank unemployment_rate_foreign_born_15_74_pct (null in source)',
      },
    ]);
  });
});

describe('ISTAT regional files with old ITTER107 codes', () => {
  it('keeps annual, both sexes, and maps ITDA to Trentino-Alto Adige (04) after a name check', () => {
    const rows = istatRegional(
      fx('istat_regional_unemployment_sample.csv'),
      'u.csv',
      { dataType: 'UNEM_R', age: 'Y15-74', indicator: 'unemployment_rate', year: 2023 },
      codes,
      newReport(),
    );
    expect(rows.map((r) => [r.level, r.code, r.value])).toEqual([
      ['region', '01', 6.5],
      ['region', '04', 2.9],
      ['region', '03', 4.0],
    ]);
  });
  it('fails loudly when the name does not match the code', () => {
    expect(() =>
      istatRegional(
        fx('istat_regional_wrong_name.csv'),
        'istat_regional_wrong_name.csv',
        { dataType: 'UNEM_R', age: 'Y15-74', indicator: 'u', year: 2023 },
        codes,
        newReport(),
      ),
    ).toThrow(/Name mismatch in istat_regional_wrong_name.csv row 6: file says "Liguria", code table says "Lombardia"/);
  });
});

describe('income 2019 → current codes', () => {
  const report = newReport();
  const parts = incomeParts(
    fx('income_2019_merger_sample.csv'),
    'income.csv',
    codes,
    parseValidita(fx('codes_validita_merger_sample.csv')),
    report,
  );
  const rows = incomeIndicators(codes, parts);
  it('sums numerator and denominator of merged comuni', () => {
    // Uggiate con Ronago = Ronago + Uggiate-Trevano: (20,000,000 + 75,000,000) / (1,000 + 3,000) = 23,750 €
    // (the mean of the two averages, (20,000 + 25,000) / 2 = 22,500 €, would be wrong)
    expect(find(rows, 'avg_taxable_income', 'comune', '013256')).toEqual([
      {
        level: 'comune',
        code: '013256',
        indicator: 'avg_taxable_income',
        year: 2019,
        value: 23750,
        numerator: 95000000,
        denominator: 4000,
      },
    ]);
    expect(find(rows, 'avg_taxable_income', 'comune', '001001')[0].value).toBe(20000);
    // Italy: (38,000,000 + 95,000,000) / (1,900 + 4,000) = 22,542.37 €
    expect(find(rows, 'avg_taxable_income', 'italy', 'IT')[0].value).toBeCloseTo(22542.372881, 5);
  });
  it('reports the unmappable code and the row with no comune', () => {
    expect(report.unmatched).toEqual([
      { file: 'income.csv', codes: ['001999'], reason: '2019 comune code not mappable to a current code' },
    ]);
    expect(report.dropped.map((d) => d.row)).toEqual([5, 6]);
  });
});

describe('reception: last report date of each year', () => {
  const report = newReport();
  const pop = new Map([
    ['01', 4_000_000],
    ['03', 10_000_000],
    ['04', 1_000_000],
  ]);
  const { parts, dates } = receptionParts(fx('reception_last_date_sample.csv'), 'r.csv', codes, pop, report);
  const rows = receptionIndicators(codes, parts);
  it('picks 31 Dec 2024 and 15 Sep 2025 and sums the columns present', () => {
    expect(dates).toEqual({ 2024: '2024-12-31', 2025: '2025-09-15' });
    // Lombardia 2024: 10 + 5,000 + 990 = 6,000 → per 1,000 of 10,000,000 = 0.6
    expect(find(rows, 'reception_per_1000', 'region', '03', 2024)[0]).toMatchObject({
      numerator: 6000,
      value: expect.closeTo(0.6, 12),
    });
    // Italy 2024: (4,000 + 6,000 + 500) / 15,000,000 × 1,000 = 0.7
    expect(find(rows, 'reception_per_1000', 'italy', 'IT', 2024)[0].value).toBeCloseTo(0.7, 12);
  });
});
