import { describe, it, expect } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import { toParquet, columnType } from '../../src/sql/toParquet';

describe('query results to Parquet', () => {
  it('infers one type per column and keeps nulls as nulls', () => {
    expect(columnType([1, null, 2.5])).toBe('DOUBLE');
    expect(columnType([1n, null])).toBe('INT64');
    expect(columnType([true, false, null])).toBe('BOOLEAN');
    expect(columnType(['a', 1])).toBe('STRING');
    expect(columnType([null, null])).toBe('STRING');
  });

  it('round-trips through a Parquet reader', async () => {
    const rows = [
      { code: '101010', name: 'Crotone', value: 17180.5, n: 3n, ok: true, extra: { a: 1 } },
      { code: '001272', name: 'Torino', value: null, n: null, ok: false, extra: null }
    ];
    const buf = toParquet(['code', 'name', 'value', 'n', 'ok', 'extra'], rows);
    const back = await parquetReadObjects({ file: buf });
    expect(back).toEqual([
      { code: '101010', name: 'Crotone', value: 17180.5, n: 3n, ok: true, extra: '{"a":1}' },
      { code: '001272', name: 'Torino', value: null, n: null, ok: false, extra: null }
    ]);
  });
});
