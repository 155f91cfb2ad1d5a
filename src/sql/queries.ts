/**
 * The SQL the console builds around a statement DuckDB has judged a single read (statement.ts). The body
 * is always inside a subquery of our own SELECT; values and names go through ident().
 */
import { ident } from '../db/sql';
import { castToText, type ResultColumn } from './cells';

/** The tables of an instance's main schema (to copy, and to list beside the editor). */
export const listColumns =
  "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position";

/** Every row of one table (to copy it into the console's own instance). */
export const tableRows = (table: string): string => `SELECT * FROM ${ident(table)}`;

/** An empty table with the same columns (Arrow cannot carry a table without rows). */
export const createEmpty = (table: string, cols: readonly ResultColumn[]): string =>
  `CREATE TABLE ${ident(table)} (${cols.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`;

/** The result's columns and DuckDB types, without running the statement. */
export const describeBody = (body: string): string => `DESCRIBE SELECT * FROM (\n${body}\n) AS q`;

/**
 * At most `limit` rows of the statement, each column renamed by position (names may repeat) and cast to
 * VARCHAR by DuckDB where JavaScript would not hold the value exactly.
 */
export function cappedRows(body: string, cols: readonly ResultColumn[], limit: number): string {
  const names = cols.map((_, i) => ident(`c${i}`));
  const select = cols.map((c, i) => (castToText(c.type) ? `CAST(${names[i]} AS VARCHAR) AS ${names[i]}` : names[i]));
  return `SELECT ${select.join(', ')} FROM (\n${body}\n) AS q(${names.join(', ')}) LIMIT ${Math.max(0, Math.floor(limit))}`;
}

/** How many rows the statement gives in all. */
export const countRows = (body: string): string => `SELECT count(*) AS n FROM (\n${body}\n) AS q`;
