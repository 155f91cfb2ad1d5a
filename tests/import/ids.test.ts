import { describe, it, expect } from 'vitest';
import {
  datasetId,
  datasetIdFree,
  indicatorIds,
  membersTableOf,
  ownIds,
  slugify,
  takenIds,
  uniqueIds,
} from '../../src/import/core/ids';

describe('uniqueIds: the first free numeric suffix, in order', () => {
  it('free ids stay as they are', () => {
    expect(uniqueIds(['a', 'b'], [])).toEqual([
      { wanted: 'a', id: 'a' },
      { wanted: 'b', id: 'b' },
    ]);
  });
  it('a duplicate within the list: a, a_2, a_3', () => {
    expect(uniqueIds(['a', 'a', 'a'], []).map((x) => x.id)).toEqual(['a', 'a_2', 'a_3']);
  });
  it('taken ids are skipped, and so is a suffix that is itself taken', () => {
    expect(uniqueIds(['a', 'a'], ['a', 'a_2']).map((x) => x.id)).toEqual(['a_3', 'a_4']);
  });
  it('a wanted id equal to an earlier one’s suffixed id: a, a_2 (wanted), a (→ a_3)', () => {
    expect(uniqueIds(['a', 'a_2', 'a'], []).map((x) => x.id)).toEqual(['a', 'a_2', 'a_3']);
  });
});

describe('indicatorIds, datasetId, takenIds', () => {
  it('columns then ratios, as buildIndicators makes them', () => {
    expect(
      indicatorIds(
        'f',
        ['Occupati (%)', 'occupati %'],
        [{ numerator: 'n', denominator: 'd' }],
        ['user_f_occupati'],
      ).map((x) => x.id),
    ).toEqual(['user_f_occupati_2', 'user_f_occupati_3', 'user_f_n_per_d']);
  });
  it('a grouping needs its id and its members table free', () => {
    expect(membersTableOf('user_g')).toBe('user_g_members');
    expect(datasetId('g', 'grouping', ['user_g_members']).id).toBe('user_g_2');
    expect(datasetId('g', 'services', ['user_g_members']).id).toBe('user_g');
    expect(datasetIdFree('user_g', 'grouping', ['user_g_members'])).toBe(false);
    expect(datasetIdFree('user_g', 'services', ['user_g_members'])).toBe(true);
  });
  it('takenIds: every kind, groupings with their table, minus a replaced dataset’s own ids', () => {
    const w = {
      indicators: ['pop', 'user_a_x'],
      layers: ['user_l'],
      groupings: ['user_g'],
      datasets: ['user_a', 'user_l', 'user_g'],
    };
    expect(takenIds(w)).toEqual(['pop', 'user_a', 'user_a_x', 'user_g', 'user_g_members', 'user_l']);
    expect(takenIds({ ...w, except: ownIds({ id: 'user_a', indicators: { metas: [{ id: 'user_a_x' }] } }) })).toEqual([
      'pop',
      'user_g',
      'user_g_members',
      'user_l',
    ]);
    expect(ownIds({ id: 'user_g', grouping: { id: 'user_g' } })).toEqual(['user_g', 'user_g', 'user_g_members']);
  });
  it('slugify: 24 characters at most, never empty', () => {
    expect(slugify('popolazione_residente_al_1_gennaio')).toBe('popolazione_residente_al');
    expect(slugify('%')).toBe('x');
    expect(slugify('__proto__')).toBe('proto');
  });
});

describe('dropDuplicateIds: a dataset stored before the fix (bug 2) restores without a duplicate key', () => {
  it('keeps the first indicator of an id and the first value per territory and year', async () => {
    const { dropDuplicateIds } = await import('../../src/import/core/ids');
    const metas = [
      { id: 'user_f_occupati', label: 'occupati (%)' },
      { id: 'user_f_occupati', label: 'occupati %' },
      { id: 'user_f_n', label: 'n' },
    ];
    const rows = [
      { indicator: 'user_f_occupati', level: 'comune', code: '101010', year: 2025, value: 41.5 },
      { indicator: 'user_f_occupati', level: 'comune', code: '101008', year: 2025, value: 38.2 },
      { indicator: 'user_f_occupati', level: 'comune', code: '101010', year: 2025, value: 41.7 },
      { indicator: 'user_f_occupati', level: 'comune', code: '101010', year: 2024, value: 40 },
      { indicator: 'user_f_n', level: 'comune', code: '101010', year: 2025, value: 3 },
    ];
    const out = dropDuplicateIds(metas, rows);
    expect(out.metas.map((m) => m.label)).toEqual(['occupati (%)', 'n']);
    expect(out.rows.map((r) => r.value)).toEqual([41.5, 38.2, 40, 3]);
    expect(out.dropped).toEqual(['user_f_occupati']);
  });
});
