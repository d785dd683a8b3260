import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createDepartment, createUser, type Session, setHead, signIn } from './support/people.ts';

/**
 * The library of standard processes: the bootstrap administrator reads it in English (no locale),
 * petra — a process administrator with a Russian locale — in Russian; ivan is an employee of Sales,
 * headed by olga; anna and helen take the accountant's and HR's tasks once the roles exist.
 */
apiSuite('library of standard processes', (api) => {
  const as: Record<string, Session> = {};

  beforeAll(async () => {
    const a = api();
    await createDepartment(a, { id: 'sales', name: 'Sales' });
    for (const id of ['olga', 'ivan', 'anna', 'helen']) await createUser(a, { id, departmentId: 'sales' });
    await createUser(a, { id: 'petra', roles: [{ role: 'processAdministrator' }] });
    expect((await a.call('PATCH', '/api/v1/users/petra', { locale: 'ru-RU' })).statusCode).toBe(200);
    await setHead(a, 'sales', 'olga');
    for (const id of ['petra', 'olga', 'ivan', 'anna', 'helen']) as[id] = await signIn(a.app, id);
  });

  const library = async (call: Session['call']) => {
    const res = await call('GET', '/api/v1/library');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { key: string; name: string; roles: string[]; installed: boolean }[];
  };
  const install = (call: Session['call'], key: string, body: Record<string, unknown> = {}) =>
    call('POST', `/api/v1/library/${key}/install`, body);

  it('lists the standard processes in the reader’s language', async () => {
    const english = await library(api().call);
    expect(english.map((i) => i.key)).toEqual([
      'vacation',
      'time-off',
      'onboarding',
      'dismissal',
      'business-trip',
      'acknowledgment',
      'file-acknowledgment',
      'purchase',
      'contract-approval',
    ]);
    expect(english[0]).toEqual({
      key: 'vacation',
      name: 'Vacation request',
      description: expect.stringContaining('head approves'),
      icon: 'beach',
      roles: ['accountant', 'hr'],
      installed: false,
    });
    const russian = await library(as.petra?.call ?? api().call);
    expect(russian.find((i) => i.key === 'purchase')).toMatchObject({
      name: 'Закупка товаров',
      roles: ['director', 'procurement', 'accountant', 'warehouse'],
      installed: false,
    });
    // The app's language, when the reader chose one other than their locale, wins.
    const asked = await api().call('GET', '/api/v1/library?language=ru');
    expect(asked.json().items[0]).toMatchObject({ key: 'vacation', name: 'Заявление на отпуск' });
  });

  it('installs a draft, creating the missing roles, and marks it installed', async () => {
    const { call } = api();
    const res = await install(call, 'vacation');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      key: 'vacation',
      version: 1,
      status: 'draft',
      rolesCreated: ['accountant', 'hr'],
    });

    const stored = (await call('GET', '/api/v1/definitions/vacation?version=draft')).json();
    expect(stored).toMatchObject({ status: 'draft', name: 'Vacation request' });
    expect(stored.definition.nodes).toContainEqual(
      expect.objectContaining({ id: 'approve', name: 'Head approves' }),
    );
    expect(stored.definition).not.toHaveProperty('texts');
    const roles = (await call('GET', '/api/v1/roles')).json().items;
    expect(roles).toContainEqual(expect.objectContaining({ name: 'hr', title: 'HR', builtin: false }));
    expect((await library(call)).find((i) => i.key === 'vacation')?.installed).toBe(true);
  });

  it('refuses a taken key with 409 and installs under another definitionKey', async () => {
    const { call } = api();
    const taken = await install(call, 'vacation', { publish: true });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'DEFINITION_EXISTS',
      errors: [{ path: 'body.definitionKey', message: expect.any(String) }],
    });
    expect((await call('GET', '/api/v1/definitions/vacation')).json()).toMatchObject({ status: 'draft' });

    const again = await install(call, 'vacation', { definitionKey: 'vacation-2' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual({ key: 'vacation-2', version: 1, status: 'draft', rolesCreated: [] });
    expect((await install(call, 'vacation', { definitionKey: 'bad key' })).statusCode).toBe(400);
    const russian = await install(call, 'vacation', { definitionKey: 'vacation-ru', language: 'ru' });
    expect(russian.statusCode, russian.body).toBe(201);
    expect((await call('GET', '/api/v1/definitions/vacation-ru')).json().name).toBe('Заявление на отпуск');
  });

  it('installs and publishes in Russian for a process administrator, creating only the roles still missing', async () => {
    const petra = as.petra?.call ?? api().call;
    const res = await install(petra, 'purchase', { publish: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      key: 'purchase',
      version: 1,
      status: 'published',
      rolesCreated: ['director', 'procurement', 'warehouse'],
    });
    const published = (await api().call('GET', '/api/v1/definitions/purchase')).json();
    expect(published).toMatchObject({ status: 'published', name: 'Закупка товаров' });
    const roles = (await api().call('GET', '/api/v1/roles')).json().items;
    expect(roles).toContainEqual(expect.objectContaining({ name: 'director', title: 'Директор' }));
    expect(roles.filter((r: { name: string }) => r.name === 'accountant')).toHaveLength(1);

    const contract = await install(petra, 'contract-approval', { publish: true });
    expect(contract.json()).toMatchObject({ status: 'published', rolesCreated: ['lawyer'] });
  });

  it('is for process administrators: 403 for an employee, 404 for an unknown template', async () => {
    const ivan = as.ivan?.call ?? api().call;
    expect((await ivan('GET', '/api/v1/library')).statusCode).toBe(403);
    const refused = await install(ivan, 'time-off');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await api().call('GET', '/api/v1/definitions/time-off')).statusCode).toBe(404);

    const unknown = await install(api().call, 'coffee-break');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
  });

  it('runs the installed vacation request to its end: the head approves, accounting and HR act', async () => {
    const { call } = api();
    expect((await call('POST', '/api/v1/definitions/vacation/publish')).statusCode).toBe(200);
    expect((await call('PATCH', '/api/v1/users/anna', { roles: [{ role: 'accountant' }] })).statusCode).toBe(
      200,
    );
    expect((await call('PATCH', '/api/v1/users/helen', { roles: [{ role: 'hr' }] })).statusCode).toBe(200);

    const started = await as.ivan?.call('POST', '/api/v1/instances', {
      definitionKey: 'vacation',
      params: { vacationType: 'annual', firstDay: '2030-07-01', days: 14, note: 'At the sea' },
    });
    expect(started?.statusCode, started?.body).toBe(201);
    const id = started?.json().id as string;

    const answer = async (who: string, nodeId: string, body: Record<string, unknown>) => {
      const task = (await api().openTasks(id)).find((t) => t.nodeId === nodeId);
      const res = await as[who]?.call('POST', `/api/v1/tasks/${task?.id}/complete`, body);
      expect(res?.statusCode, res?.body).toBe(200);
      return res?.json().instance.status as string;
    };
    const [approve] = (await call('GET', `/api/v1/tasks?instanceId=${id}&status=open`)).json().items;
    expect(approve).toMatchObject({
      nodeId: 'approve',
      kind: 'approve',
      title: 'Approve a vacation: 14 days from 1 July 2030',
      assignees: ['olga'],
    });
    expect(await answer('olga', 'approve', { outcome: 'approved', comment: 'Have a rest' })).toBe('running');
    expect((await api().openTasks(id)).map((t) => t.nodeId).sort()).toEqual(['accounting', 'hr']);
    expect(await answer('anna', 'accounting', { variables: { vacationPay: 42_000 } })).toBe('running');
    expect(await answer('helen', 'hr', { variables: { orderNumber: 'O-17' } })).toBe('completed');

    const instance = (await call('GET', `/api/v1/instances/${id}`)).json();
    expect(instance).toMatchObject({
      status: 'completed',
      variables: { approved: true, vacationPay: 42_000, orderNumber: 'O-17' },
    });
    expect(instance.progress.nodes).toMatchObject({ done: 'done' });
    expect(instance.progress.nodes).not.toHaveProperty('refused');
  });

  it('installs one of two installs of one key at the same moment; the other is told the key is taken', async () => {
    const { call } = api();
    const both = await Promise.all([
      install(call, 'purchase', { definitionKey: 'purchase-race', language: 'en' }),
      install(call, 'purchase', { definitionKey: 'purchase-race', language: 'ru' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json().code).toBe('DEFINITION_EXISTS');
    expect((await call('GET', '/api/v1/definitions/purchase-race')).json()).toMatchObject({
      version: 1,
      status: 'draft',
    });
  });
});
