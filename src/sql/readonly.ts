/**
 * Is this SQL a single read-only statement? Pure and conservative: comments, string literals and quoted
 * identifiers are blanked out first (so a column called "delete" is fine), then the statement must start
 * with a reading keyword and contain no writing one. DuckDB's configuration is also locked
 * (src/db/duckdb.ts), so this is the first of two fences.
 */

export type ReadonlyVerdict = { ok: true; sql: string } | { ok: false; reason: ReadonlyReason; word?: string };
export type ReadonlyReason = 'empty' | 'multiple' | 'not_read' | 'write' | 'pragma' | 'url' | 'unterminated';

const READ_START = new Set(['SELECT', 'WITH', 'DESCRIBE', 'DESC', 'SHOW', 'EXPLAIN', 'PRAGMA', 'SUMMARIZE', 'FROM', 'VALUES', 'TABLE', '(']);
const WRITE_WORDS = [
  'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'ATTACH', 'DETACH', 'COPY', 'EXPORT', 'IMPORT', 'INSTALL',
  'LOAD', 'SET', 'RESET', 'CALL', 'CHECKPOINT', 'FORCE', 'VACUUM', 'USE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'ABORT',
  'TRUNCATE', 'MERGE', 'UPSERT', 'REPLACE', 'GRANT', 'REVOKE', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'COMMENT', 'ANALYZE'
];
/** PRAGMAs that only read */
const READ_PRAGMAS = new Set(['TABLE_INFO', 'SHOW_TABLES', 'SHOW_TABLES_EXPANDED', 'DATABASE_LIST', 'DATABASE_SIZE', 'STORAGE_INFO', 'SHOW', 'VERSION', 'PLATFORM', 'FUNCTIONS', 'COLLATIONS', 'METADATA_INFO']);
/** functions that reach files or the network; only names registered in the browser could be read, but no URL */
const URL_LITERAL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Blank out comments, strings and quoted identifiers; collect the string literals. */
function strip(sql: string): { code: string; strings: string[]; unterminated: boolean } {
  let out = '';
  const strings: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const n = sql[i + 1];
    if (c === '-' && n === '-') {
      const e = sql.indexOf('\n', i);
      i = e < 0 ? sql.length : e;
      out += ' ';
    } else if (c === '/' && n === '*') {
      const e = sql.indexOf('*/', i + 2);
      if (e < 0) return { code: out, strings, unterminated: true };
      i = e + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= sql.length) return { code: out, strings, unterminated: true };
        if (sql[j] === c) {
          if (sql[j + 1] === c) {
            s += c;
            j += 2;
            continue;
          }
          break;
        }
        s += sql[j++];
      }
      if (c === "'") strings.push(s);
      out += c === "'" ? " '' " : ' "x" ';
      i = j + 1;
    } else if (c === '$' && /[A-Za-z_$]/.test(n ?? '')) {
      // dollar-quoted strings ($$…$$, $tag$…$tag$)
      const m = /^\$([A-Za-z_]*)\$/.exec(sql.slice(i));
      if (!m) {
        out += c;
        i++;
        continue;
      }
      const e = sql.indexOf(m[0], i + m[0].length);
      if (e < 0) return { code: out, strings, unterminated: true };
      strings.push(sql.slice(i + m[0].length, e));
      out += " '' ";
      i = e + m[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return { code: out, strings, unterminated: false };
}

export function checkReadonly(sql: string): ReadonlyVerdict {
  const { code, strings, unterminated } = strip(sql);
  if (unterminated) return { ok: false, reason: 'unterminated' };
  const parts = code.split(';').map((s) => s.trim());
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0) return { ok: false, reason: 'empty' };
  if (parts.length > 1) return { ok: false, reason: 'multiple' };
  const body = parts[0];
  const first = (/^\(|^[A-Za-z_]+/.exec(body)?.[0] ?? '').toUpperCase();
  if (!READ_START.has(first)) return { ok: false, reason: 'not_read', word: first || body.slice(0, 12) };
  const words = body.toUpperCase().match(/[A-Z_][A-Z0-9_]*/g) ?? [];
  for (const w of words) if (WRITE_WORDS.includes(w)) return { ok: false, reason: 'write', word: w };
  if (first === 'PRAGMA') {
    const name = (words[1] ?? '').toUpperCase();
    if (!READ_PRAGMAS.has(name) || /=/.test(body)) return { ok: false, reason: 'pragma', word: name };
  }
  if (strings.some((s) => URL_LITERAL.test(s.trim()))) return { ok: false, reason: 'url' };
  return { ok: true, sql: sql.trim().replace(/;\s*$/, '') };
}
