import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every query it runs, and better-sqlite3 parses and plans on every `prepare`: for the
 * short statements of an engine step that costs as much as running them. Statements are kept by SQL
 * text (least recently used out first); one an open iterator still holds is not shared, a fresh one is
 * prepared instead. SQLite re-prepares a kept statement by itself after a schema change.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, limit = 256): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept?.busy) return sqlite.prepare(sql);
      if (kept) {
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
      return statement;
    },
  };
}
