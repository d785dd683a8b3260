import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withGroupCommit } from '../../src/db/sqlite-group-commit.ts';

interface Db {
  rows: { id: number; parent: number | null };
  parents: { id: number };
}

/**
 * The group commit of the embedded database (db/sqlite-group-commit.ts) on a real SQLite file: what it
 * groups, what each member sees and when it answers, and how failures stay contained. A second
 * connection plays another process reading the file: it sees only what was committed.
 */
describe('group commit on SQLite', () => {
  let dir: string;
  let sqlite: BetterSqlite3.Database;
  let outside: BetterSqlite3.Database;
  let db: Kysely<Db>;
  let failures: () => number;
  let commits: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-group-'));
    const file = join(dir, 'group.db');
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec(`create table parents (id integer primary key);
      create table rows (id integer primary key,
        parent integer references parents(id) deferrable initially deferred)`);
    commits = 0;
    const group = withGroupCommit(new SqliteDialect({ database: sqlite }), countingCommits(sqlite));
    failures = group.failures;
    db = new Kysely<Db>({ dialect: group.dialect });
    outside = new BetterSqlite3(file, { readonly: true });
  });

  afterEach(async () => {
    if (sqlite.open) await db.destroy();
    outside.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Counts the COMMITs the driver runs, through the statement it prepares for them. */
  function countingCommits(database: BetterSqlite3.Database): BetterSqlite3.Database {
    return new Proxy(database, {
      get(target, property) {
        if (property !== 'prepare') {
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return (text: string) => {
          const statement = target.prepare(text);
          if (text !== 'COMMIT') return statement;
          return {
            run: () => {
              commits++;
              return statement.run();
            },
          };
        };
      },
    });
  }

  const insert = (id: number, parent: number | null = null) =>
    db.transaction().execute((trx) => trx.insertInto('rows').values({ id, parent }).execute());
  const committedIds = () =>
    (outside.prepare('select id from rows order by id').all() as { id: number }[]).map((r) => r.id);

  it('commits the transactions of one turn together, and each answers only once they are committed', async () => {
    const seenWhenAnswered: number[][] = [];
    const members = [1, 2, 3, 4, 5].map((id) => insert(id).then(() => seenWhenAnswered.push(committedIds())));
    await Promise.all(members);

    expect(commits).toBe(1);
    expect(seenWhenAnswered).toEqual(Array(5).fill([1, 2, 3, 4, 5]));
  });

  it('takes the write lock only when the turn is done with its callbacks', async () => {
    const otherProcess = new BetterSqlite3(join(dir, 'group.db'));
    otherProcess.pragma('busy_timeout = 0');
    const written = insert(1);
    // An earlier callback of the same turn: the transaction has started but holds no lock yet.
    const wroteMeanwhile = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        try {
          otherProcess.prepare('insert into parents (id) values (7)').run();
          resolve();
        } catch (error) {
          reject(error);
        }
      }),
    );
    await Promise.all([written, wroteMeanwhile]);
    otherProcess.close();

    expect(committedIds()).toEqual([1]);
    expect(outside.prepare('select id from parents').pluck().all()).toEqual([7]);
  });

  it('commits transactions that follow one another one by one', async () => {
    for (const id of [1, 2, 3]) {
      await insert(id);
      expect(committedIds()).toContain(id);
    }
    expect(commits).toBe(3);
  });

  it('rolls back a transaction that fails on its own, and commits the others of its turn', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('rows').values({ id: 2, parent: null }).execute();
      throw new Error('the step was rejected');
    });
    const results = await Promise.allSettled([insert(1), failing, insert(3)]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedIds()).toEqual([1, 3]);
    expect(commits).toBe(1);
    expect(failures()).toBe(0);
  });

  it('rolls back a failing transaction that opened the group without touching those that join after', async () => {
    const opener = db.transaction().execute(async (trx) => {
      await trx.insertInto('rows').values({ id: 1, parent: null }).execute();
      throw new Error('rejected');
    });
    const results = await Promise.allSettled([opener, insert(2)]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(committedIds()).toEqual([2]);
  });

  it('runs a query outside a transaction in the waiting group: it sees the group and answers after its COMMIT', async () => {
    const written = insert(1);
    const counted = db
      .selectFrom('rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => ({ n: Number(row.n), committed: committedIds() }));
    await written;

    expect(await counted).toEqual({ n: 1, committed: [1] });
    expect(commits).toBe(1);
  });

  it('fails every member when the COMMIT fails, keeps none of their work, and counts the failure', async () => {
    // A deferred foreign key is checked at COMMIT: the orphan row makes the group's COMMIT fail.
    const results = await Promise.allSettled([insert(1), insert(2, 99), insert(3)]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(committedIds()).toEqual([]);
    expect(failures()).toBe(1);
    expect(sqlite.inTransaction).toBe(false);

    await insert(4);
    expect(committedIds()).toEqual([4]);
  });

  it('fails what waits in a group that SQLite ended under a transaction, whichever member it was', async () => {
    // A statement error that ends the whole transaction (a full disk, an I/O error) does what this
    // ROLLBACK does: the member goes on and commits, unaware.
    const endedUnder = (id: number) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('rows').values({ id, parent: null }).execute();
        await sql`rollback`.execute(trx);
      });
    const joined = await Promise.allSettled([insert(1), endedUnder(2), insert(3)]);
    // 3 runs after 2 has ended, in a group of its own.
    expect(joined.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(failures()).toBe(1);

    const opened = await Promise.allSettled([endedUnder(4)]);
    expect(opened.map((r) => r.status)).toEqual(['rejected']);
    expect(failures()).toBe(2);
    expect(committedIds()).toEqual([3]);

    await insert(5);
    expect(committedIds()).toEqual([3, 5]);
  });

  it('takes the write lock as the group opens: another connection cannot commit under its reads', async () => {
    const file = join(dir, 'group.db');
    const other = new BetterSqlite3(file, { timeout: 0 });
    try {
      let otherWrite: unknown = null;
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('rows').selectAll().execute();
        try {
          other.prepare('insert into rows (id) values (9)').run();
        } catch (error) {
          otherWrite = error;
        }
        await trx.insertInto('rows').values({ id: 1, parent: null }).execute();
      });

      expect((otherWrite as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
      expect(committedIds()).toEqual([1]);
    } finally {
      other.close();
    }
  });

  it('does not commit a transaction half-way while it waits for I/O across turns', async () => {
    let seenMidway: number[] = [];
    const first = insert(1);
    // Joins the group whose COMMIT is due at the end of this turn, and is still running then.
    const slow = db.transaction().execute(async (trx) => {
      await trx.insertInto('rows').values({ id: 2, parent: null }).execute();
      await new Promise((resolve) => setTimeout(resolve, 20));
      seenMidway = committedIds();
      await trx.insertInto('rows').values({ id: 3, parent: null }).execute();
    });
    await Promise.all([first, slow]);

    expect(seenMidway).toEqual([]);
    expect(committedIds()).toEqual([1, 2, 3]);
    expect(commits).toBe(1);
  });

  it('lets a connection() scope go on after a transaction in it has committed', async () => {
    const count = await db.connection().execute(async (conn) => {
      await conn
        .transaction()
        .execute((trx) => trx.insertInto('rows').values({ id: 1, parent: null }).execute());
      const other = insert(2);
      const { rows } = await sql<{ n: number }>`select count(*) as n from rows`.execute(conn);
      await other;
      return rows[0]?.n;
    });

    expect(count).toBe(2);
    expect(committedIds()).toEqual([1, 2]);
  });

  it('commits what waits when the database is closed', async () => {
    const written = insert(1);
    // Queued before the group's own COMMIT: closes while the transaction waits for it.
    await new Promise<void>((resolve, reject) => setImmediate(() => db.destroy().then(resolve, reject)));
    await written;

    expect(sqlite.open).toBe(false);
    expect(committedIds()).toEqual([1]);
  });
});
