import { EventRejected } from '@baton/engine';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Dialect } from '../../src/db/database.ts';
import { type AlongWith, applyEvent } from '../../src/instances/apply.ts';
import { startInstance } from '../../src/instances/start.ts';
import { type Baton, boot } from '../../src/runtime/boot.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { countEvents, repeatedCompletions } from '../support/history.ts';
import { joinProcess, publish, singleTaskProcess } from '../support/processes.ts';
import { openTaskId, openTestRuntime, type TestRuntime, within } from '../support/runtime.ts';

/**
 * Makes steps meet: on PostgreSQL each of `n` steps waits, after reading its instance and before writing,
 * until all `n` have read — so they really overlap. SQLite runs one transaction at a time (a barrier
 * there would wait forever), so steps there go as they come.
 */
function meeting(dialect: Dialect, n: number): () => AlongWith | undefined {
  if (dialect !== 'postgres') return () => undefined;
  let arrived = 0;
  let release = () => {};
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => {
    let first = true;
    return async () => {
      if (!first) return;
      first = false;
      if (++arrived === n) release();
      await within(10_000, 'steps meeting', all);
    };
  };
}

describe.each(DIALECTS)('concurrent steps on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(dialect);
    await publish(t.db.kysely, joinProcess);
    await publish(t.db.kysely, singleTaskProcess);
  });
  afterAll(async () => {
    await t?.close();
  });

  const start = (definitionKey: string, n: number) =>
    Promise.all(Array.from({ length: n }, () => startInstance(t.rt, { definitionKey }).then((s) => s.id)));
  const statusOf = async (id: string) =>
    (
      await t.db.kysely
        .selectFrom('instances')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('two completions of the same task at once: exactly one succeeds, the other is TASK_NOT_OPEN', async () => {
    const ids = await start('join', 5);
    const tasks = await Promise.all(ids.map((id) => openTaskId(t.rt, id, 'a')));
    // Both completions of every task meet (10 steps on PostgreSQL; the pool has 10 connections).
    const along = meeting(dialect, ids.length * 2);

    const outcomes = await Promise.all(
      ids.map((id, i) => {
        const event = { type: 'taskCompleted', taskId: tasks[i] as string } as const;
        return Promise.allSettled([
          applyEvent(t.rt, id, event, along()),
          applyEvent(t.rt, id, event, along()),
        ]);
      }),
    );

    for (const pair of outcomes) {
      expect(pair.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const [rejected] = pair.filter((o) => o.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(EventRejected);
      expect(rejected?.reason).toMatchObject({ code: 'TASK_NOT_OPEN' });
    }
    for (const id of ids) {
      expect(await countEvents(t.db.kysely, id, 'task.completed')).toBe(1);
      expect(await statusOf(id)).toBe('running');
    }
  });

  it('the last two tasks of a parallel join completed at once: the join fires once, the instance ends once', async () => {
    const ids = await start('join', 5);
    const tasks = await Promise.all(
      ids.map(async (id) => [await openTaskId(t.rt, id, 'a'), await openTaskId(t.rt, id, 'b')] as const),
    );
    const along = meeting(dialect, ids.length * 2);

    const outcomes = await Promise.allSettled(
      ids.flatMap((id, i) =>
        (tasks[i] ?? []).map((taskId) => applyEvent(t.rt, id, { type: 'taskCompleted', taskId }, along())),
      ),
    );

    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    for (const id of ids) {
      expect(await statusOf(id)).toBe('completed');
      expect(await countEvents(t.db.kysely, id, 'gateway.decided', 'join')).toBe(1);
      expect(await countEvents(t.db.kysely, id, 'instance.completed')).toBe(1);
    }
    expect(await repeatedCompletions(t.db.kysely)).toEqual([]);
  });

  it('50 completions across 50 instances at once all succeed', async () => {
    const ids = await start('single', 50);
    const tasks = await Promise.all(ids.map((id) => openTaskId(t.rt, id, 'task')));

    const outcomes = await Promise.allSettled(
      ids.map((id, i) => applyEvent(t.rt, id, { type: 'taskCompleted', taskId: tasks[i] as string })),
    );

    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const statuses = await Promise.all(ids.map(statusOf));
    expect(statuses).toEqual(ids.map(() => 'completed'));
  });
});

describe.each(DIALECTS)('concurrent requests over HTTP on %s', (dialect) => {
  const TOKEN = 'concurrency-token';
  let database: TestDatabase;
  let baton: Baton;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    baton = await boot({
      databaseUrl: database.url,
      worker: false,
      adminToken: TOKEN,
      log: pino({ level: 'silent' }),
    });
    app = buildApp({ baton });
    await app.ready();
    await publish(baton.rt.db.kysely, joinProcess);
  });
  afterAll(async () => {
    await app?.close();
    await baton?.close();
    await database?.drop();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${TOKEN}` }, payload });
  const startJoin = async () => {
    const started = await call('POST', '/instances', { definitionKey: 'join' });
    expect(started.statusCode).toBe(201);
    const id = started.json<{ id: string }>().id;
    const tasks = await call('GET', `/tasks?instanceId=${id}&status=open`);
    const byNode = Object.fromEntries(
      tasks.json<{ items: { id: string; nodeId: string }[] }>().items.map((t) => [t.nodeId, t.id]),
    );
    return { id, a: byNode.a as string, b: byNode.b as string };
  };
  const complete = (taskId: string) =>
    call('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, { variables: {} });

  it('two requests completing the same task: one 200, the other 409 TASK_NOT_OPEN', async () => {
    const { id, a } = await startJoin();

    const answers = await Promise.all([complete(a), complete(a)]);

    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const conflict = answers.find((r) => r.statusCode === 409);
    expect(conflict?.headers['content-type']).toContain('application/problem+json');
    expect(conflict?.json()).toMatchObject({ status: 409, code: 'TASK_NOT_OPEN' });
    expect(await countEvents(baton.rt.db.kysely, id, 'task.completed')).toBe(1);
  });

  it('the last two tasks of a join completed by two requests at once: both 200, the join fires once', async () => {
    const { id, a, b } = await startJoin();

    const answers = await Promise.all([complete(a), complete(b)]);

    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const instance = await call('GET', `/instances/${id}`);
    const detail = instance.json<{ status: string; history: { type: string; nodeId?: string }[] }>();
    expect(detail.status).toBe('completed');
    expect(detail.history.filter((h) => h.type === 'gateway.decided' && h.nodeId === 'join')).toHaveLength(1);
    expect(detail.history.filter((h) => h.type === 'instance.completed')).toHaveLength(1);
  });
});
