import { describe, it, expect, vi, afterAll } from 'vitest';
import fs from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { requireBuilt } from '../builtData';
import { rangeFetch } from '../rangeFetch';
import { territoryProfile } from '../../src/analytics/territoryProfile';
import { toIndicatorRow, type IndicatorRow } from '../../src/contract';
import { openRemoteParquet } from '../../src/db/remoteParquet';
import { offerFirstData } from '../../src/io/firstData';
import { buffersOf, readIndicatorPart, readNames, type TablePart } from '../../src/state/tableParts';

vi.mock('../../src/db/duckdb', () => ({ getDb: vi.fn() }));
const { DataStore } = await import('../../src/state/data.svelte');

// the real bundled data, served with range requests; every request made once the values are in (the rest of both
// tables) is held back until released, so that the store is seen in between
const FILES = ['catalogue.json', 'territories.parquet', 'indicators.parquet'];
requireBuilt(...FILES.map((f) => `public/data/${f}`));
const bytes = Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(`public/data/${f}`)]));
const ab = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
let release: () => void = () => {};
const gate = new Promise<void>((r) => (release = r));
const log: string[] = [];
const s = new DataStore();
vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
  const name = url.split('/').pop()!;
  const range = init?.headers ? new Headers(init.headers).get('range') : null;
  const late = s.valuesStatus === 'ready';
  log.push(`${late ? 'late ' : ''}${name} ${range ?? 'full'}`);
  if (late) await gate;
  return rangeFetch(bytes[name], [])(url, init);
});
afterAll(() => vi.unstubAllGlobals());

/** bytes of a file asked for by explicit ranges in these log lines */
const rangedBytes = (lines: string[], file = 'indicators') =>
  lines.reduce((sum, l) => {
    const m = new RegExp(`${file}\\.parquet bytes=(\\d+)-(\\d+)`).exec(l);
    return m ? sum + Number(m[2]) - Number(m[1]) + 1 : sum;
  }, 0);

/** every row of the indicators file, as the full read before this change turned it into rows */
const direct = new Map<string, IndicatorRow[]>();
for (const r of (await parquetReadObjects({ file: ab(bytes['indicators.parquet']) })) as Record<string, unknown>[]) {
  const row = toIndicatorRow(r);
  direct.set(row.indicator, [...(direct.get(row.indicator) ?? []), row]);
}

// Crotone, Milano, a small comune of Sardinia (Ollolai), the province of Crotone, Calabria
const CHOSEN = [
  ['comune', '101010'],
  ['comune', '015146'],
  ['comune', '091063'],
  ['province', '101'],
  ['region', '18'],
] as const;

describe('DataStore: names, then the values of every indicator, then the rest', () => {
  it('the panel table chosen before the full tables equals the one after them, for every number', async () => {
    await s.load('population');
    expect(s.namesReady).toBe(false);
    expect(s.index.get('comune')?.get('101010')?.name).toBe('');
    expect(s.profileRows).toBeNull();

    await s.loadNames();
    expect(s.namesReady).toBe(true);
    const crotone = s.index.get('comune')?.get('101010');
    expect(crotone?.name).toBe('Crotone');
    expect(crotone?.province_code).toBe('101');
    expect(crotone?.population).toBeGreaterThan(50_000);

    // a territory is chosen (the search, the panel): its table's values do not wait for the rest of the territory table
    const full = s.loadFull(true);
    await vi.waitFor(() => expect(s.valuesStatus).toBe('ready'));
    expect(s.fullStatus).toBe('loading');
    // the rest (numerators, the territories' other columns) is asked for only after the values
    // the values came with the whole indicators file in one request (on a slow line fewer requests come in sooner)
    const size = bytes['indicators.parquet'].length;
    const ranged = log.filter((l) => /^indicators\.parquet bytes=\d+-/.test(l));
    expect(rangedBytes(ranged)).toBeGreaterThan(0.95 * size);
    expect(ranged.length).toBeLessThanOrEqual(6);
    // the rest of the territory table waits for the values (held here)
    expect(log.filter((l) => l.startsWith('late territories')).length).toBeGreaterThan(0);
    const before = CHOSEN.map(([l, c]) => territoryProfile(s.profileRows!, s.territories, s.catalogue, l, c));

    // an imported indicator (a synthetic fixture) is in the table before the full tables too
    const fixture = {
      level: 'comune',
      code: '101010',
      indicator: 'user_fixture',
      year: 2024,
      value: 7,
      numerator: null,
      denominator: null,
    } as const;
    s.addIndicators([{ ...s.catalogue[0], id: 'user_fixture' }], new Map([['user_fixture', [fixture]]]));
    expect(s.profileRows?.get('user_fixture')).toEqual([fixture]);

    release();
    await full;
    expect(s.fullStatus).toBe('ready');
    // the numerators from the bytes already in: each byte of the indicators file read once (the map's indicator twice)
    expect(log.filter((l) => l.startsWith('late indicators'))).toEqual([]);
    expect(rangedBytes(log)).toBeLessThan(1.15 * size);
    expect(s.profileRows).toBe(s.rowsByIndicator);
    // every row of the file, numerators and denominators included, as one full read gives them
    for (const [id, rows] of direct) expect(s.rowsByIndicator.get(id), id).toEqual(rows);
    expect([...direct.values()].flat().some((r) => r.numerator !== null)).toBe(true);

    const after = CHOSEN.map(([l, c]) => territoryProfile(direct, s.territories, s.catalogue, l, c));
    expect(before).toEqual(after);
    for (const p of before) expect(p.length).toBeGreaterThan(10);
    // Crotone's own population figure of the latest year, straight from the file, and missing stays missing
    const pop = before[0].find((r) => r.indicator === 'population')!;
    const own = direct.get('population')!.filter((r) => r.code === '101010' && r.level === 'comune');
    const latest = own.reduce((a, b) => (b.year > a.year ? b : a));
    expect([pop.year, pop.value]).toEqual([latest.year, latest.value]);
    expect(before.flat().some((r) => r.value === null)).toBe(true);
  });

  it('through the first-data worker (its parts handed over as buffers) the rows are the same; a failing worker is replaced by a read here', async () => {
    const file = openRemoteParquet('data/indicators.parquet', rangeFetch(bytes['indicators.parquet'], []));
    const terr = openRemoteParquet('data/territories.parquet', rangeFetch(bytes['territories.parquet'], []));
    const asked: TablePart[] = [];
    let territoriesFirst = false;
    const from = log.length;
    let done = 0;
    offerFirstData('population', Promise.reject(new Error('no first data')), {
      read: async (part) => {
        asked.push(part as TablePart);
        // with no territory chosen, the rest of the territory table (the place names' coordinates) comes first
        if (part === 'values')
          territoriesFirst = rangedBytes(log.slice(from), 'territories') > 0.9 * bytes['territories.parquet'].length;
        if (part === 'names') return structuredClone(await readNames(await terr));
        if (part === 'ratios') throw new Error('worker: stopped');
        const packed = await readIndicatorPart(await file, 'values');
        // what postMessage does with a transfer list: the buffers move, the worker's copy is emptied
        const moved = structuredClone(packed, { transfer: buffersOf(packed) });
        expect(buffersOf(packed).every((b) => b.byteLength === 0)).toBe(true);
        return moved;
      },
      done: () => done++,
    });
    const w = new DataStore();
    await w.load('population');
    await w.loadFull();
    expect(w.fullStatus).toBe('ready');
    expect(w.errors).toEqual([]);
    expect(asked).toEqual(['names', 'values', 'ratios']);
    expect(territoriesFirst).toBe(true);
    expect(w.index.get('comune')?.get('101010')?.name).toBe('Crotone');
    expect(done).toBeGreaterThan(0);
    for (const [id, rows] of direct) expect(w.rowsByIndicator.get(id), id).toEqual(rows);
  });
});
