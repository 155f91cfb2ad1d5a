/** Contacts carried by the services pipeline (data/build/services.ts), on the small synthetic fixtures. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
  contactText,
  parseConsultori,
  parseHospitals,
  parseSchoolRegistry,
  websiteText,
} from '../../data/build/services';

const FIX = path.resolve(__dirname, '..', 'fixtures', 'coverage');
const fx = (f: string) => fs.readFileSync(path.join(FIX, f), 'utf8');

describe('contact cells', () => {
  it.each([
    ['', null],
    ['-', null],
    ['Non Disponibile', null],
    ['NON DISPONIBILE', null],
    ['  a@b.it ', 'a@b.it'],
    [undefined, null],
  ] as const)('contactText(%j) → %j', (s, v) => expect(contactText(s)).toBe(v));
  it.each([
    ['https//www.scuola.edu.it', 'https://www.scuola.edu.it'],
    ['http//www.x.it', 'http://www.x.it'],
    ['www.x.it', 'www.x.it'],
    ['https://ok.it', 'https://ok.it'],
    ['Non Disponibile', null],
  ] as const)('websiteText(%j) → %j', (s, v) => expect(websiteText(s)).toBe(v));
});

describe('parsers keep the contact columns the sources have', () => {
  it('MIM registry: e-mail and web site (fixture cells are "x")', () => {
    const r = parseSchoolRegistry(fx('cpia_sample.csv'), 'cpia_sample.csv');
    expect([r[0].email, r[0].website]).toEqual(['x', 'x']);
  });
  it('consultori: the ASL web site; no phone (the source lost the leading 0)', () => {
    const r = parseConsultori(fx('consultori_sample.csv'), 'consultori_sample.csv');
    expect(r[0].website).toBe('http://x');
    expect(Object.keys(r[0])).not.toContain('phone');
  });
  it('hospitals: tel/email/url read, empty cells are null (never "")', () => {
    const [head, first, ...rest] = fx('hospitals_sample.csv').split('\n');
    const cols = head.split(',');
    const cells = first.split(',');
    cells[cols.indexOf('tel')] = '0962 1';
    cells[cols.indexOf('email')] = 'h@asp.it';
    cells[cols.indexOf('url')] = 'http//www.asp.it';
    const text = [head, cells.join(','), ...rest].join('\n');
    const r = parseHospitals(text, 'hospitals_sample.csv');
    expect([r[0].phone, r[0].email, r[0].website]).toEqual(['0962 1', 'h@asp.it', 'http://www.asp.it']);
    expect([r[1].phone, r[1].email, r[1].website]).toEqual([null, null, null]);
  });
});
