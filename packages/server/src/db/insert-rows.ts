import { type DialectAdapter, type Insertable, type Kysely, sql } from 'kysely';
import { runCompiled } from './run-compiled.ts';
import type { Database } from './schema.ts';

/** Rows per statement: under SQLite's and PostgreSQL's bound-parameter limits for every table here. */
const CHUNK = 500;

export interface InsertRowsOptions<T extends keyof Database> {
  /** `on conflict [(columns)] do nothing`: a row whose key is already there is left as it is. */
  ignoreConflicts?: true | readonly (keyof Database[T] & string)[];
}

/**
 * Inserts rows with one statement per chunk of up to 500, all rows with the same columns.
 *
 * Kysely's `insertInto(…).values(rows)` builds and compiles a query tree per row and column — for a
 * step's 25 history rows that cost more CPU than SQLite took to store them. Here Kysely compiles the
 * statement once per dialect, table, columns and row count, and each call only flattens the values
 * in column order.
 *
 * @example
 * await insertRows(trx, 'task_assignees', [{ task_id: id, assignee: 'ann' }], { ignoreConflicts: true });
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: InsertRowsOptions<T> = {},
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const style = dialectStyle(db);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      const values = row as Record<string, unknown>;
      for (const column of columns) parameters.push(values[column] ?? null);
    }
    const text = statement(db, style, table, columns, chunk.length, options.ignoreConflicts);
    await runCompiled(db, text, parameters);
  }
}

/** Compiled statement texts; bounded, since a key's row count varies from 1 to 500. */
const statements = new Map<string, string>();
const KEPT = 1000;

function statement(
  db: Kysely<Database>,
  style: string,
  table: keyof Database & string,
  columns: string[],
  count: number,
  ignoreConflicts: true | readonly string[] | undefined,
): string {
  const conflict =
    ignoreConflicts === undefined ? '' : ignoreConflicts === true ? '*' : ignoreConflicts.join();
  const key = `${style}|${table}|${columns.join()}|${count}|${conflict}`;
  let text = statements.get(key);
  if (text === undefined) {
    // Placeholder values: only the statement's text is kept, never these parameters.
    const row = Object.fromEntries(columns.map((c) => [c, 0]));
    let query = db.insertInto(table).values(Array.from({ length: count }, () => row) as never);
    if (ignoreConflicts === true) query = query.onConflict((oc) => oc.doNothing());
    else if (ignoreConflicts !== undefined)
      query = query.onConflict((oc) => oc.columns(ignoreConflicts as never).doNothing());
    const compiled = query.compile();
    if (compiled.parameters.length !== count * columns.length)
      throw new Error(`insertRows(${table}): expected one parameter per value`);
    text = compiled.sql;
    if (statements.size >= KEPT) statements.delete(statements.keys().next().value as string);
    statements.set(key, text);
  }
  return text;
}

/**
 * The two ways an INSERT's text differs between Kysely's dialects: identifier quotes and parameter
 * placeholders, e.g. `"t" ?` (SQLite) or `"t" $1` (PostgreSQL). It keys the statement cache, so
 * databases of different dialects in one process never share a statement.
 */
function dialectStyle(db: Kysely<Database>): string {
  const adapter = db.getExecutor().adapter;
  let style = styles.get(adapter);
  if (style === undefined) {
    style = sql`${sql.ref('t')} ${0}`.compile(db).sql;
    styles.set(adapter, style);
  }
  return style;
}

/** Per database (its dialect adapter, shared by its transactions). */
const styles = new WeakMap<DialectAdapter, string>();
