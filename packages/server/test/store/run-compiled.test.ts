import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCompiled } from '../../src/db/run-compiled.ts';
import { DIALECTS } from '../support/databases.ts';
import { openTestRuntime, type TestRuntime } from '../support/runtime.ts';

describe.each(DIALECTS)('compiled statements on %s', (dialect) => {
  let t: TestRuntime;
  const [a, b] = dialect === 'postgres' ? ['$1', '$2'] : ['?', '?'];
  const insert = () => `insert into settings (key, value) values (${a}, ${b})`;
  const select = () => `select value from settings where key = ${a}`;
  const stored = async (key: string) =>
    (await t.db.kysely.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())
      ?.value;

  beforeAll(async () => {
    t = await openTestRuntime(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answer as Kysely does, inside a transaction and outside', async () => {
    const outside = await runCompiled(t.db.kysely, insert(), ['rc.outside', 'o']);
    const inside = await t.db.kysely.transaction().execute(async (trx) => ({
      write: await runCompiled(trx, insert(), ['rc.inside', 'i']),
      read: await runCompiled(trx, select(), ['rc.inside']),
      viaKysely: await trx.executeQuery(CompiledQuery.raw(select(), ['rc.inside'])),
    }));

    expect(outside.numAffectedRows).toBe(1n);
    expect(inside.write.numAffectedRows).toBe(1n);
    expect(inside.read.rows).toEqual([{ value: 'i' }]);
    expect(inside.read.rows).toEqual(inside.viaKysely.rows);
    expect(await stored('rc.outside')).toBe('o');
    expect(await stored('rc.inside')).toBe('i');
  });

  it('write in the transaction: undone with it when it fails, as a joined transaction alone', async () => {
    const kept = t.db.kysely.transaction().execute((trx) => runCompiled(trx, insert(), ['rc.kept', 'k']));
    const failed = t.db.kysely.transaction().execute(async (trx) => {
      await runCompiled(trx, insert(), ['rc.undone', 'u']);
      throw new Error('changed my mind');
    });

    await expect(failed).rejects.toThrow('changed my mind');
    await kept;
    expect(await stored('rc.undone')).toBeUndefined();
    expect(await stored('rc.kept')).toBe('k');
  });

  it('a statement that fails rejects, and its transaction rolls back', async () => {
    const duplicate = t.db.kysely.transaction().execute(async (trx) => {
      await runCompiled(trx, insert(), ['rc.twice', '1']);
      await runCompiled(trx, insert(), ['rc.twice', '2']);
    });

    await expect(duplicate).rejects.toThrow(/unique|duplicate/i);
    expect(await stored('rc.twice')).toBeUndefined();
  });

  if (dialect !== 'sqlite') return;

  it('on SQLite run on the transaction’s connection without Kysely’s executor', async () => {
    await t.db.kysely.transaction().execute(async (trx) => {
      const viaExecutor = vi.spyOn(trx, 'executeQuery');
      await runCompiled(trx, insert(), ['rc.direct', 'd']);
      expect(viaExecutor).not.toHaveBeenCalled();
    });
    expect(await stored('rc.direct')).toBe('d');
  });
});
