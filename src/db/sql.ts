/**
 * SQL helpers shared by the browser (DuckDB-WASM) and Node (@duckdb/node-api).
 * Every value or identifier that reaches SQL goes through one of these.
 */

/** A SQL string literal. */
export function lit(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Not a finite number for SQL: ${v}`);
    return String(v);
  }
  return `'${v.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier (table or column name), safe for any text a user or file gives. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Anything that can run SQL and give back plain row objects. */
export interface SqlRunner {
  all(sql: string): Promise<Record<string, unknown>[]>;
}

/** A failed query keeps the SQL and the name of the query that failed. */
export class QueryError extends Error {
  constructor(
    public readonly queryName: string,
    public readonly sql: string,
    cause: unknown,
  ) {
    super(`Query "${queryName}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export interface NamedQuery<P, R> {
  name: string;
  sql(params: P): string;
  map(rows: Record<string, unknown>[]): R;
}

export async function runQuery<P, R>(db: SqlRunner, q: NamedQuery<P, R>, params: P): Promise<R> {
  const sql = q.sql(params);
  let rows: Record<string, unknown>[];
  try {
    rows = await db.all(sql);
  } catch (e) {
    throw new QueryError(q.name, sql, e);
  }
  return q.map(rows);
}

export const num = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Settings applied on every connection (browser and Node): never download extensions at run time. */
export const SAFE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET allow_community_extensions = false',
];

/**
 * The browser's DuckDB-WASM, on top of SAFE_SETTINGS: no file system and no network at all (no URL, no
 * HTTP file system, no ATTACH or COPY), only the files named in `allowedPaths` (texts registered in the
 * page), and the configuration locked so that no later statement can undo any of it.
 */
export function lockdownSettings(allowedPaths: readonly string[] = []): string[] {
  return [
    ...SAFE_SETTINGS,
    ...(allowedPaths.length ? [`SET allowed_paths = [${allowedPaths.map((p) => lit(p)).join(', ')}]`] : []),
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ];
}
