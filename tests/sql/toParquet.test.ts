import { describe, it, expect } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import { toParquet } from '../../src/sql/toParquet';
import { parquetColumn } from '../../src/sql/cells';

describe('console results to Parquet', () => {
  it('types each column from DuckDB’s type: exact numbers stay numbers, the rest is DuckDB’s text', () => {
    expect(parquetColumn({ name: 'd', type: 'DECIMAL(3,2)' }, ['0.25', null]).type).toBe('DOUBLE');
    expect(parquetColumn({ name: 'd', type: 'DECIMAL(38,10)' }, ['1.0000000001']).type).toBe('STRING');
    expect(parquetColumn({ name: 'h', type: 'HUGEINT' }, ['42']).data).toEqual([42n]);
    expect(parquetColumn({ name: 'h', type: 'HUGEINT' }, ['170141183460469231731687303715884105727']).type).toBe(
      'STRING',
    );
    expect(parquetColumn({ name: 'n', type: 'INTEGER' }, [3, null]).data).toEqual([3n, null]);
    expect(parquetColumn({ name: 'b', type: 'BOOLEAN' }, [true, null]).type).toBe('BOOLEAN');
    expect(parquetColumn({ name: 'day', type: 'DATE' }, ['2024-01-02']).type).toBe('STRING');
  });

  it('round-trips through a Parquet reader, repeated names kept apart', async () => {
    const columns = [
      { name: 'code', type: 'VARCHAR' },
      { name: 'value', type: 'DOUBLE' },
      { name: 'n', type: 'BIGINT' },
      { name: 'ok', type: 'BOOLEAN' },
      { name: 'x', type: 'DECIMAL(3,2)' },
      { name: 'x', type: 'INTEGER[]' },
    ];
    const rows = [
      ['101010', 17180.5, 3n, true, '0.25', '[1, 2]'],
      ['001272', null, null, false, null, null],
    ];
    const back = await parquetReadObjects({ file: toParquet(columns, rows) });
    expect(back).toEqual([
      { code: '101010', value: 17180.5, n: 3n, ok: true, x: 0.25, x_2: '[1, 2]' },
      { code: '001272', value: null, n: null, ok: false, x: null, x_2: null },
    ]);
  });
});
