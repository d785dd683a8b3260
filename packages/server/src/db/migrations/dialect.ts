import { type Kysely, SqliteAdapter } from 'kysely';

/** Whether a migration runs on SQLite (where a few column types and index forms differ). */
export const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;
