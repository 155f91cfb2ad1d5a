import { describe, it, expect } from 'vitest';
import { requireBuilt } from '../builtData';
import fs from 'node:fs';
import { openRemoteParquet, readRemote, rowRangesFor, chunkSpans } from '../../src/db/remoteParquet';
import { parquetReadObjects } from 'hyparquet';
import { rangeFetch } from '../rangeFetch';

const file = 'public/data/indicators.parquet';
requireBuilt(file);
describe('reading one indicator with range requests', () => {
  it('reads the same rows as a full read, fetching a fraction of the file', async () => {
    const bytes = fs.readFileSync(file);
    const log: string[] = [];
    const p = await openRemoteParquet('indicators.parquet', rangeFetch(bytes, log));
    const ranges = rowRangesFor(p.metadata, 'indicator', 'foreign_per_100');
    const got = (await readRemote(p, ['level', 'code', 'indicator', 'year', 'value'], ranges)).filter(
      (r) => r.indicator === 'foreign_per_100',
    );
    const all = (
      await parquetReadObjects({
        file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        columns: ['level', 'code', 'indicator', 'year', 'value'],
      })
    ).filter((r) => r.indicator === 'foreign_per_100');
    expect(got).toEqual(all);
    expect(got.length).toBeGreaterThan(100);
    // footer (suffix range) + the column chunks of one or two row groups, never the whole file
    expect(log[0]).toBe('bytes=-32768');
    expect(log).not.toContain('full');
    const fetched = chunkSpans(p.metadata, ['level', 'code', 'indicator', 'year', 'value'], ranges).reduce(
      (s, [a, b]) => s + b - a,
      0,
    );
    expect(fetched).toBeLessThan(bytes.length / 4);
  });

  it('skips row groups whose statistics cannot hold the value', async () => {
    const bytes = fs.readFileSync(file);
    const p = await openRemoteParquet('x', rangeFetch(bytes, []));
    const total = Number(p.metadata.num_rows);
    const r = rowRangesFor(p.metadata, 'indicator', 'unemployment_rate');
    expect(r.reduce((s, [a, b]) => s + b - a, 0)).toBeLessThan(total / 5);
    expect(rowRangesFor(p.metadata, 'indicator', 'aaa_before_every_indicator')).toEqual([]);
  });

  it('a full read after a partial one reuses the bytes it has and assembles across spans', async () => {
    const bytes = fs.readFileSync(file);
    const log: string[] = [];
    const p = await openRemoteParquet('x', rangeFetch(bytes, log));
    await readRemote(
      p,
      ['level', 'code', 'indicator', 'year', 'value'],
      rowRangesFor(p.metadata, 'indicator', 'density'),
    );
    const before = log.length;
    const rows = await readRemote(p, undefined);
    expect(rows.length).toBe(Number(p.metadata.num_rows));
    // one more round of merged requests at most, never a re-read of what was fetched
    expect(log.length - before).toBeLessThanOrEqual(p.metadata.row_groups.length);
  });
});

describe('a server without range support', () => {
  it('gets the whole file once and still reads', async () => {
    const f = 'public/data/territories.parquet';
    if (!fs.existsSync(f)) return;
    const bytes = fs.readFileSync(f);
    let calls = 0;
    const plain = (async () => {
      calls++;
      return new Response(bytes.slice(), { status: 200 });
    }) as unknown as typeof fetch;
    const p = await openRemoteParquet('t', plain);
    const rows = await readRemote(p, ['level', 'code']);
    expect(rows.length).toBe(Number(p.metadata.num_rows));
    expect(calls).toBe(1);
  });
});

describe('a server that answers a suffix range with the start of the file (as Vite preview does)', () => {
  it('reads the footer with one more, explicit range and still gets every row', async () => {
    const f = 'public/data/territories.parquet';
    if (!fs.existsSync(f)) return;
    const bytes = fs.readFileSync(f);
    const log: string[] = [];
    const honest = rangeFetch(bytes, log);
    // "bytes=-N" comes back as "bytes 0-N/size" (N + 1 bytes); explicit ranges are honoured
    const sirvLike = (async (url: string, init?: RequestInit) => {
      const range = init?.headers ? new Headers(init.headers).get('range') : null;
      const m = range ? /^bytes=-(\d+)$/.exec(range) : null;
      if (!m) return honest(url, init);
      log.push(range as string);
      const n = Number(m[1]);
      return new Response(bytes.subarray(0, n + 1).slice(), {
        status: 206,
        headers: { 'content-range': `bytes 0-${n}/${bytes.length}` },
      });
    }) as typeof fetch;
    const p = await openRemoteParquet('t', sirvLike);
    const rows = await readRemote(p, ['level', 'code']);
    expect(rows.length).toBe(Number(p.metadata.num_rows));
    expect(rows.filter((r) => r.level === 'region').length).toBe(20);
    // the suffix request, then the footer with an explicit range (after that, what the columns need)
    expect(log[0]).toBe('bytes=-32768');
    expect(log[1]).toMatch(new RegExp(`^bytes=\\d+-${bytes.length - 1}$`));
  });
});
