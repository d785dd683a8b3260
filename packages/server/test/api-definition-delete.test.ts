import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createUser, type Session, signIn } from './support/people.ts';
import { errand } from './support/processes.ts';

const listedKeys = async (call: Session['call']) => {
  const res = await call('GET', '/api/v1/definitions');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { key: string }[]).map((d) => d.key);
};

/** ann and bob are employees; eve may edit the template `guarded`; kim sees nothing of `hidden`. */
apiSuite('deleting a template', (api) => {
  const as: Record<string, Session> = {};
  const user = (who: string) => as[who] as Session;

  beforeAll(async () => {
    const a = api();
    for (const id of ['ann', 'bob', 'eve', 'kim']) await createUser(a, { id });
    for (const id of ['ann', 'bob', 'eve', 'kim']) as[id] = await signIn(a.app, id);
  });

  it('hides it from lists, reads and starts, while a running instance completes on its version', async () => {
    const { call, publish } = api();
    await publish(errand('chores'));
    const started = await user('ann').call('POST', '/api/v1/instances', {
      definitionKey: 'chores',
      params: { doer: 'bob' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const instanceId = started.json().id as string;

    const deleted = await call('DELETE', '/api/v1/definitions/chores');
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');

    expect(await listedKeys(call)).not.toContain('chores');
    expect(await listedKeys(user('ann').call)).not.toContain('chores');
    for (const url of [
      '/api/v1/definitions/chores',
      '/api/v1/definitions/chores?version=1',
      '/api/v1/definitions/chores/bpmn',
      '/api/v1/definitions/chores/rights',
    ]) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const refused = await user('ann').call('POST', '/api/v1/instances', {
      definitionKey: 'chores',
      params: { doer: 'bob' },
    });
    expect(refused.statusCode, refused.body).toBe(404);

    // The instance started before keeps running: its card opens for the people in it, with the diagram of
    // its version; its task completes.
    const card = await user('bob').call('GET', `/api/v1/instances/${instanceId}`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ definitionKey: 'chores', definitionVersion: 1, status: 'running' });
    const drawn = await user('bob').call('GET', `/api/v1/instances/${instanceId}/definition`);
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json()).toMatchObject({ key: 'chores', version: 1, status: 'published' });
    expect(drawn.json().definition.nodes.map((n: { id: string }) => n.id)).toEqual(['start', 'do', 'end']);
    const outsider = await user('kim').call('GET', `/api/v1/instances/${instanceId}/definition`);
    expect(outsider.statusCode, outsider.body).toBe(404);
    const [task] = await api().openTasks(instanceId);
    const done = await user('bob').call('POST', `/api/v1/tasks/${task?.id}/complete`, { variables: {} });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().instance.status).toBe('completed');
    const history = (await user('ann').call('GET', `/api/v1/instances/${instanceId}`)).json().history;
    expect(history.map((h: { type: string }) => h.type)).toContain('instance.completed');
  });

  it('answers 404 problem+json for an unknown key and for one already deleted', async () => {
    const { call, publish } = api();
    const unknown = await call('DELETE', '/api/v1/definitions/no-such-template');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ status: 404, detail: 'definition no-such-template not found' });

    await publish(errand('twice'));
    expect((await call('DELETE', '/api/v1/definitions/twice')).statusCode).toBe(204);
    expect((await call('DELETE', '/api/v1/definitions/twice')).statusCode).toBe(404);
  });

  it('lets only those who may edit the template delete it: 403 if they see it, 404 if they do not', async () => {
    const { call, publish } = api();
    await publish(errand('guarded'));
    await publish(errand('hidden'));
    const rights = async (key: string, body: Record<string, string[]>) => {
      const res = await call('PUT', `/api/v1/definitions/${key}/rights`, {
        start: ['everyone'],
        view: [],
        edit: [],
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await rights('guarded', { edit: ['user:eve'] });
    await rights('hidden', { start: ['user:ann'] });

    const starter = await user('ann').call('DELETE', '/api/v1/definitions/guarded');
    expect(starter.statusCode, starter.body).toBe(403);
    expect(starter.json()).toMatchObject({ code: 'FORBIDDEN' });
    const stranger = await user('kim').call('DELETE', '/api/v1/definitions/hidden');
    expect(stranger.statusCode, stranger.body).toBe(404);
    expect(await listedKeys(call)).toEqual(expect.arrayContaining(['guarded', 'hidden']));

    const editor = await user('eve').call('DELETE', '/api/v1/definitions/guarded');
    expect(editor.statusCode, editor.body).toBe(204);
    expect(await listedKeys(call)).not.toContain('guarded');
  });

  it('lets the key be used again: a new template numbered after the deleted versions', async () => {
    const { call, publish, start } = api();
    await publish(errand('reborn', 'First life'));
    expect(await publish(errand('reborn', 'First life, revised'))).toBe(2);
    const draft = await call('PUT', '/api/v1/definitions/reborn/draft', errand('reborn', 'Unfinished'));
    expect(draft.json()).toMatchObject({ version: 3, status: 'draft' });
    const old = await start('reborn', { doer: 'bob' });
    expect((await call('DELETE', '/api/v1/definitions/reborn')).statusCode).toBe(204);

    // The deleted draft is not replaced: the new template takes the next number.
    const again = await call('PUT', '/api/v1/definitions/reborn/draft', errand('reborn', 'Second life'));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ key: 'reborn', version: 4, status: 'draft' });
    const listed = (await call('GET', '/api/v1/definitions')).json().items;
    expect(listed).toContainEqual(
      expect.objectContaining({ key: 'reborn', name: 'Second life', version: 4, publishedVersion: null }),
    );
    // Versions of the deleted template are not part of the new one.
    expect((await call('GET', '/api/v1/definitions/reborn?version=2')).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/instances', { definitionKey: 'reborn' })).statusCode).toBe(404);

    const published = await call('POST', '/api/v1/definitions/reborn/publish');
    expect(published.json()).toMatchObject({ version: 4, status: 'published', name: 'Second life' });
    const fresh = await start('reborn', { doer: 'bob' });
    expect((await call('GET', `/api/v1/instances/${fresh}`)).json()).toMatchObject({ definitionVersion: 4 });
    expect((await call('GET', `/api/v1/instances/${old}`)).json()).toMatchObject({
      definitionVersion: 2,
      status: 'running',
    });
  });
});
