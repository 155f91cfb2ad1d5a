/**
 * Comune depth on the REAL generated files (skipped, with a message, when `npm run data` has not been run):
 * national sums, the pilot comuni's golden values (MANIFEST.md), missing stays missing, same-date denominators,
 * the catalogue contract (kind, aggregation, value labels).
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { queryJson } from './helpers.ts';
import { taxpayerTotal } from '../../data/build/income.ts';
import { RAW_FILES } from '../../data/build/paths.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const I = path.join(ROOT, 'public', 'data', 'indicators.parquet');
const C = path.join(ROOT, 'public', 'data', 'catalogue.json');
const built = fs.existsSync(I) && fs.existsSync(C);
if (!built) console.warn('tests/data/depth_outputs.test.ts: public/data not built — run `npm run data`; skipping');

const EMPTY_CENSUS_FOREIGN = [
  '001108',
  '001157',
  '001212',
  '002170',
  '004031',
  '004047',
  '004060',
  '004083',
  '004103',
  '007056',
  '010022',
  '014047',
  '016090',
  '016230',
  '017036',
  '017098',
  '022085',
  '022216',
  '057036',
  '070039',
  '090040',
  '091104',
  '094013',
  '095014',
  '095042',
  '097063',
  '097064',
  '103032',
  '103043',
  '111064',
];

describe.skipIf(!built)('comune depth in the generated files', () => {
  const q = queryJson;
  const val = async (indicator: string, level: string, code: string, year: number) =>
    (
      await q(
        `SELECT value, numerator, denominator FROM '${I}' WHERE indicator = '${indicator}' AND level = '${level}' AND code = '${code}' AND year = ${year}`,
      )
    )[0];

  it('census 2021: Italy = 5,030,716 foreign residents over 59,030,133 (the sum of all comuni, same date)', async () => {
    expect((await val('foreign_residents_census', 'italy', 'IT', 2021)).value).toBe(5030716);
    const r = await val('foreign_per_100_census', 'italy', 'IT', 2021);
    expect([r.numerator, r.denominator]).toEqual([5030716, 59030133]);
    const [s] = await q(
      `SELECT sum(value)::BIGINT AS s FROM '${I}' WHERE indicator = 'foreign_residents_census' AND level = 'comune'`,
    );
    expect(s.s).toBe('5030716');
  });

  it.each([
    ['101010', 'Crotone', 2979, 59359, 15.6],
    ['058091', 'Roma', 338548, 2749031, 11.4],
    ['001272', 'Torino', 124585, 848748, 10.3],
    ['032006', 'Trieste', 22192, 199015, 8.5],
    ['089017', 'Siracusa', 5699, 117055, 15.1],
  ])('pilot %s %s: %i foreign residents of %i; unemployment %d %%', async (code, _n, f, p, u) => {
    expect((await val('foreign_residents_census', 'comune', code, 2021)).value).toBe(f);
    const r = await val('foreign_per_100_census', 'comune', code, 2021);
    expect([r.numerator, r.denominator]).toEqual([f, p]);
    expect(Math.round((r.value as number) * 10) / 10).toBe(Math.round((f / p) * 1000) / 10);
    expect(Math.round(((await val('unemployment_rate_census', 'comune', code, 2021)).value as number) * 10) / 10).toBe(
      u,
    );
  });

  it('Crotone: 5.0 per 100 at the census', async () => {
    expect(((await val('foreign_per_100_census', 'comune', '101010', 2021)).value as number).toFixed(1)).toBe('5.0');
  });

  it('the 30 comuni with an empty census cell have no row (missing, never 0)', async () => {
    const list = EMPTY_CENSUS_FOREIGN.map((c) => `'${c}'`).join(',');
    const rows = await q(
      `SELECT code FROM '${I}' WHERE indicator IN ('foreign_residents_census', 'foreign_per_100_census') AND level = 'comune' AND code IN (${list})`,
    );
    expect(rows).toEqual([]);
    const [n] = await q(
      `SELECT count(*) AS n FROM '${I}' WHERE indicator = 'foreign_residents_census' AND level = 'comune'`,
    );
    expect(n.n).toBe(String(7896 - 30));
  });

  it('foreign_per_100 (1 Jan 2023) uses the 1 Jan 2023 population: Italy 5,141,341 / 58,850,717', async () => {
    const r = await val('foreign_per_100', 'italy', 'IT', 2023);
    expect([r.numerator, r.denominator]).toEqual([5141341, 58850717]);
    // Crotone province: the 1 Jan 2023 province total, 8,924 foreigners
    expect((await val('foreign_per_100', 'province', '101', 2023)).numerator).toBe(8924);
  });

  it('MEF taxpayers (all rows of the files): 41,177,739 in 2020, 41,497,318 in 2021', () => {
    const rd = (f: string) => fs.readFileSync(path.join(ROOT, 'data', 'raw', f), 'utf8');
    expect(taxpayerTotal(rd(RAW_FILES.income2020), RAW_FILES.income2020)).toBe(41177739);
    expect(taxpayerTotal(rd(RAW_FILES.income2021), RAW_FILES.income2021)).toBe(41497318);
  });

  it('income has 2019–2021 at every level; the change is computed from each level’s averages', async () => {
    const [y] = await q(
      `SELECT list(DISTINCT year ORDER BY year) AS y FROM '${I}' WHERE indicator = 'avg_taxable_income' AND level = 'comune'`,
    );
    expect(y.y).toEqual([2019, 2020, 2021]);
    const a19 = (await val('avg_taxable_income', 'italy', 'IT', 2019)).value as number;
    const a21 = (await val('avg_taxable_income', 'italy', 'IT', 2021)).value as number;
    expect((await val('avg_taxable_income_change', 'italy', 'IT', 2021)).value).toBeCloseTo((a21 / a19 - 1) * 100, 10);
  });

  it('classes are comune-only; shares and minutes go up to Italy', async () => {
    const rows = await q(
      `SELECT level, count(*) AS n FROM '${I}' WHERE indicator IN ('degurba', 'altitude_zone', 'coastal', 'island', 'inner_area_class') GROUP BY level`,
    );
    expect(rows.map((r) => r.level)).toEqual(['comune']);
    const r = await val('pop_share_rural', 'italy', 'IT', 2023);
    expect(r.denominator).toBe(58850717);
    const m = await val('minutes_to_pole', 'comune', '101010', 2020);
    expect(m.value).toBe(0); // Crotone is a pole (A)
  });

  it('catalogue: every entry has kind and aggregation; counts are sums; classes carry value labels; dates_differ only where no same-date denominator exists', () => {
    const cat = JSON.parse(fs.readFileSync(C, 'utf8')) as {
      id: string;
      kind: string;
      aggregation: string;
      dates_differ: boolean;
      value_labels: { value: number; label: { it: string; en: string } }[] | null;
    }[];
    for (const m of cat) {
      expect(['count', 'rate', 'index', 'amount', 'class'], m.id).toContain(m.kind);
      expect(['sum', 'ratio_of_sums', 'weighted_mean', 'none'], m.id).toContain(m.aggregation);
      if (m.kind === 'count') expect(m.aggregation, m.id).toBe('sum');
      if (m.kind === 'class') expect(m.value_labels?.length, m.id).toBeGreaterThan(1);
    }
    const by = new Map(cat.map((m) => [m.id, m]));
    expect(by.get('foreign_residents_census')?.kind).toBe('count');
    expect(by.get('foreign_residents')?.kind).toBe('count');
    expect(by.get('minutes_to_pole')?.aggregation).toBe('weighted_mean');
    expect(by.get('degurba')?.value_labels?.map((v) => v.label.en)).toEqual(['city', 'town or suburb', 'rural area']);
    expect(cat.filter((m) => m.dates_differ).map((m) => m.id)).toEqual(['reception_per_1000']);
  });

  it('one indicator is still a few row groups (range requests stay small)', async () => {
    const rows = await q(
      `SELECT row_group_id, stats_min_value AS lo, stats_max_value AS hi FROM parquet_metadata('${I}') WHERE path_in_schema = 'indicator' ORDER BY row_group_id`,
    );
    const groups = rows.filter(
      (r) => (r.lo as string) <= 'foreign_per_100_census' && 'foreign_per_100_census' <= (r.hi as string),
    );
    expect(groups.length).toBeLessThanOrEqual(5); // 7,994 rows in groups of 2,048
  });
});
