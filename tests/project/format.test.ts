/** The project file's format: a zip with a manifest; newer formats, corrupt files and missing manifests refused in words. */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import {
  FORMAT_VERSION,
  ProjectError,
  jsonFile,
  parseManifest,
  projectFileName,
  readProject,
  writeProject,
  type Manifest,
} from '../../src/project/format';
import { errorText, projectDict } from '../../src/project/i18n';

const manifest = (over: Partial<Manifest> = {}): Manifest => ({
  format: 'coefficienti-project',
  formatVersion: 1,
  atlasVersion: '0.1.0',
  dataRelease: 'build-report sha256:0011223344556677',
  createdAt: '2026-12-01T10:00:00.000Z',
  items: [
    {
      kind: 'indicators',
      id: 'user_fixture',
      name: 'fixture (synthetic)',
      rows: 3,
      levels: ['comune'],
      file: 'datasets/user_fixture.parquet',
      meta: 'datasets/user_fixture.json',
    },
    { kind: 'coefficient', id: 'coefficient', name: 'cfg', rows: null, levels: [], file: 'settings/coefficient.json' },
  ],
  ...over,
});

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof ProjectError ? `${e.code}:${e.detail}` : `other:${(e as Error).message}`;
  }
  return 'no error';
};

describe('project file format', () => {
  it('writes a zip that reads back: the manifest and every file, byte for byte', () => {
    const files = {
      'settings/coefficient.json': strToU8('{"a":1}'),
      'datasets/user_fixture.parquet': new Uint8Array([1, 2, 3]),
    };
    const back = readProject(writeProject(manifest(), files));
    expect(back.manifest).toEqual(manifest());
    expect([...back.files['datasets/user_fixture.parquet']]).toEqual([1, 2, 3]);
    expect(jsonFile(back.files, 'settings/coefficient.json')).toEqual({ a: 1 });
    expect(jsonFile(back.files, 'absent.json')).toBeNull();
    // written again from what was read: the new manifest, not the one among the files
    const again = readProject(writeProject(manifest({ formatVersion: 1, atlasVersion: '0.2.0' }), back.files));
    expect(again.manifest.atlasVersion).toBe('0.2.0');
  });

  it('writes format version 1 (the newest this atlas reads)', () => {
    expect(FORMAT_VERSION).toBe(1);
  });

  it('refuses a newer format by its number, before reading the items', () => {
    expect(code(() => parseManifest({ ...manifest(), formatVersion: 2, items: 'whatever' }))).toBe('newer:2');
    expect(errorText(projectDict('it'), 'newer', '2')).toMatch(/versione più recente.*formato 2.*fino al formato 1/);
    expect(errorText(projectDict('en'), 'newer', '2')).toMatch(/newer version.*format 2.*up to format 1/);
  });

  it('says a file is not a zip (random bytes, text, a truncated zip)', () => {
    expect(code(() => readProject(new Uint8Array([1, 2, 3, 4, 5])))).toBe('not_zip:');
    expect(code(() => readProject(strToU8('level,code,value\ncomune,101010,3\n')))).toBe('not_zip:');
    const zip = writeProject(manifest(), {});
    expect(code(() => readProject(zip.slice(0, zip.length - 30)))).toBe('not_zip:');
  });

  it('says a zip without manifest.json is not a project, and a manifest that is not JSON is invalid', () => {
    expect(code(() => readProject(zipSync({ 'data.csv': strToU8('a,b') })))).toBe('no_manifest:');
    expect(code(() => readProject(zipSync({ 'manifest.json': strToU8('{not json') })))).toBe('bad_manifest:JSON');
  });

  it('checks the manifest field by field', () => {
    expect(code(() => parseManifest(null))).toBe('bad_manifest:not an object');
    expect(code(() => parseManifest({ ...manifest(), format: 'coefficienti-story' }))).toBe('bad_manifest:format');
    expect(code(() => parseManifest({ ...manifest(), formatVersion: 0 }))).toBe('bad_manifest:formatVersion');
    const item = manifest().items[0];
    expect(code(() => parseManifest(manifest({ items: [{ ...item, kind: 'weights' as never }] })))).toBe(
      'bad_manifest:items[0].kind',
    );
    expect(code(() => parseManifest(manifest({ items: [{ ...item, id: 'Bad Id' }] })))).toBe(
      'bad_manifest:items[0].id',
    );
    expect(code(() => parseManifest(manifest({ items: [item, item] })))).toBe('bad_manifest:items[1].id');
    expect(code(() => parseManifest(manifest({ items: [{ ...item, rows: -1 }] })))).toBe('bad_manifest:items[0].rows');
    // a path that climbs out of the archive or is absolute
    expect(code(() => parseManifest(manifest({ items: [{ ...item, file: '../x.parquet' }] })))).toBe(
      'bad_manifest:items[0].file',
    );
    expect(code(() => parseManifest(manifest({ items: [{ ...item, meta: '/etc/x' }] })))).toBe(
      'bad_manifest:items[0].meta',
    );
  });

  it('names the file by date', () => {
    expect(projectFileName(new Date('2026-12-01T23:00:00Z'))).toBe('progetto-2026-12-01.coefficienti.zip');
    expect(projectFileName(new Date('2026-12-01T23:00:00Z'), 'project')).toBe('project-2026-12-01.coefficienti.zip');
  });
});
