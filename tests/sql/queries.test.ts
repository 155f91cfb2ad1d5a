import { describe, it, expect, beforeAll } from 'vitest';
import { cappedRows, countRows, describeBody } from '../../src/sql/queries';
import { cellText, castToText, resultToCsv, type ResultColumn } from '../../src/sql/cells';
import { openBlockingDb, type BlockingDb } from './wasmDuckDb';

let db: BlockingDb;
beforeAll(async () => {
  db = await openBlockingDb();
  db.lock();
}, 60000);

/** what the console shows for a statement: DESCRIBE, then the capped rows (as arrays), as the engine does */
function consoleRows(body: string, cap = 100): { columns: ResultColumn[]; rows: unknown[][] } {
  const columns = db
    .query(describeBody(body))
    .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const rows = db.query(cappedRows(body, columns, cap)).map((r) => Object.values(r));
  return { columns, rows };
}

describe('console results as DuckDB computed them', () => {
  it('shows DECIMAL, HUGEINT, dates, intervals, lists and structs in DuckDB’s own text (issue 15: 1.5 showed as "\\"15\\"")', () => {
    const { columns, rows } = consoleRows(
      "SELECT 1.5 AS x, 0.25 AS y, 170141183460469231731687303715884105727::HUGEINT AS h, 12345678901234.5678::DECIMAL(18,4) AS d, DATE '2024-01-02' AS day, TIMESTAMP '2024-01-02 03:04:05' AS ts, INTERVAL 3 DAY AS i, [1, 2] AS l, {'a': 1, 'b': 'x'} AS s, 1.1::FLOAT AS f, 0.1 + 0.2 AS dbl, 42 AS n, 9007199254740993 AS big, NULL::VARCHAR AS nothing, 'NULL' AS word",
    );
    expect(columns.map((c) => c.type)).toEqual([
      'DECIMAL(2,1)',
      'DECIMAL(3,2)',
      'HUGEINT',
      'DECIMAL(18,4)',
      'DATE',
      'TIMESTAMP',
      'INTERVAL',
      'INTEGER[]',
      'STRUCT(a INTEGER, b VARCHAR)',
      'FLOAT',
      'DECIMAL(3,1)',
      'INTEGER',
      'BIGINT',
      'VARCHAR',
      'VARCHAR',
    ]);
    expect(rows[0].map(cellText)).toEqual([
      '1.5',
      '0.25',
      '170141183460469231731687303715884105727',
      '12345678901234.5678',
      '2024-01-02',
      '2024-01-02 03:04:05',
      '3 days',
      '[1, 2]',
      "{'a': 1, 'b': x}",
      '1.1',
      '0.3',
      '42',
      '9007199254740993',
      null,
      'NULL',
    ]);
  });

  it('keeps DOUBLE as a number, with nan and inf as DuckDB prints them', () => {
    const { rows } = consoleRows(
      "SELECT 0.1::DOUBLE + 0.2::DOUBLE AS a, 'nan'::DOUBLE AS b, 'inf'::DOUBLE AS c, -1e300::DOUBLE * 10 AS d",
    );
    expect(rows[0].map(cellText)).toEqual(['0.30000000000000004', 'nan', 'inf', '-1e+301']);
  });

  it('keeps repeated column names apart (renamed by position inside, shown as given)', () => {
    const { columns, rows } = consoleRows('SELECT 1 AS a, 2 AS a');
    expect(columns.length).toBe(2);
    expect(rows[0]).toEqual([1, 2]);
  });

  it('caps the rows and counts them all apart', () => {
    const { rows } = consoleRows('SELECT * FROM range(100000000)', 10);
    expect(rows).toHaveLength(10);
    expect(db.query(countRows('SELECT * FROM range(100000000)'))).toEqual([{ n: 100000000n }]);
  });

  it('casts to text exactly the types JavaScript would not hold exactly', () => {
    expect(['INTEGER', 'BIGINT', 'DOUBLE', 'VARCHAR', 'BOOLEAN'].map(castToText)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(
      ['DECIMAL(18,3)', 'HUGEINT', 'FLOAT', 'DATE', 'INTERVAL', 'INTEGER[]', 'UUID', 'BLOB'].every(castToText),
    ).toBe(true);
  });

  it('writes the same cells to CSV: numbers bare, text quoted and formula starts neutralised', () => {
    const { columns, rows } = consoleRows("SELECT -1.50 AS d, 'a,b' AS t, '=cmd()' AS f, NULL::INT AS n, [1, 2] AS l");
    expect(resultToCsv(columns, rows)).toBe('d,t,f,n,l\r\n-1.50,"a,b",\'=cmd(),,"[1, 2]"\r\n');
  });
});
