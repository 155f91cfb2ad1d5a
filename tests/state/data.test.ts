import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { IndicatorRow } from '../../src/contract';

// synthetic stand-ins: no DuckDB engine, no files
const getDb = vi.fn();
const mirrorTables = vi.fn(async () => {});
vi.mock('../../src/db/duckdb', () => ({ getDb }));
vi.mock('../../src/db/mirror', () => ({ mirrorTables, dropIndicators: vi.fn(async () => {}) }));

const { DataStore } = await import('../../src/state/data.svelte');

const row = (indicator: string): IndicatorRow => ({
  level: 'region',
  code: '01',
  indicator,
  year: 2024,
  value: 1,
  numerator: null,
  denominator: null,
});

function store() {
  const s = new DataStore();
  // the full tables "loaded": one built-in and one imported indicator
  s.loadFull = async () => {
    s.rowsByIndicator = new Map([
      ['built', [row('built')]],
      ['user_x', [row('user_x')]],
    ]);
    s.userIndicatorIds = ['user_x'];
    s.fullStatus = 'ready';
  };
  return s;
}

describe('DataStore.startDb: one start, one promise, no polling', () => {
  beforeEach(() => {
    getDb.mockReset();
    mirrorTables.mockClear();
  });

  it('callers at the same time share one start; dbReady resolves with the same DuckDB', async () => {
    const db = { all: async () => [] };
    getDb.mockResolvedValue(db);
    const s = store();
    const [a, b] = await Promise.all([s.startDb(), s.startDb()]);
    expect(a).toBe(db);
    expect(b).toBe(db);
    expect(await s.dbReady).toBe(db);
    expect(getDb).toHaveBeenCalledTimes(1);
    expect(s.dbStatus).toBe('ready');
    // built-in rows only: the imported ones reach DuckDB through their dataset
    expect(mirrorTables).toHaveBeenCalledTimes(1);
    const tables = (mirrorTables.mock.calls[0] as unknown[])[1] as { rows: IndicatorRow[] };
    expect(tables.rows.map((r) => r.indicator)).toEqual(['built']);
  });

  it('a failed start gives null to every caller, says why, and is not retried', async () => {
    getDb.mockRejectedValue(new Error('no worker'));
    const s = store();
    expect(await s.startDb()).toBeNull();
    expect(await s.dbReady).toBeNull();
    expect(await s.startDb()).toBeNull();
    expect(getDb).toHaveBeenCalledTimes(1);
    expect(s.dbStatus).toBe('failed');
    expect(s.errors).toEqual(['DuckDB: no worker']);
  });
});
