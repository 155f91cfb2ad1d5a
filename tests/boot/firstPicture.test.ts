import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import vm from 'node:vm';
import {
  EARLY_GLOBAL,
  FIRST_PICTURE_PLACEHOLDER,
  FOOTER_BYTES,
  GEOMETRY_GLOBAL,
  GEOMETRY_WORKER_PLACEHOLDER,
  writeFirstPicture,
} from '../../src/contract/firstPicture';
import { FOOTER_BYTES as READER_FOOTER_BYTES } from '../../src/db/rangeFile';
import { GEO_FILES, GEO_PACKED } from '../../src/map/files';
import { earlyKey } from '../../src/io/early';

// The inline script of index.html, as the build writes it (the geometry worker's name filled in like
// vite.config.ts does), run in a stand-in page at http://atlas.test/app/ with this query string.
const html = fs.readFileSync('index.html', 'utf8');
function runInline(search: string, build = writeFirstPicture(html)) {
  const script = /<script>([\s\S]*?)<\/script>/.exec(
    build.replace(`'${GEOMETRY_WORKER_PLACEHOLDER}'`, "'./assets/geometry.worker-x.js'"),
  )![1];
  const fetched: { path: string; init?: { headers: { Range: string } } }[] = [];
  const posted: unknown[] = [];
  const window: Record<string, unknown> = {};
  const location = new URL(PAGE + search);
  class Worker {
    constructor(public url: string) {}
    postMessage(m: unknown) {
      posted.push(m);
    }
  }
  const fetch = (path: string, init?: { headers: { Range: string } }) => {
    fetched.push({ path, init });
    return Promise.resolve(null);
  };
  vm.runInNewContext(script, { window, location, URLSearchParams, URL, Worker, fetch });
  return { window, fetched, posted };
}

// the key the app looks up (src/io/early.ts) for its own request of `./file` with this Range header
const PAGE = 'http://atlas.test/app/index.html';
beforeAll(() => vi.stubGlobal('location', new URL(PAGE)));
afterAll(() => vi.unstubAllGlobals());
const key = (file: string, range?: string) => earlyKey('./' + file, range ? { headers: { Range: range } } : undefined);

describe('the first-picture protocol: index.html and the app agree (src/contract/firstPicture.ts)', () => {
  it('index.html writes no file name, range or global of its own (they come from the contract)', () => {
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(inline).toContain(FIRST_PICTURE_PLACEHOLDER);
    // comments aside
    const code = inline.replace(/\/\/.*$/gm, '');
    for (const literal of ['geo/', 'data/', ".parquet'", '.json', 'bytes=', '32768', '__early', '__geometry'])
      expect(code.includes(literal), literal).toBe(false);
  });

  it('region view: the boundaries, the catalogue and both Parquet footers, under the keys the app takes', () => {
    const { window, fetched } = runInline('?level=region');
    const early = window[EARLY_GLOBAL] as Record<string, unknown>;
    const range = `bytes=-${READER_FOOTER_BYTES}`;
    expect(Object.keys(early).sort()).toEqual(
      [
        key(GEO_FILES.region),
        key('data/catalogue.json'),
        key('data/territories.parquet', range),
        key('data/indicators.parquet', range),
      ].sort(),
    );
    // the footer request is the one the range reader makes (src/db/rangeFile.ts)
    expect(READER_FOOTER_BYTES).toBe(FOOTER_BYTES);
    expect(fetched.find((f) => f.path === 'data/indicators.parquet')?.init?.headers.Range).toBe('bytes=-32768');
  });

  it('SLL and EU views: their own boundaries too (with the footers), never a name that is not a level', () => {
    for (const level of ['sll', 'nuts2'] as const) {
      const early = runInline(`?level=${level}`).window[EARLY_GLOBAL] as Record<string, unknown>;
      expect(Object.keys(early)).toContain(key(GEO_FILES[level]));
      expect(Object.keys(early)).toHaveLength(5);
    }
    const odd = runInline('?level=__proto__').window[EARLY_GLOBAL] as Record<string, unknown>;
    expect(Object.keys(odd)).toHaveLength(4);
  });

  it('province view: its boundaries too, no footers (a worker reads the data)', () => {
    const early = runInline('?level=province').window[EARLY_GLOBAL] as Record<string, unknown>;
    expect(Object.keys(early).sort()).toEqual(
      [key(GEO_FILES.region), key(GEO_FILES.province), key('data/catalogue.json')].sort(),
    );
  });

  it('comune view: the geometry worker is started with the job the app looks for', () => {
    const { window, posted } = runInline('?level=comune');
    const g = window[GEOMETRY_GLOBAL] as { level: string; url: string; worker: { url: string } };
    // src/map/geometryJob.ts adopts it when level and url are those of the app's own request ('./' + file)
    expect(g.level).toBe('comune');
    expect(g.url).toBe('./' + GEO_PACKED.comune);
    expect(g.worker.url).toBe('./assets/geometry.worker-x.js');
    expect(posted).toEqual([
      { name: './' + GEO_PACKED.comune, url: 'http://atlas.test/app/' + GEO_PACKED.comune, packed: true },
    ]);
  });

  it('an index.html the build did not fill starts nothing (the app then fetches everything itself)', () => {
    const { window, fetched } = runInline('?level=region', html);
    expect(window[EARLY_GLOBAL]).toBeUndefined();
    expect(fetched).toEqual([]);
  });

  it('the build refuses an index.html without the placeholder', () => {
    expect(() => writeFirstPicture('<script>var fp = {};</script>')).toThrow(/placeholder/);
  });
});
