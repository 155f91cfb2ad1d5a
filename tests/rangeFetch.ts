/** A fetch over a local file that honours Range headers (suffix and start-end), logging each request's range. */
export function rangeFetch(bytes: Buffer, log: string[]): typeof fetch {
  return (async (_url: string, init?: RequestInit) => {
    const range = init?.headers ? new Headers(init.headers).get('range') : null;
    log.push(range ?? 'full');
    const size = bytes.length;
    if (!range) return new Response(bytes.slice(), { status: 200 });
    const m = /bytes=(\d*)-(\d*)/.exec(range)!;
    const start = m[1] ? Number(m[1]) : size - Number(m[2]);
    const end = m[1] && m[2] ? Number(m[2]) : size - 1;
    return new Response(bytes.subarray(start, end + 1).slice(), {
      status: 206,
      headers: { 'content-range': `bytes ${start}-${end}/${size}` },
    });
  }) as typeof fetch;
}
