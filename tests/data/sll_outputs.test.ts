/**
 * Local labour systems in the REAL generated files (skipped, with a message, when `npm run data` has not been run):
 * 515 SLL rows and boundaries, every comune with its sll_code, and Crotone's SLL (1830) worked by hand from its
 * 16 comuni (census 2021 cells of stranieri_comuni_censimento_2021.csv, ANPR January 2026).
 */
import { describe, it, expect } from 'vitest';
import { requireBuilt } from '../builtData';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { queryJson } from './helpers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const D = path.join(ROOT, 'public', 'data');
const T = path.join(D, 'territories.parquet');
const I = path.join(D, 'indicators.parquet');
const G = path.join(ROOT, 'public', 'geo', 'sll.topo.json');
requireBuilt(...[T, I, G]);

describe('local labour systems in the generated files', () => {
  const q = queryJson;
  const value = async (indicator: string, year: number) =>
    (
      await q(
        `SELECT value, numerator, denominator FROM '${I}' WHERE level = 'sll' AND code = '1830' AND indicator = '${indicator}' AND year = ${year}`,
      )
    )[0];

  it('515 SLL rows (region of the SLL, no province, no sll_code), 515 boundaries; every comune has an sll_code', async () => {
    const [n] = await q(
      `SELECT count(*)::INT AS n, count(DISTINCT region_code)::INT AS regions, count(province_code)::INT AS prov,
              count(sll_code)::INT AS own FROM '${T}' WHERE level = 'sll'`,
    );
    expect(n).toEqual({ n: 515, regions: 20, prov: 0, own: 0 });
    const [c] = await q(
      `SELECT count(*)::INT AS n, count(sll_code)::INT AS with_sll, count(DISTINCT sll_code)::INT AS slls FROM '${T}' WHERE level = 'comune'`,
    );
    expect(c).toEqual({ n: 7896, with_sll: 7896, slls: 515 });
    const [other] = await q(`SELECT count(sll_code)::INT AS n FROM '${T}' WHERE level NOT IN ('comune')`);
    expect(other.n).toBe(0);
    const topo = JSON.parse(fs.readFileSync(G, 'utf8'));
    expect(topo.objects.territories.geometries).toHaveLength(515);
    expect(
      topo.objects.territories.geometries.find((g: { properties: { code: string } }) => g.properties.code === '1830')
        .properties,
    ).toEqual({ code: '1830', name: 'Crotone' });
  });

  it('Crotone SLL 1830: its 16 comuni of province 101, region 18; population 114,951 (Σ ANPR 2026)', async () => {
    const members = await q(`SELECT code FROM '${T}' WHERE level = 'comune' AND sll_code = '1830' ORDER BY code`);
    expect(members.map((m) => m.code)).toEqual(
      [
        '001',
        '002',
        '004',
        '005',
        '006',
        '010',
        '012',
        '013',
        '016',
        '019',
        '020',
        '021',
        '023',
        '024',
        '025',
        '027',
      ].map((c) => `101${c}`),
    );
    const [t] = await q(
      `SELECT name, region_code, population::INT AS population FROM '${T}' WHERE level = 'sll' AND code = '1830'`,
    );
    expect(t).toEqual({ name: 'Crotone', region_code: '18', population: 114951 });
    expect((await value('population', 2026)).value).toBe(114951);
  });

  it('Crotone SLL 1830, census 2021, by hand: 97 + 48 + 111 + 59 + 23 + 2,979 + 562 + 1,906 + 10 + 390 + 59 + 70 + 37 + 86 + 289 + 18 = 6,744 foreign residents of 114,704 → 5.88 per 100', async () => {
    expect((await value('foreign_residents_census', 2021)).value).toBe(6744);
    const r = await value('foreign_per_100_census', 2021);
    expect(r).toMatchObject({ numerator: 6744, denominator: 114704 });
    expect(r.value).toBeCloseTo((6744 / 114704) * 100, 10);
    expect(r.value).toBeCloseTo(5.8795, 4);
  });

  it('Crotone SLL 1830 unemployment (census): Σ unemployed / Σ labour force of the 16 comuni = 15.17 %, not a mean of rates', async () => {
    const r = await value('unemployment_rate_census', 2021);
    expect(r.value).toBeCloseTo(15.1711, 4);
    const [s] = await q(
      `SELECT sum(numerator) AS num, sum(denominator) AS den, avg(value) AS mean FROM '${I}' i JOIN '${T}' t USING (level, code)
       WHERE t.sll_code = '1830' AND indicator = 'unemployment_rate_census' AND year = 2021`,
    );
    expect(r.numerator).toBeCloseTo(Number(s.num), 6);
    expect(r.denominator).toBeCloseTo(Number(s.den), 6);
    expect(Math.abs(Number(r.value) - Number(s.mean))).toBeGreaterThan(1); // the plain mean of the rates (13.5) is not it
  });

  it('an SLL with a member comune without a value gets none (missing, never a partial sum); classes are not carried', async () => {
    // 001108 has an empty census foreigner cell: its SLL has no foreign_residents_census
    const [c] = await q(`SELECT sll_code FROM '${T}' WHERE level = 'comune' AND code = '001108'`);
    const rows = await q(
      `SELECT count(*)::INT AS n FROM '${I}' WHERE level = 'sll' AND code = '${c.sll_code}' AND indicator = 'foreign_residents_census'`,
    );
    expect(rows[0].n).toBe(0);
    const [cls] = await q(
      `SELECT count(*)::INT AS n FROM '${I}' WHERE level = 'sll' AND indicator IN ('degurba', 'inner_area_class')`,
    );
    expect(cls.n).toBe(0);
  });

  it('the catalogue lists sll for the indicators carried up; the build report lists the crosswalk and the incomplete SLL', () => {
    const cat = JSON.parse(fs.readFileSync(path.join(D, 'catalogue.json'), 'utf8')) as {
      id: string;
      levels: string[];
    }[];
    const lv = (id: string) => cat.find((m) => m.id === id)!.levels;
    expect(lv('foreign_per_100_census')).toContain('sll');
    expect(lv('avg_taxable_income_change')).toContain('sll');
    expect(lv('unemployment_rate')).not.toContain('sll');
    const rep = JSON.parse(fs.readFileSync(path.join(D, 'build-report.json'), 'utf8'));
    expect(rep.sll.crosswalk).toContain('377 Sardinian comuni matched by name to their 2026 codes');
    expect(rep.sll.incomplete.find((x: { indicator: string }) => x.indicator === 'foreign_residents_census').sll).toBe(
      22,
    );
  });
});
