import { EventRejected } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/instances/apply.ts';
import { startInstance } from '../../src/instances/start.ts';
import { timerHandler } from '../../src/jobs/handlers/timer.ts';
import { claimJobs, finishJob, type Job } from '../../src/jobs/queue.ts';
import { DIALECTS } from '../support/databases.ts';
import { countEvents } from '../support/history.ts';
import { deadlineProcess, messageRaceProcess, publish } from '../support/processes.ts';
import { openTaskId, openTestRuntime, type TestRuntime } from '../support/runtime.ts';

describe.each(DIALECTS)('timers and message subscriptions on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(dialect);
    await publish(t.db.kysely, deadlineProcess);
    await publish(t.db.kysely, messageRaceProcess);
  });
  afterAll(async () => {
    await t?.close();
  });

  const jobsOf = (id: string) =>
    t.db.kysely.selectFrom('jobs').selectAll().where('instance_id', '=', id).orderBy('key').execute();
  const subscriptionsOf = (id: string) =>
    t.db.kysely.selectFrom('message_subscriptions').selectAll().where('instance_id', '=', id).execute();
  const claimTimers = (now: number) =>
    claimJobs(t.db, { workerId: 'w', kinds: ['timer'], limit: 100, lockMs: 30_000, now });

  it("a task's boundary timer is a pending job, cancelled when the task completes", async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'deadline' });
    expect(await jobsOf(id)).toMatchObject([
      { kind: 'timer', status: 'pending', due_at: t.clock.now() + 3_600_000 },
    ]);

    await applyEvent(t.rt, id, { type: 'taskCompleted', taskId: await openTaskId(t.rt, id, 'task') });

    expect(await jobsOf(id)).toMatchObject([{ kind: 'timer', status: 'cancelled' }]);
    expect(await claimTimers(t.clock.now() + 7_200_000)).toEqual([]);
  });

  it('a due timer fires once: its step and the job completion commit together; a second run finds nothing to fire', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'deadline' });
    const due = t.clock.now() + 3_600_000;
    const [job] = (await claimTimers(due)).filter((j) => j.instance_id === id);
    if (!job) throw new Error('the timer was not claimed');
    const run = (j: Job) => timerHandler.run(t.rt, j, (trx) => finishJob(trx ?? t.db.kysely, j, due));

    await run(job);
    // A worker whose lock expired runs the same job again.
    await run(job);

    expect(await countEvents(t.db.kysely, id, 'timer.fired')).toBe(1);
    expect(await jobsOf(id)).toMatchObject([{ status: 'done' }]);
    const row = await t.db.kysely
      .selectFrom('instances')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('completed');
    await expect(
      applyEvent(t.rt, id, { type: 'timerFired', timerId: job.key.slice(id.length + 1) }),
    ).rejects.toBeInstanceOf(EventRejected);
  });

  it('an instance that completes leaves none of its message subscriptions behind', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'message-race' });
    expect(await subscriptionsOf(id)).toMatchObject([{ name: 'paid', instance_id: id }]);

    await applyEvent(t.rt, id, { type: 'taskCompleted', taskId: await openTaskId(t.rt, id, 'task') });

    const row = await t.db.kysely
      .selectFrom('instances')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('completed');
    expect(await subscriptionsOf(id)).toEqual([]);
  });

  it('a received message removes its subscription while the instance runs on', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'message-race' });

    await applyEvent(t.rt, id, { type: 'message', name: 'paid', payload: {} });

    expect(await subscriptionsOf(id)).toEqual([]);
    const tasks = await t.db.kysely
      .selectFrom('tasks')
      .select('status')
      .where('instance_id', '=', id)
      .execute();
    expect(tasks).toEqual([{ status: 'open' }]);
    const row = await t.db.kysely
      .selectFrom('instances')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('running');
  });
});
