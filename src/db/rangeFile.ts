/**
 * A Parquet file on the server read with HTTP range requests: the footer in one request (a suffix
 * range, which also tells the file's size), then only the byte spans of the column chunks asked for,
 * neighbouring spans merged into one request. A server that ignores ranges sends the whole file once;
 * one that answers the suffix range with another range costs one more request.
 */
import type { AsyncBuffer } from 'hyparquet';
import { earlyFetch } from '../io/early';
import { FOOTER_BYTES } from '../contract/firstPicture';

export { FOOTER_BYTES };
const MERGE_GAP = 4096;

interface Span {
  start: number;
  end: number;
  buf: Promise<ArrayBuffer>;
}

export interface RangeFile extends AsyncBuffer {
  url: string;
  /** fetch these byte ranges now, merging neighbours; later slices inside them cost no request */
  prefetch(ranges: [number, number][]): Promise<void>;
  /** number of HTTP requests made so far */
  requests(): number;
}

export async function openRangeFile(url: string, fetcher: typeof fetch = fetch): Promise<RangeFile> {
  const res = await earlyFetch(url, { headers: { Range: `bytes=-${FOOTER_BYTES}` } }, fetcher);
  if (!res.ok) throw new Error(`could not be downloaded (HTTP ${res.status})`);
  let total: number;
  let requests = 1;
  const spans: Span[] = [];
  if (res.status === 206) {
    // the range the server actually sent: some servers answer a suffix range with the file's start
    // (Vite's preview server does); the footer is then fetched with an explicit range when needed
    const m = /bytes\s+(\d+)-(\d+)\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
    if (!m) throw new Error('the server sent no Content-Range');
    total = Number(m[3]);
    const buf = await res.arrayBuffer();
    const start = Number(m[1]);
    if (buf.byteLength !== Number(m[2]) - start + 1)
      throw new Error(`the server sent ${buf.byteLength} bytes for the range ${m[1]}-${m[2]}`);
    spans.push({ start, end: start + buf.byteLength, buf: Promise.resolve(buf) });
  } else {
    const buf = await res.arrayBuffer();
    total = buf.byteLength;
    spans.push({ start: 0, end: total, buf: Promise.resolve(buf) });
  }
  const fetchSpan = (start: number, end: number): Span => {
    requests++;
    const buf = fetcher(url, { headers: { Range: `bytes=${start}-${end - 1}` } }).then(async (r) => {
      if (r.status === 206) return r.arrayBuffer();
      if (r.ok) return (await r.arrayBuffer()).slice(start, end);
      throw new Error(`${url}: range ${start}-${end} failed (HTTP ${r.status})`);
    });
    const s = { start, end, buf };
    spans.push(s);
    return s;
  };
  const covering = (start: number, end: number) => spans.find((s) => s.start <= start && end <= s.end);
  /** spans that together cover [start, end) without a gap, in order; null if there is a gap */
  const union = (start: number, end: number): Span[] | null => {
    const parts: Span[] = [];
    let at = start;
    while (at < end) {
      const next = spans.filter((s) => s.start <= at && s.end > at).sort((a, b) => b.end - a.end)[0];
      if (!next) return null;
      parts.push(next);
      at = next.end;
    }
    return parts;
  };
  const assemble = async (parts: Span[], start: number, end: number): Promise<ArrayBuffer> => {
    const out = new Uint8Array(end - start);
    for (const s of parts) {
      const b = new Uint8Array(await s.buf);
      const from = Math.max(start, s.start);
      const to = Math.min(end, s.end);
      out.set(b.subarray(from - s.start, to - s.start), from - start);
    }
    return out.buffer;
  };
  return {
    url,
    byteLength: total,
    requests: () => requests,
    slice(start: number, end?: number) {
      const e = end ?? total;
      const one = covering(start, e);
      if (one) return one.buf.then((b) => b.slice(start - one.start, e - one.start));
      const parts = union(start, e);
      if (parts) return assemble(parts, start, e);
      const s = fetchSpan(start, e);
      return s.buf.then((b) => b.slice(start - s.start, e - s.start));
    },
    async prefetch(ranges) {
      const todo = ranges.filter(([a, b]) => !union(a, b)).sort((x, y) => x[0] - y[0]);
      const merged: [number, number][] = [];
      for (const [a, b] of todo) {
        const last = merged[merged.length - 1];
        if (last && a - last[1] <= MERGE_GAP) last[1] = Math.max(last[1], b);
        else merged.push([a, b]);
      }
      await Promise.all(merged.map(([a, b]) => fetchSpan(a, b).buf));
    },
  };
}
