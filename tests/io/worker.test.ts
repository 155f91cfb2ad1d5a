import { afterEach, describe, expect, it } from 'vitest';
import { inSlices, serve, withTransfer, WorkerClient, type Port } from '../../src/io/worker';

// a worker stood in for by a MessageChannel: port1 is the caller's end, port2 the worker's scope
const channels: MessageChannel[] = [];
function pair() {
  const ch = new MessageChannel();
  channels.push(ch);
  return { caller: ch.port1 as unknown as Port & { terminate?(): void }, worker: ch.port2 as unknown as Port };
}
afterEach(() => {
  for (const ch of channels.splice(0)) {
    ch.port1.close();
    ch.port2.close();
  }
});

describe('WorkerClient + serve', () => {
  it('answers each request by its own id, whatever the order the answers come back in', async () => {
    const { caller, worker } = pair();
    // the first request answers last
    serve<number, number>((n) => new Promise((r) => setTimeout(() => r(n * 10), n === 1 ? 30 : 0)), worker);
    const client = new WorkerClient<number, number>(() => caller);
    expect(await Promise.all([client.request(1), client.request(2), client.request(3)])).toEqual([10, 20, 30]);
  });

  it('turns a thrown error into a rejection with its message, and the next request still works', async () => {
    const { caller, worker } = pair();
    serve<string, string>((s) => {
      if (s === 'bad') throw new Error('row 3: not a number');
      return s.toUpperCase();
    }, worker);
    const client = new WorkerClient<string, string>(() => caller);
    await expect(client.request('bad')).rejects.toThrow('row 3: not a number');
    expect(await client.request('ok')).toBe('OK');
  });

  it('sends progress to the request that asked, before its answer', async () => {
    const { caller, worker } = pair();
    serve<number, string, number>((n, ctx) => {
      for (let i = 1; i <= n; i++) ctx.progress(i / n);
      return 'done';
    }, worker);
    const seen: number[] = [];
    const client = new WorkerClient<number, string, number>(() => caller);
    expect(await client.request(4, { onProgress: (p) => seen.push(p) })).toBe('done');
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('transfers buffers both ways (the sender keeps an empty one)', async () => {
    const { caller, worker } = pair();
    serve<ArrayBuffer, ArrayBuffer>((buf) => {
      const out = new Uint8Array(buf).map((x) => x + 1).buffer;
      return withTransfer(out, [out]);
    }, worker);
    const client = new WorkerClient<ArrayBuffer, ArrayBuffer>(() => caller);
    const sent = new Uint8Array([1, 2, 3]).buffer;
    const back = await client.request(sent, { transfer: [sent] });
    expect(sent.byteLength).toBe(0);
    expect([...new Uint8Array(back)]).toEqual([2, 3, 4]);
  });

  it('tells a long handler that a newer request has arrived', async () => {
    const { caller, worker } = pair();
    serve<number, boolean>(
      (n, ctx) => new Promise((r) => setTimeout(() => r(ctx.superseded()), n === 1 ? 20 : 0)),
      worker,
    );
    const client = new WorkerClient<number, boolean>(() => caller);
    expect(await Promise.all([client.request(1), client.request(2)])).toEqual([true, false]);
  });

  it('rejects every pending request when the worker fails, naming the worker', async () => {
    const listeners: ((e: ErrorEvent) => void)[] = [];
    const fake: Port = {
      postMessage: () => {},
      addEventListener: (type: string, fn: (e: never) => void) => {
        if (type === 'error') listeners.push(fn as (e: ErrorEvent) => void);
      },
    };
    let started = 0;
    const client = new WorkerClient<number, number>(() => (started++, fake), 'coverage worker');
    const a = client.request(1);
    const b = client.request(2);
    for (const l of listeners) l({ message: 'out of memory' } as ErrorEvent);
    await expect(a).rejects.toThrow('coverage worker: out of memory');
    await expect(b).rejects.toThrow('coverage worker: out of memory');
    // a new request starts a new worker
    void client.request(3).catch(() => {});
    expect(started).toBe(2);
  });
});

describe('inSlices', () => {
  it('steps until done, then finishes', async () => {
    let n = 0;
    expect(
      await inSlices(
        { superseded: () => false },
        () => ++n === 3,
        () => n * 10,
      ),
    ).toBe(30);
  });
  it('stops with null once a newer request has arrived, without finishing', async () => {
    let n = 0;
    let finished = false;
    const r = await inSlices(
      { superseded: () => n >= 2 },
      () => (n++, false),
      () => (finished = true),
    );
    expect([r, n, finished]).toEqual([null, 2, false]);
  });
  it('turns an error in a step into a rejection', async () => {
    await expect(
      inSlices(
        { superseded: () => false },
        () => {
          throw new Error('no rows');
        },
        () => 1,
      ),
    ).rejects.toThrow('no rows');
  });
});
