import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createUser, type Session, signIn } from './support/people.ts';
import { errand } from './support/processes.ts';

/** Only ann may start `private`; she starts it for bob, who may not see the template itself. kim is not in it. */
apiSuite('the definition an instance runs on', (api) => {
  const as: Record<string, Session> = {};
  let instanceId = '';

  beforeAll(async () => {
    const a = api();
    for (const id of ['ann', 'bob', 'kim']) await createUser(a, { id });
    for (const id of ['ann', 'bob', 'kim']) as[id] = await signIn(a.app, id);
    await a.publish(errand('private', 'Private errand'));
    const rights = await a.call('PUT', '/api/v1/definitions/private/rights', {
      start: ['user:ann'],
      view: [],
      edit: [],
    });
    expect(rights.statusCode, rights.body).toBe(200);
    await a.publish(errand('private', 'Private errand, second edition'));
    const started = await as.ann?.call('POST', '/api/v1/instances', {
      definitionKey: 'private',
      params: { doer: 'bob' },
    });
    expect(started?.statusCode, started?.body).toBe(201);
    instanceId = started?.json().id;
  });

  it("answers the instance's own version to a participant who may not see the template", async () => {
    const bob = as.bob as Session;
    expect((await bob.call('GET', '/api/v1/definitions/private?version=2')).statusCode).toBe(404);
    const res = await bob.call('GET', `/api/v1/instances/${instanceId}/definition`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      key: 'private',
      version: 2,
      status: 'published',
      name: 'Private errand, second edition',
      definition: { key: 'private', version: 2, nodes: [{ id: 'start' }, { id: 'do' }, { id: 'end' }] },
    });
  });

  it('answers 404 to those who do not see the instance, and for an unknown instance', async () => {
    const hidden = await as.kim?.call('GET', `/api/v1/instances/${instanceId}/definition`);
    expect(hidden?.statusCode).toBe(404);
    expect(hidden?.json()).toMatchObject({ status: 404, detail: `instance ${instanceId} not found` });
    expect((await api().call('GET', '/api/v1/instances/nope/definition')).statusCode).toBe(404);
  });
});
