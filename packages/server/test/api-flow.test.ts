import { expect, it } from 'vitest';
import { apiSuite, fixtureText } from './api-harness.ts';

apiSuite('a process through the API, from BPMN to completed', (api) => {
  it('imports BPMN, publishes, starts, completes a task, and refuses to complete it twice', async () => {
    const { call } = api();
    const imported = await call('POST', '/api/v1/definitions/import', fixtureText('vacation.bpmn'), {
      'content-type': 'application/xml',
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ key: 'vacation', version: 1, status: 'draft' });

    const published = await call('POST', '/api/v1/definitions/vacation/publish');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ key: 'vacation', version: 1, status: 'published' });

    const started = await call('POST', '/api/v1/instances', {
      definitionKey: 'vacation',
      params: { days: 5 },
    });
    expect(started.statusCode, started.body).toBe(201);
    const instance = started.json();
    expect(instance).toEqual({
      id: expect.any(String),
      status: 'running',
      definitionKey: 'vacation',
      definitionVersion: 1,
    });

    const running = await call('GET', `/api/v1/instances/${instance.id}`);
    expect(running.statusCode).toBe(200);
    expect(running.json()).toMatchObject({
      id: instance.id,
      status: 'running',
      variables: { days: 5, approved: false },
      error: null,
      tasks: [{ nodeId: 'approve', status: 'open', kind: 'approve', title: 'Approve 5 days' }],
    });

    const tasks = await call('GET', `/api/v1/tasks?instanceId=${instance.id}&status=open`);
    expect(tasks.statusCode).toBe(200);
    const { items } = tasks.json();
    expect(items).toEqual([
      expect.objectContaining({
        id: `${instance.id}:${items[0].id.split(':')[1]}`,
        nodeId: 'approve',
        instanceId: instance.id,
        status: 'open',
        kind: 'approve',
        title: 'Approve 5 days',
        // No role holders: the task goes to the administrator, with a warning.
        assignees: ['admin'],
        warning: expect.stringContaining('role:processAdministrator'),
        dueAt: null,
      }),
    ]);

    const done = await call('POST', `/api/v1/tasks/${items[0].id}/complete`, {
      variables: {},
      outcome: 'approved',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      task: { id: items[0].id, status: 'completed', outcome: 'approved', completedBy: 'admin' },
      instance: { id: instance.id, status: 'completed' },
    });

    const again = await call('POST', `/api/v1/tasks/${items[0].id}/complete`, { variables: {} });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.json()).toMatchObject({ status: 409, code: 'TASK_NOT_OPEN' });

    const completed = (await call('GET', `/api/v1/instances/${instance.id}`)).json();
    expect(completed.status).toBe('completed');
    expect(completed.endedAt).toEqual(expect.any(String));
    expect(completed.variables).toMatchObject({ approved: true });
    const types = completed.history.map((h: { type: string }) => h.type);
    expect(types[0]).toBe('instance.started');
    expect(types.at(-1)).toBe('instance.completed');
    expect(types).toEqual(expect.arrayContaining(['task.created', 'task.completed', 'gateway.decided']));
    expect(completed.history.find((h: { type: string }) => h.type === 'task.completed')).toMatchObject({
      nodeId: 'approve',
      taskId: items[0].id,
      actor: 'admin',
      at: new Date(completed.history[0].at).toISOString(),
    });
  });
});
