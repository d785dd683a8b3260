import { expect, it } from 'vitest';
import { apiSuite, fixtureJson, fixtureText } from './api-harness.ts';

apiSuite('definitions', (api) => {
  it('keeps running instances on their version while new starts take the latest published', async () => {
    const { call, publish, start } = api();
    const v1 = fixtureJson('vacation.json');
    expect(await publish(v1, 'versions')).toBe(1);
    const first = await start('versions', { days: 2 });

    const v2 = { ...v1, name: 'Vacation request, second edition' };
    expect(await publish(v2, 'versions')).toBe(2);
    const second = await start('versions', { days: 2 });

    expect((await call('GET', `/api/v1/instances/${first}`)).json()).toMatchObject({ definitionVersion: 1 });
    expect((await call('GET', `/api/v1/instances/${second}`)).json()).toMatchObject({ definitionVersion: 2 });
    // The old version still runs to its end.
    const [task] = await api().openTasks(first);
    const done = await call('POST', `/api/v1/tasks/${task?.id}/complete`, {
      variables: {},
      outcome: 'approved',
    });
    expect(done.json().instance.status).toBe('completed');

    const latest = await call('GET', '/api/v1/definitions/versions');
    expect(latest.json()).toMatchObject({ version: 2, status: 'published', name: v2.name });
    const old = await call('GET', '/api/v1/definitions/versions?version=1');
    expect(old.json()).toMatchObject({
      version: 1,
      status: 'published',
      definition: { key: 'versions', version: 1 },
    });
  });

  it('stores a draft that does not compile, with its problems, and refuses to publish it (422)', async () => {
    const { call } = api();
    const saved = await call('PUT', '/api/v1/definitions/invalid/draft', fixtureJson('invalid.json'));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'invalid', version: 1, status: 'draft' });
    expect(saved.json().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', code: 'FLOW_TARGET_MISSING', flowId: 'f2' }),
      ]),
    );

    const checked = await call('POST', '/api/v1/definitions/invalid/validate');
    expect(checked.json()).toMatchObject({ ok: false });

    const refused = await call('POST', '/api/v1/definitions/invalid/publish');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ status: 422, code: 'INVALID_DEFINITION' });
    expect(refused.json().problems).toEqual(saved.json().problems);
    expect(refused.json().errors).toEqual(
      expect.arrayContaining([
        { path: expect.any(String), message: expect.stringContaining('FLOW_TARGET_MISSING') },
      ]),
    );

    const listed = (await call('GET', '/api/v1/definitions')).json().items;
    expect(listed).toContainEqual(
      expect.objectContaining({ key: 'invalid', version: 1, status: 'draft', publishedVersion: null }),
    );
  });

  it('validates a posted definition without storing it', async () => {
    const res = await api().call(
      'POST',
      '/api/v1/definitions/scratch/validate',
      fixtureJson('vacation.json'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, problems: [] });
    expect((await api().call('GET', '/api/v1/definitions/scratch')).statusCode).toBe(404);
  });

  it('replaces the draft until it is published, then starts the next version', async () => {
    const { call } = api();
    const put = (name: string) =>
      call('PUT', '/api/v1/definitions/drafts/draft', {
        ...fixtureJson('vacation.json'),
        key: undefined,
        name,
      });
    expect((await put('one')).json()).toMatchObject({ version: 1 });
    expect((await put('two')).json()).toMatchObject({ version: 1 });
    expect((await call('GET', '/api/v1/definitions/drafts')).json()).toMatchObject({
      version: 1,
      status: 'draft',
      name: 'two',
    });
    expect((await call('POST', '/api/v1/definitions/drafts/publish')).json()).toMatchObject({
      version: 1,
      status: 'published',
    });
    const again = await call('POST', '/api/v1/definitions/drafts/publish');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NO_DRAFT');
    expect((await put('three')).json()).toMatchObject({ version: 2 });
    expect((await call('GET', '/api/v1/definitions/drafts')).json()).toMatchObject({
      version: 1,
      status: 'published',
    });
    expect((await call('GET', '/api/v1/definitions/drafts?version=draft')).json()).toMatchObject({
      version: 2,
      name: 'three',
    });
  });

  it("refuses a body whose key is not the URL's", async () => {
    const res = await api().call('PUT', '/api/v1/definitions/other/draft', fixtureJson('vacation.json'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'KEY_MISMATCH',
      errors: [{ path: 'body.key', message: expect.any(String) }],
    });
  });

  it('imports BPMN under another key, keeps the source and exports it back', async () => {
    const { call } = api();
    const imported = await call(
      'POST',
      '/api/v1/definitions/import?key=holiday',
      fixtureText('vacation.bpmn'),
      {
        'content-type': 'text/xml',
      },
    );
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ key: 'holiday', version: 1 });
    const got = (await call('GET', '/api/v1/definitions/holiday')).json();
    expect(got).toMatchObject({
      key: 'holiday',
      status: 'draft',
      importedFromBpmn: true,
      name: 'Vacation request',
    });

    const xml = await call('GET', '/api/v1/definitions/holiday/bpmn');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml.body).toMatch(/^<\?xml/);
    expect(xml.body).toContain('<bpmn:userTask id="approve" name="Head approves"');
  });

  it('answers 422 naming the element when the BPMN cannot be imported, and stores nothing', async () => {
    const { call } = api();
    const res = await call('POST', '/api/v1/definitions/import', fixtureText('unsupported.bpmn'), {
      'content-type': 'application/xml',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'BPMN_UNSUPPORTED_ELEMENT', elementId: 'weigh' }),
    );
    expect(res.json().errors).toContainEqual({
      path: 'weigh',
      message: expect.stringContaining('BPMN_UNSUPPORTED_ELEMENT'),
    });
    expect((await call('GET', '/api/v1/definitions/routing')).statusCode).toBe(404);

    const garbage = await call('POST', '/api/v1/definitions/import', '<not-bpmn', {
      'content-type': 'application/xml',
    });
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().problems[0]).toMatchObject({ code: 'BPMN_MALFORMED_XML' });
  });

  it('keeps keys to 100 characters: a longer one in a path is a 400, a longer process id imports nothing', async () => {
    const { call } = api();
    const long = 'k'.repeat(101);
    const put = await call('PUT', `/api/v1/definitions/${long}/draft`, fixtureJson('vacation.json'));
    expect(put.statusCode).toBe(400);
    expect(put.json().errors).toEqual([{ path: 'params.key', message: 'must be at most 100 characters' }]);

    const bpmn = (id: string) =>
      `<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">\n  <bpmn:process id="${id}" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>\n</bpmn:definitions>`;
    const xml = { 'content-type': 'application/xml' };
    const refused = await call('POST', '/api/v1/definitions/import', bpmn(long), xml);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().problems).toEqual([
      expect.objectContaining({
        code: 'SCHEMA',
        path: 'key',
        message: expect.stringContaining('at most 100'),
      }),
    ]);
    const listed = (await call('GET', '/api/v1/definitions')).json().items as { key: string }[];
    expect(listed.map((d) => d.key)).not.toContain(long);

    const renamed = await call('POST', '/api/v1/definitions/import?key=short-key', bpmn(long), xml);
    expect(renamed.statusCode, renamed.body).toBe(201);
    expect(renamed.json()).toMatchObject({ key: 'short-key' });
  });

  it('answers 415 for a body type it does not read', async () => {
    const res = await api().call('POST', '/api/v1/definitions/import', 'hello', {
      'content-type': 'application/octet-stream',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
