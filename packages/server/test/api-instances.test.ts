import { expect, it } from 'vitest';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { createUser, signIn } from './support/people.ts';

apiSuite('instances', (api) => {
  it('answers a repeated Idempotency-Key with the first start (201, same body, Idempotent-Replayed)', async () => {
    const { call, publish } = api();
    await publish(fixtureJson('vacation.json'), 'idem');
    const body = { definitionKey: 'idem', params: { days: 1 } };
    const first = await call('POST', '/api/v1/instances', body, { 'idempotency-key': 'req-1' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await call('POST', '/api/v1/instances', body, { 'idempotency-key': 'req-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await call('POST', '/api/v1/instances', body, { 'idempotency-key': 'req-2' });
    expect(other.json().id).not.toBe(first.json().id);
    const listed = await call('GET', '/api/v1/instances?definitionKey=idem');
    expect(listed.json().items).toHaveLength(2);
  });

  it("keeps each user's Idempotency-Keys apart: another user's equal key starts their own instance", async () => {
    const { call, publish, app } = api();
    await publish(fixtureJson('vacation.json'), 'idem-users');
    await createUser(api(), { id: 'idem-user' });
    const user = await signIn(app, 'idem-user');
    const body = { definitionKey: 'idem-users', params: { days: 1 } };
    const admins = await call('POST', '/api/v1/instances', body, { 'idempotency-key': 'shared' });
    const users = await user.call('POST', '/api/v1/instances', body, { 'idempotency-key': 'shared' });
    expect(users.statusCode, users.body).toBe(201);
    expect(users.headers['idempotent-replayed']).toBeUndefined();
    expect(users.json().id).not.toBe(admins.json().id);
    const replayed = await user.call('POST', '/api/v1/instances', body, { 'idempotency-key': 'shared' });
    expect(replayed.json().id).toBe(users.json().id);
  });

  it('starts once for concurrent requests with the same Idempotency-Key', async () => {
    const { call, publish } = api();
    await publish(fixtureJson('vacation.json'), 'idem-race');
    const body = { definitionKey: 'idem-race', params: { days: 1 } };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call('POST', '/api/v1/instances', body, { 'idempotency-key': 'race' })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const listed = await call('GET', '/api/v1/instances?definitionKey=idem-race');
    expect(listed.json().items).toHaveLength(1);
  });

  it('lists newest first with filters and a cursor that walks every page once', async () => {
    const { call, publish, clock } = api();
    await publish(fixtureJson('vacation.json'), 'listing');
    const base = clock.now;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now = base + Math.floor(i / 2) * 60_000; // pairs share a start time: the id breaks the tie
      const res = await call('POST', '/api/v1/instances', {
        definitionKey: 'listing',
        params: { days: i + 1 },
        startedBy: i % 2 === 0 ? 'alice' : 'bob',
      });
      ids.push(res.json().id);
    }
    clock.now = base;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `definitionKey=listing&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', `/api/v1/instances?${query}`);
      expect(page.statusCode).toBe(200);
      const { items, nextCursor } = page.json();
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((i: { id: string }) => i.id));
      cursor = nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen[0]).toBe(ids[4]); // the only one started last

    const alice = await call('GET', '/api/v1/instances?definitionKey=listing&startedBy=alice');
    expect(alice.json().items.map((i: { startedBy: string }) => i.startedBy)).toEqual([
      'alice',
      'alice',
      'alice',
    ]);
    const from = new Date(base + 60_000).toISOString();
    const to = new Date(base + 120_000).toISOString();
    const window = await call(
      'GET',
      `/api/v1/instances?definitionKey=listing&startedFrom=${from}&startedTo=${to}`,
    );
    expect(
      window
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([ids[2], ids[3]].sort());
    const completed = await call('GET', '/api/v1/instances?definitionKey=listing&status=completed');
    expect(completed.json()).toEqual({ items: [], nextCursor: null });
  });

  it('terminates a running instance: its open tasks are cancelled; a second terminate is a 409', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('vacation.json'), 'stop-me');
    const id = await start('stop-me', { days: 1 });
    const res = await call('POST', `/api/v1/instances/${id}/terminate`, { reason: 'withdrawn' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'terminated', endedAt: expect.any(String) });
    const got = (await call('GET', `/api/v1/instances/${id}`)).json();
    expect(got.tasks.map((t: { status: string }) => t.status)).toEqual(['cancelled']);
    expect(got.history.at(-1)).toMatchObject({
      type: 'instance.terminated',
      actor: 'admin',
      data: { reason: 'withdrawn' },
    });
    const again = await call('POST', `/api/v1/instances/${id}/terminate`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NOT_RUNNING');
  });

  it('retries a failed instance: the same event fails the same way until what it reads changes', async () => {
    // The release gateway has no flow before the embargo date: completing the task then fails the instance.
    const { call, publish, start, clock } = api();
    await publish(fixtureJson('api/embargo.json'));
    const id = await start('embargo');
    const [task] = await api().openTasks(id);
    const completed = await call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {} });
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ task: { status: 'open' }, instance: { status: 'failed' } });

    const failed = (await call('GET', `/api/v1/instances/${id}`)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      error: {
        code: 'NO_FLOW',
        nodeId: 'lifted',
        event: { type: 'taskCompleted', taskId: task?.id.split(':')[1] },
      },
    });

    const stillFailing = await call('POST', `/api/v1/instances/${id}/retry`);
    expect(stillFailing.statusCode).toBe(200);
    expect(stillFailing.json()).toMatchObject({ status: 'failed', error: { code: 'NO_FLOW' } });

    clock.now = Date.parse('2030-01-01T10:00:00.000Z');
    const retried = await call('POST', `/api/v1/instances/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({
      status: 'completed',
      error: null,
      endedAt: '2030-01-01T10:00:00.000Z',
    });
    expect(retried.json().tasks).toMatchObject([{ id: task?.id, status: 'completed', completedBy: 'admin' }]);
    const types = retried.json().history.map((h: { type: string }) => h.type);
    expect(types.filter((t: string) => t === 'instance.failed')).toHaveLength(2);
    expect(types.filter((t: string) => t === 'task.completed')).toHaveLength(1);
    expect(types.at(-1)).toBe('instance.completed');

    const notFailed = await call('POST', `/api/v1/instances/${id}/retry`);
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.json().code).toBe('NOT_FAILED');
  });

  it("hands a failed instance's open task on while it waits, and the retry completes it", async () => {
    const { call, publish, start, clock } = api();
    clock.now = Date.parse('2029-12-31T09:00:00.000Z');
    await createUser(api(), { id: 'editor' });
    await publish(fixtureJson('api/embargo.json'), 'embargo-hand');
    const id = await start('embargo-hand');
    const [task] = await api().openTasks(id);
    await call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {} });

    const handed = await call('POST', `/api/v1/tasks/${task?.id}/delegate`, { to: 'editor' });
    expect(handed.statusCode, handed.body).toBe(200);
    const failed = (await call('GET', `/api/v1/instances/${id}`)).json();
    expect(failed.status).toBe('failed');
    expect(failed.history.at(-1)).toMatchObject({ type: 'task.delegated', data: { to: ['editor'] } });

    clock.now = Date.parse('2030-01-01T10:00:00.000Z');
    const retried = await call('POST', `/api/v1/instances/${id}/retry`);
    expect(retried.json()).toMatchObject({ status: 'completed' });
    const seqs = retried.json().history.map((h: { seq: number }) => h.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });

  it('terminates a failed instance from the state before its failure', async () => {
    const { call, publish, start, clock } = api();
    clock.now = Date.parse('2029-12-31T09:00:00.000Z');
    await publish(fixtureJson('api/embargo.json'), 'embargo-stop');
    const id = await start('embargo-stop');
    const [task] = await api().openTasks(id);
    await call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {} });
    const res = await call('POST', `/api/v1/instances/${id}/terminate`, { reason: 'given up' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('terminated');
    expect(await api().openTasks(id)).toEqual([]);
  });
});
