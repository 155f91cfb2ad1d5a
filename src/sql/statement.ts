/**
 * Is a console statement a single read? DuckDB decides, not a scan of the text written here:
 * 1. DuckDB's own tokenizer splits the text (so a string literal ends where DuckDB says it ends —
 *    E'\'' included); comments and trailing semicolons are dropped, a leading EXPLAIN [ANALYZE] noted;
 * 2. the rest is wrapped as `SELECT * FROM (<rest>) AS q` and DuckDB's parser must accept that as ONE
 *    prepared statement. A single statement that begins with SELECT is a SELECT whatever follows, and
 *    DuckDB has no writing SELECT; anything else (two statements, DDL, SET, ATTACH, COPY, PRAGMA…) fails
 *    to parse or to prepare and is never executed.
 * The first keyword is read only to word a refusal (CREATE → "only reads"); it never lets anything through.
 * The console also runs in its own DuckDB instance, locked down (src/db/sql.ts lockdownSettings).
 */

/**
 * DuckDB's token types (duckdb-wasm TokenType). Its tokenizer gives each token's start only, and no token
 * for comments: a token's slice runs to the next token and may carry a comment after it.
 */
export const TOKEN = { IDENTIFIER: 0, NUMERIC: 1, STRING: 2, OPERATOR: 3, KEYWORD: 4, COMMENT: 5 } as const;

export interface Tokens {
  offsets: readonly number[];
  types: readonly number[];
}

/** What the judge needs from DuckDB: its tokenizer and its parser (prepare, never execute). */
export interface ParserPort {
  tokenize(sql: string): Promise<Tokens>;
  /** resolves if DuckDB prepares `sql` as a single statement; rejects with DuckDB's message otherwise */
  prepare(sql: string): Promise<void>;
}

export type Verdict =
  | { ok: true; kind: 'select'; body: string }
  | { ok: true; kind: 'explain'; body: string; prefix: 'EXPLAIN' | 'EXPLAIN ANALYZE' }
  | { ok: false; reason: RefusalReason; word?: string; detail?: string };

export type RefusalReason = 'empty' | 'multiple' | 'not_read' | 'invalid';

/** First keywords of the statements the console offers (for the wording of a refusal only). */
const READ_WORDS = new Set([
  'SELECT',
  'WITH',
  'FROM',
  'VALUES',
  'TABLE',
  'DESCRIBE',
  'DESC',
  'SUMMARIZE',
  'SHOW',
  'EXPLAIN',
  '(',
]);

interface Token {
  start: number;
  end: number;
  type: number;
  /** the token's leading word (a keyword or identifier) or its first character (an operator) */
  word: string;
}

/** The tokens with their text, comments left out. */
export function significantTokens(sql: string, t: Tokens): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < t.offsets.length; i++) {
    const start = t.offsets[i];
    const end = i + 1 < t.offsets.length ? t.offsets[i + 1] : sql.length;
    if (t.types[i] === TOKEN.COMMENT) continue;
    const text = sql.slice(start, end);
    out.push({ start, end, type: t.types[i], word: /^[A-Za-z_][A-Za-z0-9_]*/.exec(text)?.[0] ?? text.charAt(0) });
  }
  return out;
}

/** The SELECT that wraps a body: the newline ends a trailing `--` comment of the body. */
export const wrapSelect = (body: string): string => `SELECT * FROM (\n${body}\n) AS q`;

/**
 * The verdict from DuckDB's tokens alone (no parse yet): the body to wrap, or a refusal worded for the user.
 * Exported for tests; `judge` adds DuckDB's parse.
 */
export function shape(sql: string, tokens: Tokens): Verdict {
  const toks = significantTokens(sql, tokens);
  // trailing semicolons (and what follows them, which can only be comments or blanks)
  while (toks.length && toks[toks.length - 1].type === TOKEN.OPERATOR && toks[toks.length - 1].word === ';') toks.pop();
  if (toks.length === 0) return { ok: false, reason: 'empty' };
  const end = toks[toks.length - 1].end;
  if (toks.some((t) => t.type === TOKEN.OPERATOR && t.word === ';')) return { ok: false, reason: 'multiple' };
  const first = toks[0].word.toUpperCase();
  if (!READ_WORDS.has(first)) return { ok: false, reason: 'not_read', word: toks[0].word.slice(0, 24) };
  if (first === 'EXPLAIN') {
    const analyze = toks[1]?.word.toUpperCase() === 'ANALYZE';
    const rest = toks[analyze ? 2 : 1];
    if (!rest) return { ok: false, reason: 'empty' };
    const word = rest.word.toUpperCase();
    if (!READ_WORDS.has(word) || word === 'EXPLAIN')
      return { ok: false, reason: 'not_read', word: rest.word.slice(0, 24) };
    return {
      ok: true,
      kind: 'explain',
      body: sql.slice(rest.start, end),
      prefix: analyze ? 'EXPLAIN ANALYZE' : 'EXPLAIN',
    };
  }
  return { ok: true, kind: 'select', body: sql.slice(toks[0].start, end) };
}

/** DuckDB's verdict on a console statement (see the top of this file). */
export async function judge(sql: string, port: ParserPort): Promise<Verdict> {
  let tokens: Tokens;
  try {
    tokens = await port.tokenize(sql);
  } catch (e) {
    return { ok: false, reason: 'invalid', detail: message(e) };
  }
  const v = shape(sql, tokens);
  if (!v.ok) return v;
  try {
    await port.prepare(wrapSelect(v.body));
    if (v.kind === 'explain') await port.prepare(`${v.prefix} ${v.body}`);
  } catch (e) {
    const detail = message(e);
    if (/multiple statements/i.test(detail)) return { ok: false, reason: 'multiple' };
    return { ok: false, reason: 'invalid', detail };
  }
  return v;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
