import fs from 'node:fs';
import { query } from '../builtData';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGiComuni, parseGiProvince, buildCodes } from '../../data/build/codes.ts';

export const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'data');
export const fx = (name: string) => fs.readFileSync(path.join(FIX, name), 'utf8');

/** A small code list: Piemonte (001, 002), Lombardia (013, 015, 108), Trentino-Alto Adige (021, 022). */
export function sampleCodes(fixes: string[] = []) {
  const provinceNames = new Map([
    ['001', 'Torino'],
    ['002', 'Vercelli'],
    ['013', 'Como'],
    ['015', 'Milano'],
    ['108', 'Monza e della Brianza'],
    ['021', 'Bolzano/Bozen'],
    ['022', 'Trento'],
  ]);
  const regionNames = new Map([
    ['01', 'Piemonte'],
    ['03', 'Lombardia'],
    ['04', 'Trentino-Alto Adige/Südtirol'],
  ]);
  const comuni = parseGiComuni(
    fx('codes_gi_comuni_sample.csv'),
    parseGiProvince(fx('codes_gi_province_sample.csv')),
    'codes_gi_comuni_sample.csv',
    fixes,
  );
  return buildCodes(comuni, provinceNames, regionNames);
}

/** A query on the generated files (DuckDB in Node), rows as JSON objects (tests/builtData.ts). */
export const queryJson = async (sql: string) => (await query(sql)) as Record<string, string | number | null>[];
