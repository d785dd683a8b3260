import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared } from '../../src/db/prepared.ts';
import { DIALECTS } from '../support/databases.ts';
import { openTestRuntime, type TestRuntime } from '../support/runtime.ts';

describe.each(DIALECTS)('prepared statements on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(dialect);
    await t.db.kysely
      .insertInto('settings')
      .values([
        { key: 'p.one', value: 'a' },
        { key: 'p.two', value: 'b' },
      ])
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  // Values out of order, one of them used twice, and a constant among them.
  const lookup = prepared((db, value: string, key: string) =>
    db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where((eb) => eb.or([eb('key', '=', key), eb('value', '=', key)]))
      .where('value', '=', value)
      .where('key', '!=', 'p.never'),
  );

  it('binds each call’s values where the builder put them, on a statement compiled once', async () => {
    expect((await lookup(t.db.kysely, 'a', 'p.one')).rows).toEqual([{ key: 'p.one', value: 'a' }]);
    expect((await lookup(t.db.kysely, 'b', 'p.two')).rows).toEqual([{ key: 'p.two', value: 'b' }]);
    expect((await lookup(t.db.kysely, 'a', 'p.two')).rows).toEqual([]);
    // Inside a transaction too.
    const rows = await t.db.kysely
      .transaction()
      .execute(async (trx) => (await lookup(trx, 'b', 'p.two')).rows);
    expect(rows).toEqual([{ key: 'p.two', value: 'b' }]);
  });

  it('refuses a builder that leaves a value unbound', async () => {
    const careless = prepared((db, _unused: string) => db.selectFrom('settings').select('key'));
    await expect(careless(t.db.kysely, 'x')).rejects.toThrow(/every value must be bound/);
  });
});
