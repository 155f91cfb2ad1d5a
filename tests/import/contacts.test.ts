/**
 * The contact columns of a service layer (phone, email, website, opening_hours, notes) through the importer:
 * found by header (case-insensitive), read as text as written, trimmed, cut over 500 characters (reported in
 * the preview), never made links except http(s) and mailto (the network's one rule, contactHref). Fixtures
 * are SYNTHETIC: tests/fixtures/import/job_centres_contacts_siracusa.csv (real comune codes, invented rest).
 */
import { describe, expect, it } from 'vitest';
import { contactColumnsOf, contactFieldOf, contactText } from '../../src/import/core/contacts';
import { importBytes } from '../../src/import/core/importFile';
import { problemText } from '../../src/import/core/messages';
import { buildServiceLayer, type ServiceChoice } from '../../src/import/core/uses/services';
import { contactHref } from '../../src/analytics/network';
import type { ImportPreview } from '../../src/import/core/types';
import { importFixture, lookup, serviceChoice, territories } from './helpers';

async function layerOf(p: ImportPreview, over: Partial<ServiceChoice> = {}) {
  const comuni = new Map((await territories()).filter((t) => t.level === 'comune').map((t) => [t.code, t]));
  return buildServiceLayer(p, serviceChoice(over), comuni, '2026-12-01');
}
const bytes = (s: string) => new TextEncoder().encode(s);

describe('contact headers and cells (pure)', () => {
  it('headers: the template names in any case, and a few Italian names; nothing else', () => {
    expect(
      ['Phone', ' EMAIL ', 'e-mail', 'Sito web', 'Opening_Hours', 'Note', 'telefono', 'orari'].map(contactFieldOf),
    ).toEqual(['phone', 'email', 'email', 'website', 'opening_hours', 'notes', 'phone', 'opening_hours']);
    expect(['name', 'phones', 'emails_sent', 'indirizzo', 'nota'].map(contactFieldOf)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    // the first column naming a field wins
    expect(contactColumnsOf(['id', 'Telefono', 'phone', 'WEBSITE'])).toEqual({ phone: 'Telefono', website: 'WEBSITE' });
  });
  it('cells: trimmed, empty is missing, over 500 characters cut to 500 ending in " …"', () => {
    expect(contactText('  0931 000001 ')).toBe('0931 000001');
    expect(contactText('   ')).toBeNull();
    expect(contactText(null)).toBeNull();
    expect(contactText(931000001)).toBe('931000001');
    const x500 = 'x'.repeat(500);
    expect(contactText(x500)).toBe(x500);
    const cut = contactText('y'.repeat(501)) as string;
    expect(cut.length).toBe(500);
    expect(cut).toBe('y'.repeat(498) + ' …');
    // a cut address is never a link (the space)
    expect(contactHref('website', contactText('https://example.invalid/' + 'a'.repeat(600)))).toBeNull();
  });
});

describe('job_centres_contacts_siracusa.csv (SYNTHETIC) → a service layer with its contacts as text', () => {
  it('the contact columns are text (a phone keeps its 0 and its +39), an over-long note is reported with its row', async () => {
    const o = await importFixture('job_centres_contacts_siracusa.csv');
    if (!o.ok) throw new Error('not ok');
    const kinds = Object.fromEntries(o.preview.columns.map((c) => [c.name, c.kind]));
    expect([kinds.phone, kinds.email, kinds.website, kinds.opening_hours, kinds.notes]).toEqual([
      'text',
      'text',
      'text',
      'text',
      'text',
    ]);
    // (two offices in the comune of Siracusa: the importer's duplicate-key warning, as for any file)
    expect(o.preview.problems.map((p) => p.code)).toEqual(['long_text', 'duplicates']);
    const long = o.preview.problems[0];
    expect([long.column, long.count, long.rows]).toEqual(['notes', 1, [4]]);
    expect(problemText(long, 'it')).toBe(
      '1 cella della colonna “notes” supera i 500 caratteri (riga 4): come contatto di un livello di servizi sarà tagliata ai primi 500 caratteri (finisce con “…”, mai un link).',
    );
    expect(problemText(long, 'en')).toContain('1 cell of column “notes” is longer than 500 characters (row 4)');
    // the preview's rows carry the cells as written
    expect(o.preview.rows[1].values.phone).toBe('0931000002');
  });

  it('points carry phone, email, website, hours and notes unchanged; <script> and javascript: stay plain text', async () => {
    const o = await importFixture('job_centres_contacts_siracusa.csv');
    if (!o.ok) throw new Error('not ok');
    const { layer, skipped } = await layerOf(o.preview);
    expect(skipped).toEqual([]);
    const [a, b, c] = layer.points;
    expect(a).toMatchObject({
      id: 'cpi_sr_01',
      comune_code: '089017',
      precision: 'exact',
      phone: '+39 0931 000001',
      email: 'cpi.siracusa@example.invalid',
      website: 'https://example.invalid/cpi-siracusa',
      opening_hours: 'lun-ven 9-13',
      notes: 'Dati SINTETICI di prova',
    });
    expect(b).toMatchObject({
      precision: 'comune',
      phone: '0931000002',
      email: '<script>alert(1)</script>',
      website: 'javascript:alert(1)',
      opening_hours: 'mar e gio 15-17',
      notes: '<b>non in grassetto</b>',
    });
    // missing is missing (null), never an empty string or 0
    expect([c.phone, c.email, c.opening_hours]).toEqual([null, null, null]);
    expect(c.notes?.length).toBe(500);
    expect(c.notes?.startsWith('Nota lunga SINTETICA')).toBe(true);
    expect(c.notes?.endsWith(' …')).toBe(true);
    // the network's link rule: only http(s) and mailto
    expect(contactHref('email', a.email)).toBe('mailto:cpi.siracusa@example.invalid');
    expect(contactHref('website', a.website)).toBe('https://example.invalid/cpi-siracusa');
    expect(contactHref('email', b.email)).toBeNull();
    expect(contactHref('website', b.website)).toBeNull();
    expect(contactHref('website', c.website)).toBe('https://www.example.invalid/');
  });

  it('a file without contact columns gives points without contact fields (as before)', async () => {
    const o = await importFixture('job_centres_crotone.csv');
    if (!o.ok) throw new Error('not ok');
    const { layer } = await layerOf(o.preview);
    expect(layer.points.every((p) => !('phone' in p) && !('email' in p) && !('notes' in p))).toBe(true);
  });
});

describe('other spellings and formats (SYNTHETIC)', () => {
  it('CSV with Italian headers in mixed case, semicolons', async () => {
    const csv =
      'codice_istat;Nome;Telefono;E-MAIL;Sito Web;Orari;NOTE\n' +
      '089017;Sportello X (SINTETICO);  0931 123 ;  a.b@example.invalid ;example.invalid/x;9-12; prima nota \n';
    const o = await importBytes(bytes(csv), 'sportelli.csv', await lookup());
    if (!o.ok) throw new Error('not ok');
    const { layer } = await layerOf(o.preview, {
      nameColumn: 'Nome',
      typeColumn: null,
      addressColumn: null,
      idColumn: null,
    });
    expect(layer.points[0]).toMatchObject({
      name: 'Sportello X (SINTETICO)',
      phone: '0931 123',
      email: 'a.b@example.invalid',
      website: 'example.invalid/x',
      opening_hours: '9-12',
      notes: 'prima nota',
    });
  });

  it('GeoJSON: properties become the contacts; a number stays as written (as text)', async () => {
    const gj = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [15.2866, 37.0755] },
          properties: {
            comune_code: '089017',
            name: 'Punto SINTETICO',
            phone: 931000003,
            Email: 'x@example.invalid',
            website: 'javascript:alert(2)',
          },
        },
      ],
    };
    const o = await importBytes(bytes(JSON.stringify(gj)), 'punti.geojson', await lookup());
    if (!o.ok) throw new Error('not ok');
    const { layer } = await layerOf(o.preview, { typeColumn: null, addressColumn: null, idColumn: null });
    expect(layer.points[0]).toMatchObject({
      precision: 'exact',
      phone: '931000003',
      email: 'x@example.invalid',
      website: 'javascript:alert(2)',
    });
    expect(contactHref('website', layer.points[0].website)).toBeNull();
  });
});
