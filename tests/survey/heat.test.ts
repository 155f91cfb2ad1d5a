/**
 * The training-needs survey view's pure parts, on SYNTHETIC fixtures only (tests/fixtures/survey/*SYNTHETIC*
 * and the template's example rows, which are labelled "ESEMPIO SINTETICO" in their own `nota` column).
 * The files go through the EXISTING importer (importBytes + buildIndicators), as a user's file would.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { importBytes } from '../../src/import/core/importFile';
import { buildIndicators } from '../../src/import/core/uses/indicators';
import type { IndicatorRow } from '../../src/analytics/catalogue';
import { compareAreas, heatStep, heatTable, surveyDatasets, surveyYears, topicName } from '../../src/survey/heat';
import { lookup, territories } from '../import/helpers';

const ROOT = path.resolve(__dirname, '../..');

async function importSurvey(rel: string, slug: string) {
  const o = await importBytes(
    new Uint8Array(fs.readFileSync(path.join(ROOT, rel))),
    path.basename(rel),
    await lookup(),
  );
  if (!o.ok) throw new Error('import failed');
  const p = o.preview;
  const numeric = p.columns.filter((c) => c.kind === 'number').map((c) => c.name);
  const { metas, rows } = buildIndicators(
    p,
    numeric.map((c) => ({
      column: c,
      label: c,
      unit: c === 'operatori' ? 'operatori' : 'livello 1–5',
      polarity: 0 as const,
      pillar: 'context' as const,
      aggregation: 'none' as const,
    })),
    [],
    await territories(),
    { fileName: path.basename(rel), slug, defaultYear: 2026, importedOn: '2026-12-01' },
  );
  const byInd = new Map<string, IndicatorRow[]>();
  for (const r of rows) (byInd.get(r.indicator) ?? byInd.set(r.indicator, []).get(r.indicator)!).push(r);
  return { preview: p, metas, byInd };
}

describe('the template imports with the existing importer: one indicator per topic', () => {
  it('templates/fabbisogni_formativi_template.csv: comune key, year column, 6 topics + operators, text columns left out', async () => {
    const { preview, metas } = await importSurvey('templates/fabbisogni_formativi_template.csv', 'fabbisogni');
    expect(preview.key).toMatchObject({ column: 'codice_istat', kind: 'istat', level: 'comune' });
    expect(preview.yearColumn).toBe('anno');
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => r.code)).toEqual(['101010', '071024', '061022']);
    expect(preview.columns.filter((c) => c.kind === 'text').map((c) => c.name)).toEqual([
      'territorio',
      'data_rilevazione',
      'nota',
    ]);
    const ds = surveyDatasets(
      metas,
      metas.map((m) => m.id),
    );
    expect(ds).toHaveLength(1);
    expect(ds[0].topics.map((m) => m.id)).toEqual([
      'user_fabbisogni_fabb_lingua_italiana',
      'user_fabbisogni_fabb_normativa',
      'user_fabbisogni_fabb_orientamento',
      'user_fabbisogni_fabb_mediazione',
      'user_fabbisogni_fabb_lavoro_rete',
      'user_fabbisogni_fabb_digitale',
    ]);
    expect(ds[0].operators?.id).toBe('user_fabbisogni_operatori');
    expect(topicName(ds[0].topics[0], 'it')).toBe('lingua italiana');
    // every example row says it is synthetic
    expect(preview.rows.every((r) => String(r.values.nota).startsWith('ESEMPIO SINTETICO'))).toBe(true);
  });
});

describe('heat table and comparison (synthetic regions fixture)', () => {
  // fixture: Calabria 18 (40 operators; lingua 4, rete 2), Sicilia 19 (60; 3, —), Puglia 16 (—; 5, 4)
  it('rows sorted by code, missing stays null (never 0)', async () => {
    const { metas, byInd } = await importSurvey('tests/fixtures/survey/fabbisogni_regioni_SYNTHETIC.csv', 'reg');
    const [d] = surveyDatasets(
      metas,
      metas.map((m) => m.id),
    );
    expect(surveyYears(byInd, d, 'region')).toEqual([2026]);
    const h = heatTable(byInd, d, 'region', 2026);
    expect(h.codes).toEqual(['16', '18', '19']);
    expect(h.cells).toEqual([
      [5, 4],
      [4, 2],
      [3, null],
    ]);
    expect(h.operators).toEqual([null, 40, 60]);

    // all three: lingua (5 + 4 + 3) / 3 = 4; rete (4 + 2) / 2 = 3; weighted: Puglia has no count → null
    expect(compareAreas(h, new Set(['16', '18', '19']))).toEqual([
      { mean: 4, weighted: null, n: 3 },
      { mean: 3, weighted: null, n: 2 },
    ]);
    // Calabria + Sicilia: lingua (4 + 3) / 2 = 3.5, weighted (4·40 + 3·60) / 100 = 3.4; rete only Calabria: 2
    const two = compareAreas(h, new Set(['18', '19']));
    expect(two[0].mean).toBe(3.5);
    expect(two[0].weighted).toBeCloseTo(3.4, 12);
    expect(two[1]).toEqual({ mean: 2, weighted: 2, n: 1 });
    expect(compareAreas(h, new Set())).toEqual([
      { mean: null, weighted: null, n: 0 },
      { mean: null, weighted: null, n: 0 },
    ]);
  });

  it('a file without fabb_ columns is not a survey; built-in ids are ignored', () => {
    const meta = (id: string) => ({ id, label: { it: id, en: id } }) as never;
    expect(
      surveyDatasets(
        [meta('user_x_fabb_a'), meta('user_y_value'), meta('user_y_operatori')],
        ['user_x_fabb_a', 'user_y_value', 'user_y_operatori'],
      ).map((d) => [d.slug, d.operators]),
    ).toEqual([['x', null]]);
    expect(surveyDatasets([meta('user_x_fabb_a')], [])).toEqual([]);
  });
});

describe('heatStep: equal fifths of the 1–5 scale', () => {
  it.each([
    [1, 0],
    [1.79, 0],
    [2, 1],
    [2.59, 1],
    [3, 2],
    [3.39, 2],
    [4, 3],
    [4.19, 3],
    [4.5, 4],
    [5, 4],
    [0, 0],
    [7, 4],
    [null, null],
    [NaN, null],
  ] as const)('%s → %s', (v, s) => expect(heatStep(v)).toBe(s));
});
