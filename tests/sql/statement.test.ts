import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { judge, shape, wrapSelect, type Verdict } from '../../src/sql/statement';
import { openBlockingDb, type BlockingDb } from './wasmDuckDb';

// DuckDB-WASM's own tokenizer and parser (the console's engine), run in Node
let db: BlockingDb;
beforeAll(async () => {
  db = await openBlockingDb([{ name: 'import_x.csv', text: 'a,b\n1,2\n' }]);
  db.exec('CREATE TABLE territories AS SELECT 1 AS level, 2 AS code');
  db.exec('CREATE TABLE indicators AS SELECT 1 AS v');
  db.lock();
}, 60000);

const verdict = (sql: string): Promise<Verdict> => judge(sql, db.port);

describe('judge (DuckDB decides whether a console statement is one read)', () => {
  it.each([
    'SELECT * FROM territories LIMIT 5',
    "select code from territories where code = 'drop table x'",
    'WITH a AS (SELECT 1 AS x) SELECT * FROM a;',
    'SELECT 1;;  ',
    'SELECT 1; -- done',
    'DESCRIBE territories',
    'SUMMARIZE indicators',
    'SHOW TABLES',
    'FROM territories LIMIT 3',
    'SELECT "delete", "update" FROM (SELECT 1 AS "delete", 2 AS "update")',
    '-- a comment with DROP\nSELECT 1',
    'SELECT 1 -- trailing comment without newline',
    'SELECT * FROM information_schema.columns',
    "SELECT * FROM read_csv('import_x.csv')",
    'VALUES (1), (2)',
  ])('accepts %s', async (sql) => {
    expect(await verdict(sql)).toMatchObject({ ok: true, kind: 'select' });
  });

  it('accepts EXPLAIN and EXPLAIN ANALYZE of a read, and keeps the prefix', async () => {
    expect(await verdict('EXPLAIN SELECT 1')).toEqual({
      ok: true,
      kind: 'explain',
      prefix: 'EXPLAIN',
      body: 'SELECT 1',
    });
    expect(await verdict('explain analyze SELECT * FROM territories;')).toEqual({
      ok: true,
      kind: 'explain',
      prefix: 'EXPLAIN ANALYZE',
      body: 'SELECT * FROM territories',
    });
    expect(await verdict('EXPLAIN DROP TABLE territories')).toMatchObject({
      ok: false,
      reason: 'not_read',
      word: 'DROP',
    });
  });

  it.each([
    ['DROP TABLE territories', 'not_read'],
    ['INSERT INTO territories VALUES (1, 2)', 'not_read'],
    ["ATTACH 'x.db' AS x", 'not_read'],
    ["COPY territories TO 'x.csv'", 'not_read'],
    ["EXPORT DATABASE 'x'", 'not_read'],
    ['INSTALL httpfs', 'not_read'],
    ['LOAD httpfs', 'not_read'],
    ['CALL pragma_version()', 'not_read'],
    ['PRAGMA version', 'not_read'],
    ['SET enable_external_access = true', 'not_read'],
    ['SELECT 1; DROP TABLE territories', 'multiple'],
    ['SELECT 1; SELECT 2', 'multiple'],
    ['', 'empty'],
    ['  -- only a comment', 'empty'],
    [';', 'empty'],
  ])('refuses %s (%s)', async (sql, reason) => {
    expect(await verdict(sql)).toMatchObject({ ok: false, reason });
  });

  // the bypasses reported in issue 15: a string that ends where a hand-written scan did not think it ends
  it.each([
    "SELECT E'\\''; CREATE TABLE t AS SELECT 42 AS x; -- '",
    "SELECT E'\\''; INSERT INTO territories VALUES (9, 9); -- '",
    "SELECT E'\\''; DROP TABLE indicators; -- '",
    "SELECT E'\\''; ATTACH ':memory:' AS y; -- '",
    'SELECT $a$x$a$; DROP TABLE territories; -- $a$',
    'SELECT "a""; DROP TABLE territories; --"',
    'SELECT 1) AS a; DROP TABLE territories; SELECT * FROM (SELECT 1',
    'SELECT 1\n) AS q; DROP TABLE territories; SELECT (1',
  ])('refuses the bypass %s, and the tables are untouched', async (sql) => {
    const v = await verdict(sql);
    expect(v.ok).toBe(false);
    expect(db.query('SELECT count(*)::INT AS n FROM territories')).toEqual([{ n: 1 }]);
    expect(
      db.query("SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_name IN ('t', 'indicators')"),
    ).toEqual([{ n: 1 }]);
  });

  it('wraps a body so that a trailing -- comment cannot swallow the closing parenthesis', () => {
    expect(wrapSelect('SELECT 1 -- x')).toBe('SELECT * FROM (\nSELECT 1 -- x\n) AS q');
  });

  it('shape never throws and never accepts text whose first token is not a read keyword (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (s) => {
        const toks = await db.port.tokenize(s);
        const v = shape(s, toks);
        if (v.ok)
          expect(
            /^\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*(select|with|from|values|table|describe|desc|summarize|show|explain|\()/i.test(
              s,
            ),
          ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the lockdown of the browser engine', () => {
  it('reads a registered file but no URL, and its settings cannot be changed back', () => {
    expect(db.query("SELECT count(*)::INT AS n FROM read_csv('import_x.csv')")).toEqual([{ n: 1 }]);
    expect(() => db.query("SELECT * FROM read_text('http://127.0.0.1:9/x')")).toThrow(/disabled by configuration/);
    expect(() => db.exec('SET enable_external_access = true')).toThrow(/locked/);
    expect(() => db.exec('LOAD httpfs')).toThrow(/disabled/);
    expect(() => db.exec("COPY territories TO 'out.csv'")).toThrow(/disabled by configuration/);
  });
});
