import { setImmediate } from 'node:timers';
import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, SqliteDatabase } from 'kysely';
import type { InTransaction } from './run-compiled.ts';

/**
 * Group commit for the embedded SQLite: the transactions started in one turn of the event loop run
 * back to back once the turn's I/O callbacks are done, and share one COMMIT, made as soon as the last
 * of them has finished. The first transaction opens the group (BEGIN IMMEDIATE); each later one runs in
 * a savepoint of it and rolls back alone; a query outside a transaction runs in the group too. None of
 * them answers before the group's COMMIT has returned — nothing is acknowledged, or read by anyone,
 * before it is durable — and if that COMMIT fails, all of them fail. A COMMIT is a third of an engine
 * step and writes each page the group touched once, so under concurrent requests it is paid once per
 * turn instead of once per request; a lone transaction commits at the end of its turn.
 *
 * Why the group waits for the turn's end instead of opening at its first transaction: requests are
 * read and parsed first, then their steps run one after another, and the write lock is held only
 * while they run. At 64 HTTP clients that ran 25–30 % more approval completions a second than steps
 * interleaved with the parsing of the turn's other requests (BENCHMARKS.md, "Fourteenth session").
 *
 * `failures` counts the groups that failed: what was read in one may never have been committed, so
 * caches filled in it key on this count too (step-context.ts).
 */
export function withGroupCommit(
  dialect: Dialect,
  sqlite: BetterSqlite3.Database,
): {
  dialect: Dialect;
  failures: () => number;
  inTransaction: (statements: SqliteDatabase) => InTransaction;
} {
  const failures = { count: 0 };
  let driver: GroupCommitDriver | undefined;
  return {
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createIntrospector: (db) => dialect.createIntrospector(db),
      createQueryCompiler: () => dialect.createQueryCompiler(),
      createDriver: () => {
        driver = new GroupCommitDriver(dialect.createDriver(), sqlite, failures);
        return driver;
      },
    },
    failures: () => failures.count,
    // Transactions run one at a time: while one is active, the connection is the one it holds.
    inTransaction: (statements) => (sql, parameters) =>
      driver?.active ? execute(statements, sql, parameters) : undefined,
  };
}

/** What Kysely's SQLite connection does with a compiled statement, without its promise. */
function execute(
  statements: SqliteDatabase,
  sql: string,
  parameters: readonly unknown[],
): QueryResult<unknown> {
  const statement = statements.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}

/** The savepoint a transaction that joins an open group runs in, so that it can roll back alone. */
const JOINED = 'baton_joined';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * One hold of the single connection. It lets go of the connection while it waits for the group's
 * COMMIT (so the turn's other work can join) and takes it again if its holder has more to run.
 */
class Lease implements DatabaseConnection {
  /** Between the begin and the end of a transaction. */
  member = false;
  #held = true;

  constructor(
    private connection: DatabaseConnection,
    private readonly group: GroupCommitDriver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.#held) await this.hold();
    if (this.member || !this.group.open) return this.connection.executeQuery(query);
    const result = await this.group.runInGroup(() => this.connection.executeQuery<R>(query));
    await this.waitForCommit();
    return result;
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    await this.hold();
    // A stream holds the connection while its reader goes on: commit first rather than keep the group.
    if (!this.member) this.group.commitWaiting();
    yield* this.connection.streamQuery<R>(query, chunkSize);
  }

  async hold(): Promise<void> {
    if (this.#held) return;
    this.connection = await this.group.acquireInner();
    this.#held = true;
  }

  async waitForCommit(): Promise<void> {
    const committed = this.group.enlist();
    await this.release();
    await committed;
  }

  async release(): Promise<void> {
    if (!this.#held) return;
    this.#held = false;
    await this.group.releaseInner(this.connection);
  }
}

/**
 * The statements that open, join, leave and end a group, prepared once. The group takes the write lock
 * as it opens (IMMEDIATE): a deferred BEGIN would read first, and a commit by another connection before
 * the group's first write would then fail that write at once (SQLITE_BUSY_SNAPSHOT) — with the lock
 * taken up front, another writer waits (busy_timeout) instead.
 */
function transactionControl(sqlite: BetterSqlite3.Database) {
  return {
    begin: sqlite.prepare('BEGIN IMMEDIATE'),
    commit: sqlite.prepare('COMMIT'),
    rollback: sqlite.prepare('ROLLBACK'),
    join: sqlite.prepare(`SAVEPOINT ${JOINED}`),
    leave: sqlite.prepare(`RELEASE ${JOINED}`),
    undo: sqlite.prepare(`ROLLBACK TO ${JOINED}`),
  };
}

class GroupCommitDriver implements Driver {
  readonly #inner: Driver;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #sql: ReturnType<typeof transactionControl>;
  /** Work in the open group, waiting for its COMMIT. */
  #waiting: Waiter[] = [];
  /** A transaction is between its begin and its end (it holds the connection). */
  #active = false;
  /** The active transaction opened the group (no savepoint: its rollback is the group's). */
  #opened = false;
  #scheduled = false;
  /** Holds waiting for the connection: while there are any, the open group is not complete. */
  #queued = 0;
  readonly #failures: { count: number };

  constructor(inner: Driver, sqlite: BetterSqlite3.Database, failures: { count: number }) {
    this.#inner = inner;
    this.#failures = failures;
    this.#sqlite = sqlite;
    this.#sql = transactionControl(sqlite);
  }

  /** A transaction is running (between its begin and its end). */
  get active(): boolean {
    return this.#active;
  }

  /** A group is open and waits for its COMMIT. */
  get open(): boolean {
    return this.#sqlite.inTransaction;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Lease(await this.acquireInner(), this);
  }

  acquireInner(): Promise<DatabaseConnection> {
    this.#queued++;
    const acquired = this.#inner.acquireConnection();
    // Registered before the caller's await: the count drops before the holder runs.
    acquired.then(this.#dequeue, this.#dequeue);
    return acquired;
  }

  readonly #dequeue = () => {
    this.#queued--;
  };

  releaseInner(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    await lease.hold();
    this.#opened = !this.#sqlite.inTransaction;
    if (this.#opened) await this.#openGroup();
    else this.#sql.join.run();
    lease.member = true;
    this.#active = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.#opened) this.#sql.leave.run();
    this.#active = false;
    lease.member = false;
    await lease.waitForCommit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // Its work already left for the group, whose COMMIT failed and rolled it back.
    if (!lease.member) return;
    this.#active = false;
    lease.member = false;
    if (!this.#sqlite.inTransaction) this.#failWaiting();
    else if (this.#opened) this.#rollbackGroup();
    else {
      try {
        this.#sql.undo.run();
        this.#sql.leave.run();
      } finally {
        this.#schedule();
      }
    }
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) =>
    this.#inner.savepoint?.(connection, name, compile) ?? Promise.resolve();

  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.#inner.rollbackToSavepoint?.(connection, name, compile) ?? Promise.resolve();

  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.#inner.releaseSavepoint?.(connection, name, compile) ?? Promise.resolve();

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return (connection as Lease).release();
  }

  /** Closes after the work already waiting for the connection has run and committed. */
  async destroy(): Promise<void> {
    const last = await this.#inner.acquireConnection();
    if (this.#sqlite.open) this.commitWaiting();
    await this.#inner.releaseConnection(last);
    await this.#inner.destroy();
  }

  /** Runs a query outside a transaction in the open group; an error that ends the transaction fails it. */
  async runInGroup<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      if (!this.#sqlite.inTransaction) this.#failWaiting();
      throw error;
    }
  }

  /** Resolves when the open group has committed (rejects if it fails); schedules its COMMIT. */
  enlist(): Promise<void> {
    const committed = new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
    if (this.#queued === 0) this.commitWaiting();
    else this.#schedule();
    return committed;
  }

  /** Commits the open group unless a transaction is still running in it; settles what waits for it. */
  commitWaiting(): void {
    if (this.#active) return;
    if (!this.#sqlite.inTransaction) {
      this.#failWaiting();
      return;
    }
    const waiting = this.#waiting;
    this.#waiting = [];
    try {
      this.#sql.commit.run();
    } catch (error) {
      this.#rollbackGroup();
      if (waiting.length > 0) this.#failures.count++;
      for (const w of waiting) w.reject(error);
      return;
    }
    for (const w of waiting) w.resolve();
  }

  /** Ends the open group without its work. A ROLLBACK that fails leaves nothing more to undo. */
  #rollbackGroup(): void {
    if (!this.#sqlite.inTransaction) return;
    try {
      this.#sql.rollback.run();
    } catch {
      // SQLite ends the transaction whether or not ROLLBACK reports an error.
    }
  }

  /**
   * Opens the group once this turn's I/O callbacks are done: the work they start queues behind this
   * transaction and joins the group as it runs.
   */
  async #openGroup(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.#sql.begin.run();
  }

  /** Commits after this turn's I/O callbacks, whose work joins the group. */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#sqlite.open) this.commitWaiting();
    });
  }

  /**
   * SQLite ends the whole transaction on some errors (a full disk, an I/O error), under whoever ran in
   * it: the work waiting in the group is gone.
   */
  #failWaiting(): void {
    const waiting = this.#waiting;
    if (waiting.length === 0) return;
    this.#waiting = [];
    this.#failures.count++;
    const error = new Error('SQLite rolled back the transaction this work was to commit with');
    for (const w of waiting) w.reject(error);
  }
}
