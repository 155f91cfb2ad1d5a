import { describe, it, expect } from 'vitest';
import { indexTerritories, type IndicatorMeta, type IndicatorRow, type Territory } from '../../src/analytics/catalogue';
import { latestYearIn, rowsForYear, yearsIn } from '../../src/analytics/rowView';
import { territoryProfile } from '../../src/analytics/territoryProfile';
import { keyFigures } from '../../src/profile/figures';
import { compareRows, trendSeries } from '../../src/compare/values';
import { similarTerritories } from '../../src/compare/similar';
import { dataLookup } from '../../src/story/lookup';
import { packRows } from '../../src/import/core/packed';
import { columnsByIndicator, columnsView, countOf, lazyRows, unpackColumns } from '../../src/state/imported.svelte';
import { fixtureMeta, fixtureRow, fixtureTerritories } from '../fixtures/catalogue';

// SYNTHETIC rows (fixture): imported indicators over three years, read by the profile, the comparison and the story
const R = (level: IndicatorRow['level'], code: string, indicator: string, year: number, value: number | null) =>
  fixtureRow(level, code, value, indicator, year);
// Italy, regions 01 and 02, provinces 001–004 (004 without values)
const territories: Territory[] = fixtureTerritories();
const rows: IndicatorRow[] = [
  // user_a: provinces in 2022 and 2023; 2024 only missing values (the latest year with a value is 2023)
  ...['001', '002', '003'].map((c, i) => R('province', c, 'user_a', 2022, i + 1)),
  R('province', '001', 'user_a', 2023, 20),
  R('province', '002', 'user_a', 2023, 30),
  R('province', '003', 'user_a', 2023, 10),
  R('region', '01', 'user_a', 2023, 25),
  R('region', '02', 'user_a', 2023, 10),
  R('italy', 'IT', 'user_a', 2023, 20),
  ...['001', '002', '003'].map((c) => R('province', c, 'user_a', 2024, null)),
  // user_b: regions only (the provinces inherit), 2021 and 2023
  R('region', '01', 'user_b', 2021, 5),
  R('region', '02', 'user_b', 2021, 7),
  R('region', '01', 'user_b', 2023, 6),
  R('region', '02', 'user_b', 2023, 4),
];
const catalogue: IndicatorMeta[] = [fixtureMeta('user_a', 1), fixtureMeta('user_b', -1)];

/** The rows as the registry hands them to the DataStore, counting how often a whole list is made. */
function imported() {
  const made = { count: 0 };
  const byId = new Map<string, IndicatorRow[]>();
  for (const [id, c] of columnsByIndicator(packRows(rows)))
    byId.set(
      id,
      lazyRows(() => (made.count++, unpackColumns(c)), columnsView(c), countOf(c)),
    );
  return { byId, made };
}
const plain = new Map(['user_a', 'user_b'].map((id) => [id, rows.filter((r) => r.indicator === id)]));
const picks = ['001', '003'].map((code) => ({
  code,
  level: 'province' as const,
  territory: territories.find((t) => t.code === code),
}));
const p001 = territories[3];

describe('rows read one year at a time', () => {
  it('answers the latest year, the years and one year from a plain array as from the columns', () => {
    const { byId, made } = imported();
    for (const list of [plain.get('user_a')!, byId.get('user_a')!]) {
      expect(latestYearIn(list)).toBe(2023);
      expect(latestYearIn(list, 'region')).toBe(2023);
      expect(latestYearIn(list, 'comune')).toBeNull();
      expect(yearsIn(list)).toEqual([2022, 2023, 2024]);
      expect(rowsForYear(list, 2023).filter((r) => r.year === 2023)).toHaveLength(6);
    }
    // a plain array is handed back as it is (no copy); a view gives that year only, none for no year
    expect(rowsForYear(plain.get('user_a')!, 2023)).toBe(plain.get('user_a'));
    expect(rowsForYear(byId.get('user_a')!, 2022).map((r) => r.value)).toEqual([1, 2, 3]);
    expect(rowsForYear(byId.get('user_a')!, null)).toEqual([]);
    expect(byId.get('user_b')!.length).toBe(4);
    expect(made.count).toBe(0);
  });

  it('the profile, the comparison and the story read imported indicators without making every year’s rows', () => {
    const { byId, made } = imported();
    const figures = keyFigures(catalogue, byId, territories, p001);
    // hand-worked: 2023, own 20, second of 30, 20, 10; region 01 25, Italy 20; user_b inherited from region 01
    expect(figures[0]).toMatchObject({ year: 2023, own: { value: 20, inherited: false }, rank: { rank: 2, of: 3 } });
    expect(figures[0].parents.map((p) => p.value)).toEqual([25, 20]);
    expect(figures[1]).toMatchObject({ year: 2023, own: { value: 6, inherited: true }, rank: null });
    expect(figures).toEqual(keyFigures(catalogue, plain, territories, p001));

    expect(compareRows(catalogue, byId, territories, picks)).toEqual(compareRows(catalogue, plain, territories, picks));
    const trend = trendSeries(byId.get('user_a')!, territories, picks);
    expect(trend[0].points).toEqual([
      { x: 2022, y: 1 },
      { x: 2023, y: 20 },
      { x: 2024, y: null },
    ]);
    expect(trend).toEqual(trendSeries(plain.get('user_a')!, territories, picks));
    expect(similarTerritories(catalogue, byId, territories, 'province', '001', 2)).toEqual(
      similarTerritories(catalogue, plain, territories, 'province', '001', 2),
    );
    expect(territoryProfile(byId, territories, catalogue, 'province', '001')).toEqual(
      territoryProfile(plain, territories, catalogue, 'province', '001'),
    );

    const index = indexTerritories(territories);
    const story = dataLookup(catalogue, byId, territories, index);
    const storyPlain = dataLookup(catalogue, plain, territories, index);
    expect(story.latestYear('user_b')).toBe(2023);
    expect(story.value('user_a', 'province', '001')).toEqual({ value: 20, inherited: false, year: 2023 });
    expect(story.value('user_a', 'italy', 'IT', 2022)).toEqual({ value: null, inherited: false, year: 2022 });
    expect(story.value('user_b', 'province', '003', 2021)).toEqual(storyPlain.value('user_b', 'province', '003', 2021));
    expect(story.rank('user_a', 'province', '003')).toEqual(storyPlain.rank('user_a', 'province', '003'));
    expect(story.extreme('user_a', 'province', 'max')).toEqual({ code: '002', value: 30 });

    // none of them made an indicator's whole row list
    expect(made.count).toBe(0);
  });
});
