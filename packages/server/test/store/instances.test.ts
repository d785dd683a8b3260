import { EventRejected } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTokenCaller } from '../../src/access/caller.ts';
import { markDeleted, markPublished, saveDraft } from '../../src/definitions/store.ts';
import { applyEvent, stepIn, stepTransaction } from '../../src/instances/apply.ts';
import { startInstance } from '../../src/instances/start.ts';
import { NotFound } from '../../src/runtime/errors.ts';
import { completeTask, getTask } from '../../src/tasks/service.ts';
import { DIALECTS } from '../support/databases.ts';
import { countEvents, storedEvents } from '../support/history.ts';
import { joinProcess, notedTaskProcess, publish, singleTaskProcess } from '../support/processes.ts';
import { openTaskId, openTestRuntime, type TestRuntime } from '../support/runtime.ts';

describe.each(DIALECTS)('instances on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(dialect);
    await publish(t.db.kysely, singleTaskProcess);
    await publish(t.db.kysely, joinProcess);
    await publish(t.db.kysely, notedTaskProcess);
  });
  afterAll(async () => {
    await t?.close();
  });

  const instanceRow = (id: string) =>
    t.db.kysely.selectFrom('instances').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const historySeqs = async (id: string) => (await storedEvents(t.db.kysely, id)).map((e) => e.seq);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('a start writes the instance at version 1 with its open task and numbered history', async () => {
    const { id, status } = await startInstance(t.rt, { definitionKey: 'single', startedBy: 'alice' });

    expect(status).toBe('running');
    const row = await instanceRow(id);
    expect(row).toMatchObject({ version: 1, status: 'running', definition_version: 1, started_by: 'alice' });
    expect(await historySeqs(id)).toEqual(range(row.history_seq));
    const tasks = await t.db.kysely.selectFrom('tasks').selectAll().where('instance_id', '=', id).execute();
    expect(tasks).toMatchObject([{ node_id: 'task', status: 'open' }]);
    expect(tasks[0]?.id).toBe(`${id}:${await openTaskId(t.rt, id, 'task')}`);
  });

  it('an applied event bumps the version, continues the history and closes the task', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'single' });
    const before = await instanceRow(id);
    const taskId = await openTaskId(t.rt, id, 'task');
    t.clock.advance(60_000);

    await applyEvent(t.rt, id, { type: 'taskCompleted', taskId, actor: { id: 'bob' } });

    const after = await instanceRow(id);
    expect(after).toMatchObject({ version: 2, status: 'completed', ended_at: t.clock.now() });
    expect(after.history_seq).toBeGreaterThan(before.history_seq);
    expect(await historySeqs(id)).toEqual(range(after.history_seq));
    const task = await t.db.kysely
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', `${id}:${taskId}`)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ status: 'completed', completed_by: 'bob', completed_at: t.clock.now() });
  });

  it('a completion answers with the task as stored: its completer, time, outcome and comment', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'single' });
    const key = `${id}:${await openTaskId(t.rt, id, 'task')}`;
    t.clock.advance(90_000);

    const answer = await completeTask(t.rt, adminTokenCaller(), key, {
      variables: {},
      outcome: 'acknowledged',
      comment: 'checked',
    });

    const { form: _form, ...stored } = await getTask(t.rt, adminTokenCaller(), key);
    expect(answer).toEqual({ task: stored, instance: { id, status: 'completed' } });
    expect(stored).toMatchObject({
      status: 'completed',
      completedAt: new Date(t.clock.now()).toISOString(),
      outcome: 'acknowledged',
      comment: 'checked',
    });
  });

  it('a step rolled back after its state was written leaves the next step to start from the stored state', async () => {
    // Wide enough to be remembered by this process (instances/parsed-states.ts).
    const { id } = await startInstance(t.rt, { definitionKey: 'noted', params: { notes: 'n'.repeat(3000) } });
    const taskId = await openTaskId(t.rt, id, 'task');
    const event = { type: 'taskCompleted', taskId, actor: { id: 'bob' } } as const;

    await expect(
      stepTransaction(t.rt, async (trx, wakeWorkers) => {
        await stepIn(t.rt, trx, id, event, wakeWorkers);
        throw new Error('gone before the commit');
      }),
    ).rejects.toThrow('gone before the commit');
    expect(await instanceRow(id)).toMatchObject({ version: 1, status: 'running' });

    await applyEvent(t.rt, id, event);
    expect(await instanceRow(id)).toMatchObject({ version: 2, status: 'completed' });
  });

  it('a rejected event writes nothing', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'join' });
    const a = await openTaskId(t.rt, id, 'a');
    await applyEvent(t.rt, id, { type: 'taskCompleted', taskId: a });
    const before = await instanceRow(id);

    const again = applyEvent(t.rt, id, { type: 'taskCompleted', taskId: a });

    await expect(again).rejects.toBeInstanceOf(EventRejected);
    await expect(again).rejects.toMatchObject({ code: 'TASK_NOT_OPEN' });
    expect(await instanceRow(id)).toEqual(before);
    expect(await historySeqs(id)).toEqual(range(before.history_seq));
  });

  it('a write on a stale version rolls back everything of that attempt and is retried', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'single' });
    const taskId = await openTaskId(t.rt, id, 'task');
    let attempts = 0;

    // The first attempt finds the version moved on when it writes (as if another step had committed).
    await applyEvent(t.rt, id, { type: 'taskCompleted', taskId }, async (trx) => {
      attempts++;
      if (attempts === 1)
        await trx.updateTable('instances').set({ version: 7 }).where('id', '=', id).execute();
    });

    expect(attempts).toBe(2);
    const row = await instanceRow(id);
    expect(row).toMatchObject({ version: 2, status: 'completed' });
    expect(await historySeqs(id)).toEqual(range(row.history_seq));
    expect(await countEvents(t.db.kysely, id, 'task.completed')).toBe(1);
  });

  // Two steps really interleaving needs two connections writing at once: PostgreSQL's pool. (SQLite runs
  // one transaction at a time on the server's single connection, so steps cannot interleave there.)
  if (dialect !== 'postgres') return;

  it('two steps interleaving on one instance: the later writer retries and sees the first', async () => {
    const { id } = await startInstance(t.rt, { definitionKey: 'join' });
    const a = await openTaskId(t.rt, id, 'a');
    const b = await openTaskId(t.rt, id, 'b');
    let attempts = 0;

    // Completing b runs and commits on another connection after completing a has read the instance.
    await applyEvent(t.rt, id, { type: 'taskCompleted', taskId: a }, async () => {
      attempts++;
      if (attempts === 1) await applyEvent(t.rt, id, { type: 'taskCompleted', taskId: b });
    });

    expect(attempts).toBe(2);
    const row = await instanceRow(id);
    expect(row).toMatchObject({ version: 3, status: 'completed' });
    expect(await historySeqs(id)).toEqual(range(row.history_seq));
    expect(await countEvents(t.db.kysely, id, 'gateway.decided', 'join')).toBe(1);
  });

  it('a start takes the version another process published or deleted since the last start here', async () => {
    const other = await t.openSecond();
    const definition = { ...singleTaskProcess, key: 'republished' };
    await publish(t.db.kysely, definition);
    expect((await startInstance(t.rt, { definitionKey: 'republished' })).definitionVersion).toBe(1);

    const draft = { key: 'republished', name: 'v2', definition, bpmn: null, createdBy: 'test', now: 0 };
    expect(await saveDraft(other.db.kysely, draft)).toBe(2);
    // A draft is not started from; its publication is.
    expect((await startInstance(t.rt, { definitionKey: 'republished' })).definitionVersion).toBe(1);
    expect(await markPublished(other.db.kysely, 'republished', 2, 0)).toBe(true);
    expect((await startInstance(t.rt, { definitionKey: 'republished' })).definitionVersion).toBe(2);

    expect(await markDeleted(other.db.kysely, 'republished', 'test', 0)).toBe(true);
    await expect(startInstance(t.rt, { definitionKey: 'republished' })).rejects.toThrow(NotFound);
  });
});
