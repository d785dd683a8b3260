import { beforeAll, expect, it } from 'vitest';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { addPeople } from './support/org.ts';

const HOUR = 3_600_000;

apiSuite('tasks', (api) => {
  // Assignees resolve through the organisation: alice, carol, and fiona holding the role Finance.
  beforeAll(async () => {
    await addPeople(api(), {
      roles: ['Finance'],
      users: [{ id: 'alice' }, { id: 'carol' }, { id: 'fiona', roles: ['Finance'] }],
    });
  });

  it('lists tasks by assignee, by definition and overdue', async () => {
    const { call, publish, start, clock } = api();
    await publish(fixtureJson('api/inbox.json'));
    const id = await start('inbox');

    const alice = (await call('GET', '/api/v1/tasks?assignee=alice&definitionKey=inbox')).json().items;
    expect(alice).toMatchObject([
      { instanceId: id, nodeId: 'legal', assignees: ['alice'], definitionKey: 'inbox' },
    ]);
    const finance = (await call('GET', '/api/v1/tasks?assignee=fiona')).json().items;
    expect(finance).toMatchObject([{ instanceId: id, nodeId: 'finance', dueAt: null }]);
    expect((await call('GET', '/api/v1/tasks?definitionKey=inbox')).json().items).toHaveLength(2);

    expect((await call('GET', '/api/v1/tasks?definitionKey=inbox&overdue=true')).json().items).toEqual([]);
    clock.now += 25 * HOUR;
    const overdue = (await call('GET', '/api/v1/tasks?definitionKey=inbox&overdue=true')).json().items;
    expect(overdue).toMatchObject([{ nodeId: 'legal', status: 'open' }]);
    expect(Date.parse(overdue[0].dueAt)).toBeLessThan(clock.now);
  });

  it('filters tasks by status', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('api/inbox.json'), 'inbox-status');
    const id = await start('inbox-status');
    const legal = (await api().openTasks(id)).find((t) => t.nodeId === 'legal');
    const done = await call('POST', `/api/v1/tasks/${legal?.id}/complete`, { variables: { clauses: 1 } });
    expect(done.statusCode, done.body).toBe(200);

    const nodes = async (query: string) =>
      (await call('GET', `/api/v1/tasks?instanceId=${id}${query}`))
        .json()
        .items.map((t: { nodeId: string }) => t.nodeId);
    expect(await nodes('&status=open')).toEqual(['finance']);
    expect(await nodes('&status=completed')).toEqual(['legal']);
    expect((await nodes('')).sort()).toEqual(['finance', 'legal']);
  });

  it('shows a task with its form: description, fields and outcomes', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('api/inbox.json'), 'inbox-form');
    const id = await start('inbox-form');
    const legal = (await api().openTasks(id)).find((t) => t.nodeId === 'legal');
    const res = await call('GET', `/api/v1/tasks/${legal?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: legal?.id,
      kind: 'review',
      title: 'Legal review',
      form: {
        description: 'Check the liability clauses',
        fields: [{ id: 'clauses', type: 'number', required: true }],
        outcomes: [{ id: 'reviewed' }],
      },
    });
  });

  it('checks variables against the process variables and the form fields, then joins once both are done', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('api/inbox.json'), 'inbox-values');
    const id = await start('inbox-values');
    const tasks = await api().openTasks(id);
    const legal = tasks.find((t) => t.nodeId === 'legal');
    const finance = tasks.find((t) => t.nodeId === 'finance');

    const wrong = await call('POST', `/api/v1/tasks/${legal?.id}/complete`, {
      variables: { clauses: 'three', risk: 'medium' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { path: 'variables.risk', message: '"medium" is not one of low, high' },
      { path: 'variables.clauses', message: 'expected number, got "three"' },
    ]);

    const first = await call('POST', `/api/v1/tasks/${legal?.id}/complete`, {
      variables: { clauses: 3, risk: 'high', comment: 'clause 7 is open-ended' },
      outcome: 'reviewed',
    });
    expect(first.json()).toMatchObject({ instance: { status: 'running' }, task: { status: 'completed' } });
    const second = await call('POST', `/api/v1/tasks/${finance?.id}/complete`, { variables: {} });
    expect(second.json()).toMatchObject({ instance: { status: 'completed' } });
    const got = (await call('GET', `/api/v1/instances/${id}`)).json();
    expect(got.variables).toMatchObject({ clauses: 3, risk: 'high', comment: 'clause 7 is open-ended' });
  });

  it('delegates an open task: new assignee, inbox moves, history records who and whom', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('api/inbox.json'), 'inbox-delegate');
    const id = await start('inbox-delegate');
    const legal = (await api().openTasks(id)).find((t) => t.nodeId === 'legal');

    const res = await call('POST', `/api/v1/tasks/${legal?.id}/delegate`, { to: 'carol', actor: 'alice' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: legal?.id, assignees: ['carol'], status: 'open' });
    const carol = (await call('GET', '/api/v1/tasks?assignee=carol&definitionKey=inbox-delegate')).json()
      .items;
    expect(carol.map((t: { id: string }) => t.id)).toEqual([legal?.id]);
    const alice = (await call('GET', '/api/v1/tasks?assignee=alice&definitionKey=inbox-delegate')).json()
      .items;
    expect(alice).toEqual([]);

    // The history stays one gap-free sequence with the engine's own rows after the delegation.
    await call('POST', `/api/v1/tasks/${legal?.id}/complete`, { variables: { clauses: 1 }, actor: 'carol' });
    const history = (await call('GET', `/api/v1/instances/${id}`)).json().history;
    expect(history.map((h: { seq: number }) => h.seq)).toEqual(history.map((_: unknown, i: number) => i + 1));
    const delegated = history.find((h: { type: string }) => h.type === 'task.delegated');
    expect(delegated).toMatchObject({
      nodeId: 'legal',
      taskId: legal?.id,
      actor: 'alice',
      data: { from: ['alice'], to: ['carol'] },
    });
    expect(
      history.find(
        (h: { type: string; nodeId?: string }) => h.type === 'task.completed' && h.nodeId === 'legal',
      ),
    ).toMatchObject({
      actor: 'carol',
    });

    const closed = await call('POST', `/api/v1/tasks/${legal?.id}/delegate`, { to: 'dave' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('TASK_NOT_OPEN');
  });

  it('lets exactly one of two simultaneous completions of the same task through (the other is a 409)', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('vacation.json'), 'race');
    const id = await start('race', { days: 1 });
    const [task] = await api().openTasks(id);
    const answers = await Promise.all(
      [0, 1].map(() =>
        call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {}, outcome: 'approved' }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const history = (await call('GET', `/api/v1/instances/${id}`)).json().history;
    expect(history.filter((h: { type: string }) => h.type === 'task.completed')).toHaveLength(1);
  });

  it('pages through tasks with a cursor', async () => {
    const { call, publish, start } = api();
    await publish(fixtureJson('api/inbox.json'), 'inbox-pages');
    for (let i = 0; i < 3; i++) await start('inbox-pages');
    const first = (await call('GET', '/api/v1/tasks?definitionKey=inbox-pages&limit=4')).json();
    expect(first.items).toHaveLength(4);
    const second = (
      await call('GET', `/api/v1/tasks?definitionKey=inbox-pages&limit=4&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(6);
  });
});
