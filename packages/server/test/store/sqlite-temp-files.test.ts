import { readdirSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrate, openDatabase } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

/** Files this process holds open that SQLite created as temporary (unlinked at once, named etilqs_…). */
const openTempFiles = () =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.includes('etilqs_') ? [target] : [];
    } catch {
      return [];
    }
  });

describe('SQLite temporary data', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    db = openDatabase(database.url);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('a joined transaction’s savepoint journal stays in memory, however large', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ key: `temp.${i}`, value: 'x'.repeat(200) }));
    let seen: string[] = ['not checked'];
    // One turn of the event loop: the second transaction joins the first's group in a savepoint, and
    // rewrites pages the first dirtied — their earlier images go to the savepoint's journal (> 400 KiB).
    await Promise.all([
      db.kysely.transaction().execute((trx) => trx.insertInto('settings').values(rows).execute()),
      db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('settings')
          .set({ value: 'y'.repeat(200) })
          .where('key', 'like', 'temp.%')
          .execute();
        seen = openTempFiles();
      }),
    ]);

    expect(seen).toEqual([]);
    const updated = await db.kysely
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'temp.1999')
      .execute();
    expect(updated).toEqual([{ value: 'y'.repeat(200) }]);
  });
});
