import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkReadonly } from '../../src/sql/readonly';

describe('checkReadonly', () => {
  it.each([
    'SELECT * FROM territories LIMIT 5',
    'select name from territories where name = \'drop table x\'',
    'WITH a AS (SELECT 1 AS x) SELECT * FROM a;',
    'DESCRIBE territories',
    'SHOW TABLES',
    "PRAGMA table_info('indicators')",
    'EXPLAIN SELECT 1',
    'SELECT "delete", "update" FROM (SELECT 1 AS "delete", 2 AS "update")',
    '-- a comment with DROP\nSELECT 1',
    'SUMMARIZE indicators',
    'FROM territories LIMIT 3',
    'SELECT * FROM information_schema.columns'
  ])('accepts %s', (sql) => {
    expect(checkReadonly(sql).ok).toBe(true);
  });

  it.each([
    ['DROP TABLE territories', 'not_read'],
    ['INSERT INTO territories VALUES (1)', 'not_read'],
    ['SELECT 1; DROP TABLE territories', 'multiple'],
    ['SELECT 1; SELECT 2', 'multiple'],
    ["ATTACH 'x.db' AS x", 'not_read'],
    ["COPY territories TO 'x.csv'", 'not_read'],
    ['WITH x AS (DELETE FROM territories RETURNING *) SELECT * FROM x', 'write'],
    ['SELECT 1 /* unterminated', 'unterminated'],
    ["SELECT 'unterminated", 'unterminated'],
    ['PRAGMA enable_profiling', 'pragma'],
    ["SELECT * FROM read_csv('https://example.com/x.csv')", 'url'],
    ['SET threads = 1', 'not_read'],
    ['INSTALL httpfs', 'not_read'],
    ['LOAD httpfs', 'not_read'],
    ['', 'empty'],
    [' ; ', 'empty'],
    ['EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1', 'write']
  ])('refuses %s (%s)', (sql, reason) => {
    const v = checkReadonly(sql);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toBe(reason);
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      const v = checkReadonly(s);
      expect(typeof v.ok).toBe('boolean');
    }), { numRuns: 1000 });
  });
});
