import type { ConfiguredWorkCalendar, StepContext } from '@baton/engine';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpCalendarVersion } from '../../src/calendar/store.ts';
import type { Database } from '../../src/db/schema.ts';
import type { Runtime } from '../../src/runtime/context.ts';
import { stepContext } from '../../src/runtime/step-context.ts';
import { DIALECTS } from '../support/databases.ts';
import { openTestRuntime, type TestRuntime } from '../support/runtime.ts';

/**
 * What a step sees of the working calendar (as of the organisation) after changes here, in another
 * process and in a transaction that rolled back — on SQLite the change counters are cached between
 * steps, so these are the cases the cache must get right.
 */
describe.each(DIALECTS)('the step context on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const offsetIn = (ctx: StepContext) => (ctx.calendar as ConfiguredWorkCalendar).utcOffsetMinutes;
  const offsetSeen = async () => offsetIn(await stepContext(t.rt, t.db.kysely));
  /** What the calendar page saves: the settings row and the counter, in the caller's transaction. */
  const writeOffset = async (trx: Kysely<Database>, offset: number) => {
    const value = JSON.stringify({
      workdays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
      utcOffsetMinutes: offset,
    });
    await trx.updateTable('settings').set({ value }).where('key', '=', 'calendar').execute();
    await bumpCalendarVersion(trx);
  };
  const setOffset = (rt: Runtime, offset: number) =>
    rt.db.kysely.transaction().execute((trx) => writeOffset(trx, offset));

  it('follows a change made here, then one made by another process', async () => {
    await offsetSeen();
    await setOffset(t.rt, 240);
    expect(await offsetSeen()).toBe(240);
    expect(await offsetSeen()).toBe(240);

    const other = await t.openSecond();
    await setOffset(other, 300);
    expect(await offsetSeen()).toBe(300);
  });

  it('forgets what a transaction that rolled back saw of its own change', async () => {
    const before = await offsetSeen();
    const failed = t.rt.db.kysely.transaction().execute(async (trx) => {
      await writeOffset(trx, 60);
      expect(offsetIn(await stepContext(t.rt, trx))).toBe(60);
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');

    expect(await offsetSeen()).toBe(before);
    await setOffset(t.rt, 120);
    expect(await offsetSeen()).toBe(120);
  });
});
