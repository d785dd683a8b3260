import type { Compilable, DialectAdapter, Kysely, QueryResult } from 'kysely';
import { runCompiled } from './run-compiled.ts';
import type { Database } from './schema.ts';

/** Stands in for the n-th value while the statement is compiled; never reaches the database. */
const marker = (n: number) => `\u0000baton-value-${n}\u0000`;

/**
 * A statement of the engine's hot path whose text Kysely builds and compiles once per dialect, not on
 * every call: `build` is called with markers in place of its values, and each call binds the real
 * values where the markers ended up (constants written in `build` stay as they are). Building and
 * compiling costs about as much as SQLite takes to run a point query, and a step runs several.
 *
 * @example
 * const instanceById = prepared((db, id: string) => db.selectFrom('instances').selectAll().where('id', '=', id));
 * const { rows: [row] } = await instanceById(trx, instanceId);
 */
export function prepared<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...values: A) => Compilable<R>,
): (db: Kysely<Database>, ...values: A) => Promise<QueryResult<R>> {
  // Per database (its dialect adapter, which its transactions share): the text differs by dialect.
  const texts = new WeakMap<DialectAdapter, { sql: string; slots: (number | { constant: unknown })[] }>();
  return async (db, ...values) => {
    const adapter = db.getExecutor().adapter;
    let text = texts.get(adapter);
    if (text === undefined) {
      const markers = values.map((_, i) => marker(i)) as A;
      const compiled = build(db, ...markers).compile();
      const slots = compiled.parameters.map((p) => {
        const n = markers.indexOf(p);
        return n >= 0 ? n : { constant: p };
      });
      if (markers.some((m) => !compiled.parameters.includes(m)))
        throw new Error('prepared: every value must be bound as a parameter');
      text = { sql: compiled.sql, slots };
      texts.set(adapter, text);
    }
    const parameters = text.slots.map((s) => (typeof s === 'number' ? values[s] : s.constant));
    return runCompiled<R>(db, text.sql, parameters);
  };
}
