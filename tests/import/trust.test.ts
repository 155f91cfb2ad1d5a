/** Issue 10: the key guess explained and changeable, the reference date the user's. */
import { describe, it, expect, beforeAll } from 'vitest';
import { fixture, lookup, territories } from './helpers';
import { importBytes, dateFromName } from '../../src/import/core/importFile';
import { buildIndicators } from '../../src/import/core/uses/indicators';
import { isSequence } from '../../src/import/core/keyGuess';
import type { TerritoryLookup } from '../../src/import/core/keys';
import type { ImportOutcome, ImportPreview } from '../../src/import/core/types';

let look: TerritoryLookup;
beforeAll(async () => {
  look = await lookup();
});
const ok = (o: ImportOutcome): ImportPreview => {
  if (!o.ok) throw new Error(o.problem.code);
  return o.preview;
};
const enc = (s: string) => new TextEncoder().encode(s);

describe('the key guess shows its reasons', () => {
  it('staff counts 1–12 beside "Codice ISTAT comune": the codes are the key, Crotone stays Crotone (not Varese 012)', async () => {
    const p = ok(await importBytes(fixture('trust/t01_operatori_codice_istat.csv'), 't01.csv', look));
    expect(p.key).toMatchObject({ column: 'Codice ISTAT comune', kind: 'istat', level: 'comune' });
    expect(p.rows[0].code).toBe('101010');
    const [best, staff] = p.keyCandidates;
    expect(best.for).toEqual(
      expect.arrayContaining([
        { code: 'header', word: 'ISTAT' },
        { code: 'width', width: 6 },
        { code: 'matched', share: 7 / 8 },
      ]),
    );
    expect(staff.column).toBe('Operatori');
    expect(staff.against).toEqual([
      { code: 'counts', word: 'operatori' },
      { code: 'small_integers', max: 12 },
    ]);
    // 1 (rate) + 0.02 (province) + 0.1 (codes) − 0.6 (counts) − 0.4 (small integers) = 0.12
    expect(staff.score).toBeCloseTo(0.12, 3);
  });

  it('a progressive number 1..20 is argued against as a sequence and is a code column, not an indicator', async () => {
    const p = ok(await importBytes(fixture('trust/t02_progressive_number.csv'), 't02.csv', look));
    const seq = p.keyCandidates.find((c) => c.column === 'N.');
    expect(seq?.against.map((r) => r.code)).toContain('sequence');
    expect(p.columns.find((c) => c.name === 'N.')?.kind).toBe('code');
    expect(isSequence(['1', '2', '3', '4', '5'])).toBe(true);
    expect(isSequence(['1', '2', '3', '9', '4'])).toBe(false);
    expect(isSequence(['3', '4', '5', '6', '7'])).toBe(false);
  });

  it('a code column beside a name column with homonyms: the code is the key, nothing ambiguous', async () => {
    const p = ok(await importBytes(fixture('trust/t04_code_and_name_homonyms.csv'), 't04.csv', look));
    expect(p.key?.column).toBe('codice');
    expect(p.problems).toEqual([]);
    expect(p.rows.map((r) => r.code)).toEqual([
      '016065',
      '075096',
      '013130',
      '022106',
      '001235',
      '022165',
      '013178',
      '041041',
      '083090',
      '090092',
    ]);
  });
});

describe('the key can be changed, and the match is recomputed', () => {
  it('choosing "Operatori" as province codes: 8 of 8 rows matched at province level, chosen by the user', async () => {
    const p = ok(
      await importBytes(fixture('trust/t01_operatori_codice_istat.csv'), 't01.csv', look, undefined, {
        key: { column: 'Operatori' },
      }),
    );
    expect(p.key).toMatchObject({ column: 'Operatori', level: 'province', chosen: true });
    expect(p.matched).toBe(8);
    expect(p.rows[0].code).toBe('008');
  });
  it('choosing no key: a points-only file (no_key error without coordinates)', async () => {
    const p = ok(
      await importBytes(fixture('trust/t01_operatori_codice_istat.csv'), 't01.csv', look, undefined, {
        key: { column: null },
      }),
    );
    expect(p.key).toBeNull();
    expect(p.problems.map((x) => x.code)).toContain('no_key');
  });
  it('the level can be forced: comune codes read as provinces match nothing and say so', async () => {
    const p = ok(
      await importBytes(enc('codice,valore\n101010,1\n101,2\n'), 'x.csv', look, undefined, {
        key: { column: 'codice', level: 'province' },
      }),
    );
    expect(p.key).toMatchObject({ column: 'codice', level: 'province' });
    expect(p.matched).toBe(1);
    expect(p.account).toEqual({ read: 2, imported: 1, listed: 1 });
  });
  it('a province column chosen for homonyms resolves Castro and Livo', async () => {
    const csv = 'comune,sigla,valore\nCastro,Lecce,1\nLivo,Trento,2\n';
    const before = ok(await importBytes(enc(csv), 'x.csv', look));
    expect(before.problems.map((x) => x.code)).toContain('ambiguous_names');
    const p = ok(
      await importBytes(enc(csv), 'x.csv', look, undefined, {
        key: { column: 'comune', kind: 'name', level: 'comune', provinceColumn: 'sigla' },
      }),
    );
    expect(p.rows.map((r) => r.code)).toEqual(['075096', '022106']);
    expect(p.problems).toEqual([]);
  });
  it('two close candidates that disagree: no key until the user picks one', async () => {
    const p = ok(await importBytes(fixture('trust/t35_two_code_columns_disagree.csv'), 't35.csv', look));
    expect(p.keyAsk).toBe(true);
    expect(p.key).toBeNull();
    const q = ok(
      await importBytes(fixture('trust/t35_two_code_columns_disagree.csv'), 't35.csv', look, undefined, {
        key: { column: 'cod_b' },
      }),
    );
    expect(q.keyAsk).toBe(false);
    expect(q.rows[0].code).toBe('101009');
  });
});

describe('the reference date is the user’s', () => {
  it('dateFromName reads a year or a date from the file name, nothing otherwise', () => {
    const names = ['occupati_2023.csv', 'dati-31-12-2024.xlsx', 'export_2024_06_30.csv', 'report 2019 vs 2022.csv'];
    expect(names.map((f) => dateFromName(f))).toEqual(['2023', '2024-12-31', '2024-06-30', '2022']);
    expect(['codici_101010.csv', 'list.csv'].map((f) => dateFromName(f))).toEqual([null, null]);
  });
  it('the stated date reaches IndicatorMeta: reference_date as stated, years [its year], rows at that year', async () => {
    const p = ok(await importBytes(fixture('trust/t11_occupati_2023.csv'), 't11_occupati_2023.csv', look));
    expect(p.yearColumn).toBeNull();
    expect(p.dateSuggestion).toBe('2023');
    const col = {
      column: 'occupati',
      label: 'Occupati',
      unit: '',
      polarity: 1 as const,
      pillar: 'labour' as const,
      aggregation: 'sum' as const,
    };
    const { metas, rows } = buildIndicators(p, [col], [], await territories(), {
      fileName: 'x.csv',
      slug: 'x',
      defaultYear: 2024,
      referenceDate: '2024-12-31',
      importedOn: '2026-12-01',
    });
    expect(metas[0]).toMatchObject({ reference_date: '2024-12-31', years: [2024] });
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2024]));
  });
  it('with a year column the latest year is the reference date (a stated date is not used)', async () => {
    const p = ok(await importBytes(fixture('duplicates.csv'), 'duplicates.csv', look));
    const col = {
      column: p.columns.find((c) => c.kind === 'number')!.name,
      label: 'v',
      unit: '',
      polarity: 1 as const,
      pillar: 'labour' as const,
      aggregation: 'sum' as const,
    };
    const { metas } = buildIndicators(p, [col], [], await territories(), {
      fileName: 'x.csv',
      slug: 'x',
      defaultYear: 1999,
      referenceDate: '1999',
      importedOn: '2026-12-01',
    });
    expect(metas[0].reference_date).toBe('2025');
  });
});
