import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_STREAMS_PER_USER } from '../src/events/routes.ts';
import { publishUserEvent, type UserEvent } from '../src/events/user-events.ts';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';
import { openEvents, type SseStream } from './support/sse.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

apiSuite('events: the signed-in user’s stream', (api) => {
  let base = '';
  let ann: Session;
  let annStream: SseStream;
  let bobStream: SseStream;
  beforeAll(async () => {
    await addPeople(api(), usersWhoSignIn('ann', 'bob'));
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
      message: null,
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

// Its own server: the refused requests leave the client sockets it may open ahead idling (undici keeps
// them 4 s), which the shutdown timing above is not about.
apiSuite('events: streams per user', (api) => {
  let base = '';
  let ann: Session;
  let bob: Session;
  beforeAll(async () => {
    await addPeople(api(), usersWhoSignIn('ann', 'bob'));
    base = await api().app.listen({ port: 0, host: '127.0.0.1' });
    ann = await signIn(api().app, 'ann');
    bob = await signIn(api().app, 'bob');
  });

  it(`lets a user hold ${MAX_STREAMS_PER_USER} streams at once: one more is 429, and a closed one frees its place`, async () => {
    const url = `${base}/api/v1/events`;
    const more = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_USER }, () => openEvents(url, { cookie: ann.cookie })),
    );
    try {
      const refused = await fetch(url, {
        headers: { cookie: ann.cookie },
        signal: AbortSignal.timeout(5_000),
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_STREAMS' });

      // Counted per user: Bob's stream is not Ann's.
      const bobs = await openEvents(url, { cookie: bob.cookie });
      bobs.close();

      // The server learns of the close a moment later; until then one more is still refused.
      more.pop()?.close();
      for (let attempt = 1; ; attempt++) {
        const reopened = await openEvents(url, { cookie: ann.cookie }).catch((error: Error) => error);
        if (!(reopened instanceof Error)) {
          more.push(reopened);
          break;
        }
        expect(reopened.message).toContain('429');
        if (attempt === 50) throw reopened;
        await sleep(20);
      }
    } finally {
      for (const stream of more) stream.close();
    }
  });
});
