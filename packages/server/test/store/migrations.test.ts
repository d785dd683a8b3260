import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/db/database.ts';
import { migrationProvider } from '../../src/db/migrations/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { publish, singleTaskProcess } from '../support/processes.ts';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let database: TestDatabase;
  let all: string[];
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    all = Object.keys(await migrationProvider.getMigrations());
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('apply once on a fresh database, then nothing on later runs, keeping the data', async () => {
    const db = openDatabase(database.url);
    try {
      expect(await migrate(db)).toEqual(all);
      await publish(db.kysely, singleTaskProcess);

      expect(await migrate(db)).toEqual([]);
      expect(await migrate(db)).toEqual([]);

      const rows = await db.kysely.selectFrom('definitions').select(['key', 'version']).execute();
      expect(rows).toEqual([{ key: 'single', version: 1 }]);
    } finally {
      await db.close();
    }
  });

  // Kysely locks the migration table on PostgreSQL; SQLite is one server process, its migrations are not
  // meant to race another process.
  if (dialect !== 'postgres') return;

  it('two processes migrating a fresh database at once apply each migration exactly once', async () => {
    const fresh = await createTestDatabase(dialect);
    const first = openDatabase(fresh.url);
    const second = openDatabase(fresh.url);
    try {
      const applied = await Promise.all([migrate(first), migrate(second)]);

      expect(applied.flat().sort()).toEqual([...all].sort());
      const tables = await first.kysely.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'definitions',
          'instances',
          'tasks',
          'jobs',
          'history',
          'message_subscriptions',
        ]),
      );
    } finally {
      await Promise.allSettled([first.close(), second.close()]);
      await fresh.drop();
    }
  });
});
