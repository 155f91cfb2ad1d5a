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
  const current = (code: string, belfiore: string, cw?: Map<string, string>) =>
    mapToCurrent({ code, belfiore }, codes.comuneByCode, validita, cw);
  it('keeps current codes', () => {
    expect(current('001001', 'A074')).toEqual({
      code: '001001',
      how: 'same',
    });
  });
  it('maps a merged comune to the comune that started the day after it ended, in the same province', () => {
    expect(current('013199', 'H521')).toEqual({
      code: '013256',
      how: 'successor',
    });
    expect(current('013228', 'L487')).toEqual({
      code: '013256',
      how: 'successor',
    });
  });
  it('uses the crosswalk for absorptions into an existing comune', () => {
    const cw = new Map([['018002', '001272']]);
    expect(current('018002', 'A134', cw)).toEqual({
      code: '001272',
      how: 'crosswalk',
    });
  });
  it('maps by cadastral code when only the numeric code changed (province change)', () => {
    expect(current('099999', 'L219')).toEqual({
      code: '001272',
      how: 'cadastral',
    });
  });
  it('returns null when no successor can be decided', () => {
    expect(current('001999', 'Z999')).toBeNull();
  });
});
