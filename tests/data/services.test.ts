// Over 300 lines: the services pipeline on fixtures, then on the real raw files.
/** Services pipeline: geocoding on small fixtures, then the real raw files and (when built) services.parquet. */
import { describe, it, expect } from 'vitest';
import { query, requireBuilt } from '../builtData';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGiComuni, parseGiProvince, parseValidita } from '../../data/build/codes.ts';
import {
  buildGazetteer,
  geocodeCadastral,
  geocodeName,
  assignByPoint,
  normalizeComuneName,
} from '../../data/build/geocode.ts';
import {
  parseHospitals,
  hospitalsLayer,
  parseSchoolRegistry,
  cpiaLayer,
  schoolsLayer,
  parseConsultori,
  consultoriLayer,
  parseRegionsWithoutData,
  buildServiceLayers,
  schoolOrder,
} from '../../data/build/services.ts';
import { checkMatchRates } from '../../data/build/validate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIX = path.join(ROOT, 'tests', 'fixtures', 'coverage');
const fx = (f: string) => fs.readFileSync(path.join(FIX, f), 'utf8');

const comuni = parseGiComuni(
  fx('gi_comuni_sample.csv'),
  parseGiProvince(fx('gi_province_sample.csv')),
  'gi_comuni_sample.csv',
);
const validita = parseValidita(fx('validita_sample.csv'));
const g = buildGazetteer(comuni, validita);
const points = comuni.map((c) => ({ code: c.code, lon: c.lon, lat: c.lat }));
const pointOf = new Map(points.map((p) => [p.code, p]));

describe('normalizeComuneName', () => {
  it('case, accents, apostrophe accents, hyphens and punctuation', () => {
    expect(normalizeComuneName("AGLIE'")).toBe('aglie');
    expect(normalizeComuneName('Agliè')).toBe('aglie');
    expect(normalizeComuneName('MONTECATINI-TERME')).toBe('montecatini terme');
    expect(normalizeComuneName("Sant'Agata (FI)")).toBe('sant agata fi');
  });
});

describe('geocoder', () => {
  it('cadastral: current code, then the validity history (H521 Ronago → 013256), else a reason', () => {
    expect(geocodeCadastral(g, 'L219')).toEqual({ code: '001272', how: 'cadastral' });
    expect(geocodeCadastral(g, 'h521')).toMatchObject({ code: '013256' });
    expect(geocodeCadastral(g, 'Z000')).toEqual({ code: null, reason: 'cadastral code Z000 not in the code lists' });
  });
  it('name + province: homonyms resolved by the sigla; bilingual parts; historic names; ambiguity reported', () => {
    expect(geocodeName(g, 'CALLIANO', { sigla: 'TN' })).toMatchObject({ code: '022035' });
    expect(geocodeName(g, 'Calliano', { sigla: 'AT' })).toMatchObject({ code: '005013' }); // historic name in province AT
    expect(geocodeName(g, 'BOZEN')).toMatchObject({ code: '021008' });
    expect(geocodeName(g, 'RONAGO', { sigla: 'CO' })).toMatchObject({ code: '013256' });
    expect(geocodeName(g, 'SAN REMO')).toMatchObject({ code: '008055', how: 'name without spaces in Italy' });
    const amb = geocodeName(g, "PATERNO'");
    expect(amb.code).toBeNull();
    expect(amb).toMatchObject({ reason: expect.stringContaining('076100, 087033') });
  });
  it('exact coordinates: the named city when near; the nearest homonym; relocation when the coordinates contradict the city', () => {
    expect(assignByPoint(g, points, 7.69, 45.07, 'TORINO')).toMatchObject({ code: '001272', relocate: false });
    expect(assignByPoint(g, points, 14.9, 37.57, "PATERNO'")).toMatchObject({ code: '087033', relocate: false });
    const far = assignByPoint(g, points, 11.35, 46.5, 'TORINO');
    expect(far).toMatchObject({ code: '001272', relocate: true });
    expect(far.note).toMatch(/km from the inner point of the source's city "TORINO"/);
    expect(assignByPoint(g, points, 11.35, 46.5, null)).toMatchObject({ code: '021008', how: 'nearest comune point' });
  });
});

describe('layers on fixtures', () => {
  it('CPIA: match rate and unmatched rows with row number, name and failing key', () => {
    const { rows, report } = cpiaLayer(
      parseSchoolRegistry(fx('cpia_sample.csv'), 'cpia_sample.csv'),
      g,
      pointOf,
      'cpia_sample.csv',
    );
    expect(rows.map((r) => [r.id, r.type, r.comune_code, r.precision])).toEqual([
      ['TOMM000001', 'cpia_institution', '001272', 'comune'],
      ['TOCT000002', 'cpia_teaching_site', '001001', 'comune'],
      ['COCT000004', 'cpia_teaching_site', '013256', 'comune'],
    ]);
    expect(report).toMatchObject({ rows: 4, matched: 3, match_rate: 0.75 });
    expect(report.unmatched).toEqual([
      {
        row: 5,
        name: 'CENTRO TERRITORIALE SCONOSCIUTO',
        key: 'CODICECOMUNESCUOLA Z000 (ATLANTIDE)',
        reason: 'cadastral code Z000 not in the code lists; name "ATLANTIDE" not in the code lists',
      },
    ]);
    // the comune point of a CPIA is the comune's inner point
    expect([rows[0].lon, rows[0].lat]).toEqual([pointOf.get('001272')!.lon, pointOf.get('001272')!.lat]);
  });

  it('consultori: name + sigla from the address; mojibake repaired; match rate and unmatched rows', () => {
    const { rows, report } = consultoriLayer(
      parseConsultori(fx('consultori_sample.csv'), 'consultori_sample.csv'),
      g,
      pointOf,
      'consultori_sample.csv',
    );
    expect(rows.map((r) => [r.id, r.comune_code])).toEqual([
      ['consultori-0002', '001272'],
      ['consultori-0003', '001001'],
      ['consultori-0004', '022035'],
      ['consultori-0005', '091095'],
      ['consultori-0006', '013256'],
    ]);
    expect(rows[0].address).toBe('VIA ESEMPIO N°1 - 10100 - TORINO - TO');
    expect(report).toMatchObject({ rows: 6, matched: 5 });
    expect(report.match_rate).toBeCloseTo(5 / 6, 6);
    expect(report.unmatched).toEqual([
      {
        row: 7,
        name: 'CONSULTORIO DI ATLANTIDE',
        key: 'comune "ATLANTIDE" province TO',
        reason: 'name "ATLANTIDE" (TO) not in the code lists',
      },
    ]);
  });

  it('hospitals: exact coordinates kept, beds as capacity, relocated rows listed, missing coordinates unmatched', () => {
    const { rows, report } = hospitalsLayer(
      parseHospitals(fx('hospitals_sample.csv'), 'hospitals_sample.csv'),
      g,
      points,
      'hospitals_sample.csv',
    );
    expect(rows.map((r) => [r.id, r.comune_code, r.precision, r.capacity])).toEqual([
      ['H1', '001272', 'exact', 500],
      ['H2', '008055', 'exact', 200],
      ['H3', '001272', 'comune', null],
      ['H4', '087033', 'exact', 150],
    ]);
    expect([rows[0].lon, rows[0].lat]).toEqual([7.69, 45.07]);
    expect([rows[2].lon, rows[2].lat]).toEqual([pointOf.get('001272')!.lon, pointOf.get('001272')!.lat]);
    expect(rows[3].type).toBe("Azienda Ospedaliera integrata con l'Università");
    expect(report.unmatched).toEqual([
      {
        row: 6,
        name: 'OSPEDALE SENZA COORDINATE',
        key: 'lat/lon null, null',
        reason: 'coordinates missing or outside Italy',
      },
    ]);
    expect(report.assigned_by_point?.map((u) => u.row)).toEqual([4]);
  });

  it('schools: primary and secondary teaching sites only', () => {
    const recs = parseSchoolRegistry(fx('schools_sample.csv'), 'schools_sample.csv');
    expect(recs.map(schoolOrder)).toEqual([null, 'primary', 'lower_secondary', null, 'upper_secondary', null, null]);
    const { rows, report } = schoolsLayer(recs, g, pointOf, 'schools_sample.csv');
    expect(rows.map((r) => r.id)).toEqual(['TOEE000002', 'TOMM000003', 'TOPS000006']);
    expect(report.match_rate).toBe(1);
  });

  it('regions without consultori: idR 010, 041, 042 → 01, 04', () => {
    expect(parseRegionsWithoutData(fx('regioni_senza_dati_sample.txt'), 'x')).toEqual(['01', '04']);
  });

  it('a layer below its threshold is a build problem naming the file and the first unmatched rows', () => {
    const out = buildServiceLayers(
      {
        hospitals: fx('hospitals_sample.csv'),
        schools: fx('schools_sample.csv') + fx('cpia_sample.csv').split('\n').slice(1).join('\n'),
        cpia: fx('cpia_sample.csv'),
        consultori: fx('consultori_sample.csv'),
        regionsWithoutConsultori: fx('regioni_senza_dati_sample.txt'),
      },
      {
        hospitals: 'h.csv',
        schools: 's.csv',
        cpia: 'cpia_sample.csv',
        consultori: 'consultori_sample.csv',
        regionsWithoutConsultori: 'r.txt',
      },
      comuni,
      validita,
      new Map(),
      points,
    );
    expect(out.problems.find((p) => p.startsWith('cpia_sample.csv'))).toMatch(
      /cpia geocoded 3 of 4 rows \(75\.0 %\), below the 95 % threshold; first unmatched: row 5 CENTRO TERRITORIALE SCONOSCIUTO/,
    );
    expect(out.problems.find((p) => p.startsWith('consultori_sample.csv'))).toMatch(/below the 90 % threshold/);
    const cons = out.catalogue.find((c) => c.id === 'consultori')!;
    expect(cons.regions_with_data).toEqual(['03', '07', '17', '19', '20']);
    expect(out.catalogue.find((c) => c.id === 'hospitals')!).toMatchObject({
      regions_with_data: null,
      capacity: { it: 'posti letto', en: 'beds' },
    });
  });

  it('checkMatchRates is quiet at or above the threshold', () => {
    expect(
      checkMatchRates([
        {
          layer: 'schools',
          file: 'f',
          rows: 100,
          matched: 95,
          match_rate: 0.95,
          threshold: 0.95,
          by_method: {},
          unmatched: [],
          notes: [],
        },
      ]),
    ).toEqual([]);
  });
});

describe('the real raw files (data/raw/services)', () => {
  const RAW = path.join(ROOT, 'data', 'raw');
  const rd = (f: string) => fs.readFileSync(path.join(RAW, f), 'utf8');
  const all = parseGiComuni(rd('codes/gi_comuni.csv'), parseGiProvince(rd('codes/gi_province.csv')));
  const gg = buildGazetteer(all, parseValidita(rd('codes/gi_comuni_validita.csv')));
  const pts = new Map(all.map((c) => [c.code, { code: c.code, lon: c.lon, lat: c.lat }]));

  it('CPIA: 832 rows, match rate ≥ 95 %, unmatched listed', () => {
    const f = 'services/mim_scuole/cpia_sedi_2025_26_from_SCUANAGRAFESTAT.csv';
    const { report } = cpiaLayer(parseSchoolRegistry(rd(f), f), gg, pts, f);
    console.log(
      `CPIA: ${report.matched}/${report.rows} matched (${(report.match_rate * 100).toFixed(2)} %), unmatched: ${JSON.stringify(report.unmatched)}`,
    );
    expect(report.rows).toBe(832);
    expect(report.match_rate).toBeGreaterThanOrEqual(0.95);
    expect(report.unmatched.length).toBe(report.rows - report.matched);
  });

  it('consultori: 927 rows, match rate ≥ 90 %, unmatched listed with row, name and key', () => {
    const f = 'services/consultori_ondata/consultori.csv';
    const { report } = consultoriLayer(parseConsultori(rd(f), f), gg, pts, f);
    console.log(
      `consultori: ${report.matched}/${report.rows} matched (${(report.match_rate * 100).toFixed(2)} %), unmatched: ${JSON.stringify(report.unmatched)}`,
    );
    expect(report.rows).toBe(927);
    expect(report.match_rate).toBeGreaterThanOrEqual(0.9);
    for (const u of report.unmatched)
      expect(u).toMatchObject({
        row: expect.any(Number),
        name: expect.any(String),
        key: expect.stringMatching(/^comune "/),
      });
  });
});

const SERVICES = path.join(ROOT, 'public', 'data', 'services.parquet');
const REPORT = path.join(ROOT, 'public', 'data', 'build-report.json');
requireBuilt(SERVICES, REPORT);

describe('public/data/services.parquet', () => {
  const q = query;
  it('rows per layer: 1,283 hospitals, 832 CPIA, consultori ≤ 927 with ≥ 90 % matched', async () => {
    const rows = await q(
      `SELECT layer, count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids FROM '${SERVICES}' GROUP BY layer ORDER BY layer`,
    );
    const n = Object.fromEntries(rows.map((r) => [r.layer, r.n as number]));
    expect(n.hospitals).toBe(1283);
    expect(n.cpia).toBe(832);
    expect(n.consultori).toBeLessThanOrEqual(927);
    expect(n.consultori).toBeGreaterThanOrEqual(Math.ceil(927 * 0.9));
    expect(n.schools).toBeGreaterThan(20000);
    for (const r of rows) expect(r.ids).toBe(r.n);
  });
  it('columns, current 6-digit comune codes, precision values, coordinates in Italy', async () => {
    const [r] =
      await q(`SELECT count(*) FILTER (WHERE NOT regexp_matches(comune_code, '^\\d{6}$'))::INTEGER AS bad_code,
      count(*) FILTER (WHERE precision NOT IN ('exact', 'comune'))::INTEGER AS bad_prec,
      count(*) FILTER (WHERE lat NOT BETWEEN 35 AND 47.2 OR lon NOT BETWEEN 6 AND 19)::INTEGER AS outside,
      count(*) FILTER (WHERE layer = 'hospitals' AND capacity IS NULL)::INTEGER AS no_beds,
      count(*) FILTER (WHERE layer <> 'hospitals' AND capacity IS NOT NULL)::INTEGER AS other_cap
      FROM '${SERVICES}'`);
    expect(r).toEqual({ bad_code: 0, bad_prec: 0, outside: 0, no_beds: 0, other_cap: 0 });
    const cols = (await q(`DESCRIBE SELECT * FROM '${SERVICES}'`)).map((c) => `${c.column_name}:${c.column_type}`);
    expect(cols).toEqual([
      'layer:VARCHAR',
      'id:VARCHAR',
      'name:VARCHAR',
      'address:VARCHAR',
      'type:VARCHAR',
      'capacity:DOUBLE',
      'lon:DOUBLE',
      'lat:DOUBLE',
      'comune_code:VARCHAR',
      'precision:VARCHAR',
      'phone:VARCHAR',
      'email:VARCHAR',
      'website:VARCHAR',
      'source:VARCHAR',
      'reference_date:VARCHAR',
    ]);
  });
  it('build-report.json lists rows, matched, match rate and unmatched rows per layer', () => {
    const rep = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
    const layers = rep.services.map((l: { layer: string }) => l.layer);
    expect(layers).toEqual(['cpia', 'consultori', 'hospitals', 'schools']);
    for (const l of rep.services) {
      expect(l.match_rate).toBeGreaterThanOrEqual(l.threshold);
      expect(l.unmatched.length).toBe(l.rows - l.matched);
    }
  });
});
