import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withUserEvents } from '../events/sqlite-events.ts';
import { UserEventBus } from '../events/user-events.ts';
import { migrationProvider } from './migrations/index.ts';
import { runDirectlyInTransactions } from './run-compiled.ts';
import type { Database } from './schema.ts';
import { BACKSTOP_PAGES, startCheckpointer } from './sqlite-checkpointer.ts';
import { withGroupCommit } from './sqlite-group-commit.ts';
import { withStatementCache } from './sqlite-statements.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where it points, without credentials (for logs). */
  readonly description: string;
  /**
   * This process's user events (the `/events` streams): SQLite feeds it after each commit; on
   * PostgreSQL, boot listens on the events channel (events/pg-listener.ts) and feeds it.
   */
  readonly events: UserEventBus;
  /**
   * SQLite: `PRAGMA data_version`, which changes when another connection (another process) has
   * committed, read in the current transaction's snapshot, and the number of failed group commits
   * (sqlite-group-commit.ts), after which what was read may never have been committed — with
   * `db/counters.ts` it lets a step skip reading the change counters. Null on PostgreSQL, where every
   * step reads them.
   */
  readonly changeStamp: (() => string) | null;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/baton.db';

// bigint columns hold epoch milliseconds: safe as JS numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens `sqlite:PATH` (the embedded default; WAL, synchronous=NORMAL) or `postgres://…`.
 * SQLite NORMAL in WAL mode: a commit survives a crash of the process (SIGKILL); after a power loss
 * the transactions since the last checkpoint (~0.1 s, sqlite-checkpointer.ts) may roll back, the
 * database stays consistent. The transactions of one event-loop turn share a COMMIT
 * (sqlite-group-commit.ts); none answers before it.
 */
export function openDatabase(url: string = DEFAULT_DATABASE_URL): Db {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BATON_DB_POOL ?? 10) });
    // An idle connection the server drops (a restart, an administrator's terminate) must not crash the
    // process: the pool discards it and the next query opens a fresh one.
    pool.on('error', () => undefined);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const parsed = new URL(url);
    return {
      kysely,
      dialect: 'postgres',
      events: new UserEventBus(),
      description: `postgres://${parsed.host}${parsed.pathname}`,
      changeStamp: null,
      close: () => kysely.destroy(),
    };
  }
  if (!url.startsWith('sqlite:'))
    throw new Error(`database URL must start with sqlite: or postgres:// (got "${url}")`);
  const path = url.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new BetterSqlite3(path === ':memory:' ? ':memory:' : resolve(path));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Savepoint journals in memory: a group commit's transactions each run in a savepoint, and their
  // journal spilled to a temporary file (created, written, unlinked) once it passed 64 KiB — a quarter of
  // SQLite's time in an engine step. Only rollbacks read it; durability is the WAL's alone.
  sqlite.pragma('temp_store = MEMORY');
  const stopCheckpointer = path === ':memory:' ? null : startCheckpointer(resolve(path));
  if (stopCheckpointer) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const events = new UserEventBus();
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  const statements = withStatementCache(sqlite);
  const group = withGroupCommit(new SqliteDialect({ database: statements }), sqlite);
  const kysely = new Kysely<Database>({ dialect: withUserEvents(group.dialect, events) });
  runDirectlyInTransactions(kysely, group.inTransaction(statements));
  const close = async () => {
    await stopCheckpointer?.();
    await kysely.destroy();
  };
  return {
    kysely,
    dialect: 'sqlite',
    description: `sqlite:${path}`,
    events,
    changeStamp: () => `${dataVersion.get()}:${group.failures()}`,
    close,
  };
}

/** Brings the schema up to date; safe to run from several processes (PostgreSQL locks the migration table). */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
