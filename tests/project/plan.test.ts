/** Opening a project: the merge plan with clashes, the renaming of a dataset kept beside, codes no longer in the data. */
import { describe, expect, it } from 'vitest';
import { checkCodes, planDatasets, remapJson, remapText, renamed, type Incoming } from '../../src/project/plan';

const ind: Incoming = {
  id: 'user_cpi',
  name: 'Centri per l’impiego',
  kind: 'indicators',
  ids: ['user_cpi', 'user_cpi_sportelli', 'user_cpi_utenti'],
};
const grp: Incoming = { id: 'user_ats', name: 'ATS', kind: 'grouping', ids: ['user_ats', 'user_ats_members'] };

describe('merge plan', () => {
  it('a dataset new to this browser is added (or skipped); no clash', () => {
    expect(planDatasets([ind], [], ['population'])).toEqual([
      { id: 'user_cpi', name: 'Centri per l’impiego', clash: null, actions: ['add', 'skip'] },
    ]);
  });

  it('same id: keep both is the default, replace and skip offered; never a silent replacement', () => {
    const [r] = planDatasets([ind], [{ id: 'user_cpi', name: 'Mine', ids: ['user_cpi'] }], []);
    expect(r.clash).toEqual({ with: { id: 'user_cpi', name: 'Mine' }, by: 'id' });
    expect(r.actions).toEqual(['rename', 'replace', 'skip']);
  });

  it('same name (case and spaces aside) under another id is a clash too', () => {
    const [r] = planDatasets([ind], [{ id: 'user_other', name: ' centri per l’impiego ', ids: ['user_other'] }], []);
    expect(r.clash?.by).toBe('name');
  });

  it('an indicator id another dataset here already holds is a clash', () => {
    const [r] = planDatasets([ind], [{ id: 'user_x', name: 'X', ids: ['user_x', 'user_cpi_utenti'] }], []);
    expect(r.clash).toEqual({ with: { id: 'user_x', name: 'X' }, by: 'ids' });
  });

  it('an id of the bundled data can only be renamed or skipped', () => {
    const [r] = planDatasets([{ ...ind, ids: [...ind.ids, 'population'] }], [], ['population']);
    expect(r).toMatchObject({ clash: null, actions: ['rename', 'skip'] });
  });

  it('each dataset gets its own row', () => {
    const rows = planDatasets([ind, grp], [{ id: 'user_ats', name: 'ATS', ids: ['user_ats', 'user_ats_members'] }], []);
    expect(rows.map((r) => [r.id, r.clash?.by ?? null])).toEqual([
      ['user_cpi', null],
      ['user_ats', 'id'],
    ]);
  });
});

describe('renamed (kept beside)', () => {
  it('the first free suffix for the dataset and each indicator, a numbered name', () => {
    const r = renamed(
      ind,
      ['user_cpi', 'user_cpi_sportelli', 'user_cpi_utenti', 'user_cpi_2'],
      ['Centri per l’impiego'],
    );
    expect(r.id).toBe('user_cpi_3');
    expect(r.name).toBe('Centri per l’impiego (2)');
    expect([...r.ids]).toEqual([
      ['user_cpi', 'user_cpi_3'],
      ['user_cpi_sportelli', 'user_cpi_sportelli_2'],
      ['user_cpi_utenti', 'user_cpi_utenti_2'],
    ]);
  });

  it('a grouping: its members table follows its id; a taken members table counts as taken', () => {
    const r = renamed(grp, ['user_ats', 'user_ats_members', 'user_ats_2_members'], ['ATS', 'ATS (2)']);
    expect(r.id).toBe('user_ats_3');
    expect(r.name).toBe('ATS (3)');
    expect(r.ids.get('user_ats_members')).toBe('user_ats_3_members');
  });
});

describe('the renaming in settings and stories', () => {
  const ids = new Map([
    ['user_cpi_utenti', 'user_cpi_utenti_2'],
    ['user_ats', 'user_ats_3'],
  ]);
  it('whole ids only, inside links too', () => {
    expect(remapText('?level=comune&grp=user_ats&ind=user_cpi_utenti', ids)).toBe(
      '?level=comune&grp=user_ats_3&ind=user_cpi_utenti_2',
    );
    // a longer id that starts the same is another id
    expect(remapText('user_ats_old user_cpi_utenti_x', ids)).toBe('user_ats_old user_cpi_utenti_x');
  });
  it('every string of a JSON value, deep; numbers and keys untouched', () => {
    const cfg = { indicators: [{ id: 'user_cpi_utenti', weight: 2 }], note: 'user_ats' };
    expect(remapJson(cfg, ids)).toEqual({ indicators: [{ id: 'user_cpi_utenti_2', weight: 2 }], note: 'user_ats_3' });
    expect(remapJson(cfg, new Map())).toBe(cfg);
  });
});

describe('codes the bundled data no longer has', () => {
  const known = (level: string, code: string) => level === 'comune' && ['101010', '101011'].includes(code);
  it('those rows left out, counted, codes listed once and sorted; the rest kept in order', () => {
    const rows = [
      { level: 'comune', code: '101010', v: 1 },
      { level: 'comune', code: '999999', v: 2 },
      { level: 'comune', code: '101011', v: 3 },
      { level: 'comune', code: '999999', v: 4 },
      { level: 'comune', code: '005122', v: 5 },
      { level: 'province', code: '101010', v: 6 },
    ];
    const c = checkCodes(rows, (r) => r, known);
    expect(c.kept.map((r) => r.v)).toEqual([1, 3]);
    expect(c.dropped).toBe(4);
    expect(c.codes).toEqual(['005122', '101010', '999999']);
  });
  it('a row without a code (a point placed by coordinates) is kept', () => {
    const c = checkCodes([{ code: null }, { code: '1' }], (r) => ({ level: 'comune', code: r.code }), known);
    expect(c).toEqual({ kept: [{ code: null }], dropped: 1, codes: ['1'] });
  });
});
