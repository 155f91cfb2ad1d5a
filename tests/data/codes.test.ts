import { describe, it, expect } from 'vitest';
import { sampleCodes, fx } from './helpers.ts';
import { parseValidita, mapToCurrent, parseItter } from '../../data/build/codes.ts';

describe('code lists', () => {
  it('parses gi_comuni with decimal commas, derives province from the code and region from the sigla', () => {
    const fixes: string[] = [];
    const codes = sampleCodes(fixes);
    expect(codes.comuni).toHaveLength(8);
    const bz = codes.comuneByCode.get('021008')!;
    expect(bz).toMatchObject({
      name: 'Bolzano/Bozen',
      province_code: '021',
      region_code: '04',
      lat: 46.4990522,
      area_km2: 51.9689,
    });
    expect(codes.provinces.map((p) => p.code)).toEqual(['001', '002', '013', '015', '021', '022', '108']);
    expect(codes.provinceByCode.get('108')!.region_code).toBe('03');
    expect(codes.regions.map((r) => r.code)).toEqual(['01', '03', '04']);
  });

  it('flips a negative source area and reports it (file and row)', () => {
    const fixes: string[] = [];
    const codes = sampleCodes(fixes);
    expect(codes.comuneByCode.get('013256')!.area_km2).toBe(10);
    expect(fixes).toEqual([
      'codes_gi_comuni_sample.csv row 7: comune 013256 area -10 km² is negative in the source; using 10',
    ]);
  });

  it('flags the 4 provinces absent from the permit areas', () => {
    const it = parseItter(fx('itter107_sample.csv'));
    expect(it.map.get('ITC45')).toBe('015');
    expect(it.notInPermits).toEqual(['108']);
  });
});

describe('2019 code → current code', () => {
  const codes = sampleCodes();
  const validita = parseValidita(fx('codes_validita_merger_sample.csv'));
  it('keeps current codes', () => {
    expect(mapToCurrent({ code: '001001', belfiore: 'A074' }, codes.comuneByCode, validita)).toEqual({
      code: '001001',
      how: 'same',
    });
  });
  it('maps a merged comune to the comune that started the day after it ended, in the same province', () => {
    expect(mapToCurrent({ code: '013199', belfiore: 'H521' }, codes.comuneByCode, validita)).toEqual({
      code: '013256',
      how: 'successor',
    });
    expect(mapToCurrent({ code: '013228', belfiore: 'L487' }, codes.comuneByCode, validita)).toEqual({
      code: '013256',
      how: 'successor',
    });
  });
  it('uses the crosswalk for absorptions into an existing comune', () => {
    const cw = new Map([['018002', '001272']]);
    expect(mapToCurrent({ code: '018002', belfiore: 'A134' }, codes.comuneByCode, validita, cw)).toEqual({
      code: '001272',
      how: 'crosswalk',
    });
  });
  it('maps by cadastral code when only the numeric code changed (province change)', () => {
    expect(mapToCurrent({ code: '099999', belfiore: 'L219' }, codes.comuneByCode, validita)).toEqual({
      code: '001272',
      how: 'cadastral',
    });
  });
  it('returns null when no successor can be decided', () => {
    expect(mapToCurrent({ code: '001999', belfiore: 'Z999' }, codes.comuneByCode, validita)).toBeNull();
  });
});
