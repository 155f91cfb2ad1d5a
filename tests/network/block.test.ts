/**
 * One kind of the network as HTML (src/network/NetworkBlock.svelte, rendered by Svelte's server renderer): the
 * contacts of an imported layer are text, never markup, and the only links are http(s) and mailto. SYNTHETIC
 * rows (invented services, made-up contacts).
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import NetworkBlock from '../../src/network/NetworkBlock.svelte';
import type { LayerBlock } from '../../src/network/rows';
import type { NetworkEntry } from '../../src/analytics/network';
import type { ServiceLayer, ServiceRecord } from '../../src/core/userData';
import { importedLayer } from '../../src/coverage/services';
import { buildServiceLayer } from '../../src/import/core/uses/services';
import { NETWORK_CSV_HEADER, chosenTerritory, networkBlocks, networkCsv } from '../../src/network/rows';
import { importFixture, serviceChoice, territories } from '../import/helpers';
import type { Territory } from '../../src/analytics/catalogue';

const P = (id: string, extra: Partial<ServiceRecord>): ServiceRecord => ({
  layer: 'user_cpi',
  id,
  name: `Sportello ${id} (SINTETICO)`,
  address: 'Via Esempio 1',
  type: 'sportello',
  capacity: null,
  lon: 15.2,
  lat: 37.05,
  comune_code: '089017',
  precision: 'exact',
  ...extra,
});
const points = [
  P('a', { phone: '+39 0931 000001', email: 'cpi@example.invalid', website: 'https://example.invalid/cpi' }),
  P('b', {
    phone: '0931000002',
    email: '<script>alert(1)</script>',
    website: 'javascript:alert(1)',
    notes: '<b>non in grassetto</b>',
  }),
  P('c', {}),
];
const layer: ServiceLayer = {
  id: 'user_cpi',
  label: { it: 'CPI (sintetico)', en: 'Job centres (synthetic)' },
  source: 'cpi.csv',
  reference_date: '2026-12-01',
  regions_with_data: ['19'],
  capacity_label: null,
  points,
  imported: true,
};
const entries: NetworkEntry<ServiceRecord>[] = points.map((p, i) => ({
  point: p,
  inside: i < 2,
  by: 'code',
  km: i * 1.25,
  nearest: '089017',
}));
const block: LayerBlock = { info: importedLayer(layer), hasData: true, entries };
const html = (limit?: number, lang: 'it' | 'en' = 'it') =>
  render(NetworkBlock, { props: { block, rows: entries, lang, comuneName: () => 'Siracusa', limit } }).body.replace(
    /<!--.*?-->/g,
    '',
  );

describe('NetworkBlock: contacts as text, links only http(s) and mailto', () => {
  it('escapes markup in contacts; javascript: and a broken e-mail are plain text', () => {
    const h = html();
    expect(h).not.toContain('<script');
    expect(h).not.toContain('<b>');
    expect(h).toContain('&lt;script>alert(1)&lt;/script>');
    expect(h).toContain('&lt;b>non in grassetto&lt;/b>');
    const hrefs = [...h.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['mailto:cpi@example.invalid', 'https://example.invalid/cpi']);
    expect(h).toContain('javascript:alert(1)');
    expect(h).toContain('tel. 0931000002');
    expect(h).toContain('tel. +39 0931 000001');
    // a row without contacts says so; distance, source and date are there
    expect(h).toContain('la fonte non dà contatti');
    expect(h).toContain('2,5');
    expect(h).toMatch(/Fonte: cpi\.csv · data\s+2026-12-01/);
    expect(h).toContain('(2 · 1) · importato');
  });
  it('a limit shows the first rows and says how many are not shown; English words', () => {
    const h = html(2, 'en');
    expect((h.match(/<tr data-id=/g) ?? []).length).toBe(2);
    expect(h).toContain('Show all (1 more)');
    expect(h).toContain('… and 1 more rows not shown');
  });
});

describe('the imported fixture (job_centres_contacts_siracusa.csv, SYNTHETIC) in the network of Siracusa', () => {
  it('importer → layer → network rows → HTML: phone and e-mail on screen, <script> and javascript: as text', async () => {
    const o = await importFixture('job_centres_contacts_siracusa.csv');
    if (!o.ok) throw new Error('not ok');
    const refs = await territories();
    const comuni = new Map(refs.filter((t) => t.level === 'comune').map((t) => [t.code, t]));
    const { layer: imported } = buildServiceLayer(
      o.preview,
      serviceChoice({ id: 'user_cpi_sr', label: 'CPI Siracusa (sintetico)' }),
      comuni,
      '2026-12-01',
    );
    const terr = chosenTerritory(
      { kind: 'territory', level: 'comune', code: '089017' },
      // helpers.territories() maps every column of territories.parquet (contract toTerritory)
      refs as unknown as Territory[],
      [],
    );
    if (!terr) throw new Error('no Siracusa');
    const [b] = networkBlocks([importedLayer(imported)], terr, 10);
    // the two offices of Siracusa inside (the one placed at the comune's inner point first, 0 km); Avola
    // (about 20 km away) is not within 10 km
    expect(b.entries.map((e) => [e.point.id, e.inside, e.km === 0])).toEqual([
      ['cpi_sr_02', true, true],
      ['cpi_sr_01', true, false],
    ]);
    // the directory's CSV has the imported contacts as text (a leading "+" neutralised, as every formula start)
    const csv = networkCsv('Siracusa', [b], 'it', () => 'Siracusa')
      .trimEnd()
      .split('\n');
    expect(csv[0]).toBe(NETWORK_CSV_HEADER.join(','));
    const at = (line: string, col: string) => {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
      return cells[NETWORK_CSV_HEADER.indexOf(col)];
    };
    expect(['phone', 'email', 'website', 'opening_hours', 'notes'].map((c) => at(csv[1], c))).toEqual([
      '0931000002',
      '<script>alert(1)</script>',
      'javascript:alert(1)',
      'mar e gio 15-17',
      '<b>non in grassetto</b>',
    ]);
    expect(['phone', 'email', 'website', 'opening_hours', 'notes'].map((c) => at(csv[2], c))).toEqual([
      "'+39 0931 000001",
      'cpi.siracusa@example.invalid',
      'https://example.invalid/cpi-siracusa',
      'lun-ven 9-13',
      'Dati SINTETICI di prova',
    ]);
    const h = render(NetworkBlock, {
      props: { block: b, rows: b.entries, lang: 'it', comuneName: () => 'Siracusa' },
    }).body.replace(/<!--.*?-->/g, '');
    expect(h).toContain('tel. +39 0931 000001');
    expect(h).toContain('tel. 0931000002');
    expect(h).toMatch(/<a href="mailto:cpi\.siracusa@example\.invalid"[^>]*>cpi\.siracusa@example\.invalid<\/a>/);
    expect(h).toContain('&lt;script>alert(1)&lt;/script>');
    expect(h).not.toContain('<script');
    expect(h).not.toMatch(/href="javascript:/i);
    expect([...h.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'mailto:cpi.siracusa@example.invalid',
      'https://example.invalid/cpi-siracusa',
    ]);
  });
});
