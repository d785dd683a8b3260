import { expect, it } from 'vitest';
import { apiSuite, fixtureJson } from './api-harness.ts';

apiSuite('bad input', (api) => {
  it('answers 413 problem+json for a body over 1 MiB', async () => {
    const big = JSON.stringify({ definitionKey: 'vacation', params: { note: 'x'.repeat(1024 * 1024) } });
    const res = await api().call('POST', '/api/v1/instances', big, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await api().call('POST', '/api/v1/instances', '{"definitionKey": "vacation",', {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('answers 400 naming where a body nests too deeply, and writes nothing', async () => {
    const { call } = api();
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const deep = nested(100_000);
    const json = { 'content-type': 'application/json' };
    const draft = await call(
      'PUT',
      '/api/v1/definitions/deep/draft',
      `{"key":"deep","name":"Deep","nodes":[{"id":"s","type":"start","config":{"x":${deep}}}],"flows":[]}`,
      json,
    );
    expect(draft.statusCode, draft.body).toBe(400);
    expect(draft.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: expect.any(String) }] });
    const [error] = draft.json().errors as { path: string; message: string }[];
    expect(error?.path).toBe(['body.nodes.0.config.x', ...Array.from({ length: 60 }, () => '0')].join('.'));
    expect(error?.message).toBe('nested deeper than 64 levels of objects and arrays');
    expect((await call('GET', '/api/v1/definitions/deep')).statusCode).toBe(404);

    await api().publish(fixtureJson('vacation.json'), 'vacation-deep');
    const before = await call('GET', '/api/v1/instances?definitionKey=vacation-deep');
    const start = await call(
      'POST',
      '/api/v1/instances',
      `{"definitionKey":"vacation-deep","params":{"days":3,"note":${deep}}}`,
      json,
    );
    expect(start.statusCode).toBe(400);
    expect(start.json().errors[0].path).toMatch(/^body\.params\.note\.0\.0/);
    const after = await call('GET', '/api/v1/instances?definitionKey=vacation-deep');
    expect(after.json().items).toEqual(before.json().items);
    // 64 levels in all are accepted: the body is level 1, so 62 under `params.note`.
    const deepest = await call(
      'POST',
      '/api/v1/instances',
      `{"definitionKey":"vacation-deep","params":{"days":3,"note":${nested(62)}}}`,
      json,
    );
    // …and reach the definition's own check of its parameters.
    expect(deepest.json()).toMatchObject({
      code: 'INVALID_PARAMS',
      errors: [{ path: 'params.note', message: 'not declared by this process' }],
    });
  });

  it('answers 400 naming a NUL character in a body, a path or a query, and writes nothing', async () => {
    const { call } = api();
    const json = { 'content-type': 'application/json' };
    const draft = (name: string) =>
      `{"key":"nul","name":${name},"nodes":[{"id":"s","type":"start"},{"id":"e","type":"end"}],"flows":[{"id":"f","source":"s","target":"e"}]}`;
    const named = await call('PUT', '/api/v1/definitions/nul/draft', draft('"Zero\\u0000"'), json);
    expect(named.statusCode, named.body).toBe(400);
    expect(named.json().errors).toEqual([
      { path: 'body.name', message: 'contains a NUL character (\\u0000)' },
    ]);
    expect((await call('GET', '/api/v1/definitions/nul')).statusCode).toBe(404);
    const key = await call(
      'POST',
      '/api/v1/messages',
      '{"name":"m","payload":{"ok":["", {"a\\u0000":1}]}}',
      json,
    );
    expect(key.json().errors).toEqual([
      { path: 'body.payload.ok.1.a\\u0000', message: 'contains a NUL character (\\u0000)' },
    ]);
    // A backslash followed by "u0000" is text, not a NUL.
    const text = await call('PUT', '/api/v1/definitions/nul/draft', draft('"C:\\\\u0000"'), json);
    expect(text.statusCode, text.body).toBe(200);
    expect((await call('GET', '/api/v1/definitions/nul')).json().name).toBe('C:\\u0000');
    for (const url of ['/api/v1/instances/a%00b', '/api/v1/tasks?instanceId=a%00b', '/api/v1/users/x%00']) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors, url).toEqual([{ path: 'url', message: 'contains a NUL character (%00)' }]);
    }
  });

  it('answers 400 naming the missing field', async () => {
    const res = await api().call('POST', '/api/v1/instances', { params: {} });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      errors: [{ path: 'body.definitionKey', message: expect.any(String) }],
    });
  });

  it('answers 400 naming a field of the wrong shape, and a bad query value', async () => {
    const params = await api().call('POST', '/api/v1/instances', { definitionKey: 'vacation', params: [1] });
    expect(params.statusCode).toBe(400);
    expect(params.json().errors).toEqual([{ path: 'body.params', message: expect.any(String) }]);
    const status = await api().call('GET', '/api/v1/instances?status=sleeping');
    expect(status.statusCode).toBe(400);
    expect(status.json().errors).toEqual([{ path: 'querystring.status', message: expect.any(String) }]);
    const cursor = await api().call('GET', '/api/v1/tasks?cursor=bm9wZQ');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().code).toBe('INVALID_CURSOR');
  });

  it('answers 400 naming each field no route declares, at any depth, and writes nothing', async () => {
    const { call } = api();
    const misspelt = await call('POST', '/api/v1/instances', {
      definitionKey: 'vacation',
      parms: { days: 3 },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json()).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'body.parms', message: 'unknown field' }],
    });
    const user = await call('POST', '/api/v1/users', {
      id: 'nina',
      login: 'nina',
      name: 'Nina',
      roles: [{ role: 'owner', department: 'sales' }],
      manager: 'boss',
    });
    expect(user.statusCode).toBe(400);
    expect(user.json().errors).toEqual([
      { path: 'body.roles.0.department', message: 'unknown field' },
      { path: 'body.manager', message: 'unknown field' },
    ]);
    expect((await call('GET', '/api/v1/users/nina')).statusCode).toBe(404);
    // A field a route does not take is refused too: a password is set through its own route.
    const admin = await call('PATCH', '/api/v1/users/admin', { password: 'a-new-password-1' });
    expect(admin.statusCode).toBe(400);
    expect(admin.json().errors).toEqual([{ path: 'body.password', message: 'unknown field' }]);
    const query = await call('GET', '/api/v1/tasks?stauts=open');
    expect(query.statusCode).toBe(400);
    expect(query.json().errors).toEqual([{ path: 'querystring.stauts', message: 'unknown field' }]);
    // Free-form objects keep every key: parameters, variables, payloads.
    const free = await call('POST', '/api/v1/messages', {
      name: 'ping',
      correlationKey: 'k',
      payload: { any: 1 },
    });
    expect(free.statusCode, free.body).not.toBe(400);
  });

  it('answers 404 for unknown ids', async () => {
    const { call } = api();
    for (const [method, url, body] of [
      ['GET', '/api/v1/instances/00000000-0000-0000-0000-000000000000'],
      ['POST', '/api/v1/instances/nope/terminate', { reason: 'test' }],
      ['POST', '/api/v1/instances/nope/retry'],
      ['GET', '/api/v1/tasks/nope:t1'],
      ['POST', '/api/v1/tasks/nope:t1/complete', { variables: {} }],
      ['POST', '/api/v1/tasks/nope:t1/delegate', { to: 'bob' }],
      ['GET', '/api/v1/definitions/nope'],
      ['GET', '/api/v1/definitions/nope/bpmn'],
      ['POST', '/api/v1/definitions/nope/publish'],
      ['POST', '/api/v1/jobs/nope/retry'],
      ['GET', '/api/v1/nothing-here'],
    ] as const) {
      const res = await call(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const start = await call('POST', '/api/v1/instances', { definitionKey: 'nope', params: {} });
    expect(start.statusCode).toBe(404);
    expect(start.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'published definition nope not found' });
  });

  it('answers 422 naming params.x for parameters the definition does not accept', async () => {
    await api().publish(fixtureJson('vacation.json'), 'vacation-params');
    const res = await api().call('POST', '/api/v1/instances', {
      definitionKey: 'vacation-params',
      params: { days: 'five', colour: 'red' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      status: 422,
      code: 'INVALID_PARAMS',
      errors: expect.arrayContaining([
        { path: 'params.days', message: 'expected number, got "five"' },
        { path: 'params.colour', message: 'not declared by this process' },
      ]),
    });
  });

  it('answers 422 naming variables.x for task variables undeclared or of the wrong type, and leaves the task open', async () => {
    const { call } = api();
    await api().publish(fixtureJson('vacation.json'), 'vacation-types');
    const id = await api().start('vacation-types', { days: 3 });
    const [task] = await api().openTasks(id);
    const res = await call('POST', `/api/v1/tasks/${task?.id}/complete`, {
      variables: { approved: 'yes', days: 4 },
      outcome: 'maybe',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      status: 422,
      code: 'INVALID_VARIABLES',
      errors: [
        { path: 'variables.days', message: 'not declared by this process' },
        { path: 'variables.approved', message: 'expected boolean, got "yes"' },
        { path: 'outcome', message: '"maybe" is not one of approved, rejected' },
      ],
    });
    expect(await api().openTasks(id)).toHaveLength(1);
  });
});
