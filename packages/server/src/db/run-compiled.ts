import { CompiledQuery, type DialectAdapter, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs a statement on the connection of the transaction now running, synchronously; undefined when
 * none runs. (SQLite: sqlite-group-commit.ts, whose transactions run one at a time.)
 */
export type InTransaction = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown> | undefined;

/** Per database (its dialect adapter, which its transactions share). */
const direct = new WeakMap<DialectAdapter, InTransaction>();

/** Lets `runCompiled` reach `db`'s connection directly inside its transactions. */
export function runDirectlyInTransactions(db: Kysely<Database>, run: InTransaction): void {
  direct.set(db.getExecutor().adapter, run);
}

/**
 * Runs a compiled statement (prepared.ts, insert-rows.ts). Inside a SQLite transaction it goes straight
 * to the connection the transaction holds: Kysely's executor, connection provider and driver cost
 * twice what SQLite takes for an engine step's point statements, and a step runs a dozen.
 */
export function runCompiled<R>(
  db: Kysely<Database>,
  sql: string,
  parameters: readonly unknown[],
): Promise<QueryResult<R>> {
  if (db.isTransaction) {
    const run = direct.get(db.getExecutor().adapter);
    if (run) {
      try {
        const result = run(sql, parameters);
        if (result) return Promise.resolve(result as QueryResult<R>);
      } catch (error) {
        return Promise.reject(error);
      }
    }
  }
  return db.executeQuery(CompiledQuery.raw(sql, [...parameters]) as CompiledQuery<R>);
}
