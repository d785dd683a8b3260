import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishUserEvent, type UserEvent } from '../src/events/user-events.ts';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';
import { openEvents, type SseStream } from './support/sse.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

apiSuite('events: the signed-in user’s stream', (api) => {
  let base = '';
  let ann: Session;
  let annStream: SseStream;
  let bobStream: SseStream;
  beforeAll(async () => {
    await addPeople(api(), {
      users: [
        { id: 'ann', canSignIn: true },
        { id: 'bob', canSignIn: true },
      ],
    });
    await api().publish(fixtureJson('api/notice.json'));
    base = await api().app.listen({ port: 0, host: '127.0.0.1' });
    ann = await signIn(api().app, 'ann');
    const bob = await signIn(api().app, 'bob');
    annStream = await openEvents(`${base}/api/v1/events`, { cookie: ann.cookie });
    bobStream = await openEvents(`${base}/api/v1/events`, { cookie: bob.cookie });
  });
  afterAll(() => {
    annStream?.close();
    bobStream?.close();
  });

  it('needs credentials', async () => {
    const res = await fetch(`${base}/api/v1/events`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(401);
  });

  it('pushes task.created to the assignee when a process assigns them a task, and to no one else', async () => {
    const id = await api().start('notice', { to: 'nobody-in-particular', reviewer: 'ann' });
    const [task] = await api().openTasks(id);
    const pushed = await annStream.next((e) => e.event === 'task.created');
    expect(pushed.data).toEqual({ id: task?.id, title: 'Review the order', instanceId: id });
    await sleep(100);
    expect(bobStream.events).toEqual([]);
  });

  it('pushes notification when a notify step tells the user (after its job commits)', async () => {
    const id = await api().start('notice', { to: 'ann', reviewer: 'bob' });
    expect(annStream.events.filter((e) => e.event === 'notification')).toEqual([]);
    await runDueJobs(api().baton.rt);
    const [stored] = (await ann.call('GET', '/api/v1/notifications?limit=1')).json().items;
    const pushed = await annStream.next((e) => e.event === 'notification');
    expect(pushed.data).toEqual({
      id: stored.id,
      text: 'Order for ann is in',
      instanceId: id,
      createdAt: stored.createdAt,
    });
    // bob got the review task of that instance, and nothing of ann's.
    await bobStream.next((e) => e.event === 'task.created');
    expect(bobStream.events.map((e) => e.event)).toEqual(['task.created']);
  });

  it('pushes task.created to the one a task is delegated to', async () => {
    const id = await api().start('notice', { to: 'x', reviewer: 'ann' });
    const [task] = await api().openTasks(id);
    const handed = await ann.call('POST', `/api/v1/tasks/${task?.id}/delegate`, { to: 'bob' });
    expect(handed.statusCode, handed.body).toBe(200);
    const pushed = await bobStream.next(
      (e) => e.event === 'task.created' && (e.data as { id: string }).id === task?.id,
    );
    expect(pushed.data).toEqual({ id: task?.id, title: 'Review the order', instanceId: id });
  });

  it('sends nothing for work rolled back, and what commits only after the commit', async () => {
    const event = (title: string): UserEvent => ({
      type: 'task.created',
      userId: 'ann',
      data: { id: title, title, instanceId: 'none' },
    });
    const { kysely } = api().baton.rt.db;
    await expect(
      kysely.transaction().execute(async (trx) => {
        await publishUserEvent(trx, event('rolled back'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await kysely.transaction().execute(async (trx) => {
      await publishUserEvent(trx, event('committed'));
      await sleep(50);
      expect(annStream.events.some((e) => (e.data as { id: string }).id === 'committed')).toBe(false);
    });
    await annStream.next((e) => (e.data as { id: string }).id === 'committed');
    expect(annStream.events.some((e) => (e.data as { id: string }).id === 'rolled back')).toBe(false);
  });

  it('closing the server ends open streams (graceful shutdown does not wait on them)', async () => {
    const started = Date.now();
    await api().app.close();
    await annStream.ended();
    await bobStream.ended();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
