import { createDirectory, type OrgSnapshotJson, snapshotFromJson } from '@baton/engine';
import { beforeAll, expect, it } from 'vitest';
import { type Api, apiSuite, fixtureJson } from './api-harness.ts';
import { addPeople, tasksOf } from './support/org.ts';
import { signIn } from './support/people.ts';

/**
 * company (head vera) ⊃ sales (head boris: ivan, dan, acc the accountant); the board is vera and boris.
 * boris is on vacation around the suite's start (Monday 2029-12-31 09:00 UTC), dan deputises; ivan's
 * vacation in early December is over. eve may edit one template and holds no role.
 */
async function organisation(api: Api): Promise<void> {
  await addPeople(api, {
    roles: ['accountant'],
    departments: [
      { id: 'company', head: 'vera' },
      { id: 'sales', parentId: 'company', head: 'boris' },
    ],
    users: [
      { id: 'vera', departmentId: 'company' },
      { id: 'boris', departmentId: 'sales' },
      { id: 'ivan', departmentId: 'sales', canSignIn: true },
      { id: 'dan', departmentId: 'sales' },
      { id: 'acc', departmentId: 'sales', roles: ['accountant'] },
      { id: 'eve', departmentId: 'company', canSignIn: true },
    ],
  });
  const ok = async (method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown, status = 200) => {
    const res = await api.call(method, url, body);
    expect(res.statusCode, res.body).toBe(status);
  };
  await ok('PATCH', '/api/v1/users/vera', { name: 'Vera Petrova' });
  await ok('POST', '/api/v1/groups', { name: 'board', title: 'Board', members: ['vera', 'boris'] }, 201);
  const away = { kind: 'vacation', deputyId: 'dan' };
  await ok(
    'POST',
    '/api/v1/absences',
    { userId: 'boris', from: '2029-12-30', to: '2030-01-20', ...away },
    201,
  );
  await ok(
    'POST',
    '/api/v1/absences',
    { userId: 'ivan', from: '2029-12-01', to: '2029-12-10', ...away },
    201,
  );
  await api.publish(fixtureJson('people/vacation.json'));
  await ok('PUT', '/api/v1/definitions/vacation-request/rights', {
    start: ['everyone'],
    view: [],
    edit: ['user:eve'],
  });
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

apiSuite('the organisation directory snapshot', (api) => {
  beforeAll(async () => {
    await organisation(api());
  });

  it('answers users with names and heads, departments, role holdings, groups and the absences not over', async () => {
    const res = await api().call('GET', '/api/v1/org/directory');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as OrgSnapshotJson & { users: { name: string }[] };
    expect(byId(body.users).filter((u) => u.id !== 'admin')).toEqual([
      { id: 'acc', login: 'acc', name: 'acc', active: true, heads: ['boris', 'vera'] },
      { id: 'boris', login: 'boris', name: 'boris', active: true, heads: ['vera'] },
      { id: 'dan', login: 'dan', name: 'dan', active: true, heads: ['boris', 'vera'] },
      { id: 'eve', login: 'eve', name: 'eve', active: true, heads: ['vera'] },
      { id: 'ivan', login: 'ivan', name: 'ivan', active: true, heads: ['boris', 'vera'] },
      { id: 'vera', login: 'vera', name: 'Vera Petrova', active: true, heads: [] },
    ]);
    expect(byId(body.departments)).toEqual([
      { id: 'company', parentId: null, headId: 'vera' },
      { id: 'sales', parentId: 'company', headId: 'boris' },
    ]);
    expect(body.roles).toContainEqual({
      role: 'accountant',
      departmentId: null,
      userId: 'acc',
      userDepartmentId: 'sales',
    });
    expect(body.roles).toContainEqual(expect.objectContaining({ role: 'administrator', userId: 'admin' }));
    expect(body.groups).toEqual([{ name: 'board', members: ['boris', 'vera'] }]);
    expect(body.absences).toEqual([
      {
        id: expect.any(String),
        userId: 'boris',
        kind: 'vacation',
        deputyId: 'dan',
        startsAt: '2029-12-29T21:00:00.000Z',
        endsAt: '2030-01-20T21:00:00.000Z',
      },
    ]);
  });

  it('assigns as the server does: head:ivan is boris, who is away, so the task goes to dan', async () => {
    const snapshot = (await api().call('GET', '/api/v1/org/directory')).json() as OrgSnapshotJson;
    const expected = createDirectory(snapshotFromJson(snapshot)).expand(['head:ivan'], api().clock.now);
    expect(expected).toEqual([{ assignee: 'dan', meantFor: 'boris', reason: 'vacation' }]);

    const ivan = await signIn(api().app, 'ivan');
    const started = await ivan.call('POST', '/api/v1/instances', {
      definitionKey: 'vacation-request',
      params: { from: '2030-02-01', to: '2030-02-14' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const [approve] = await tasksOf(api(), started.json().id, 'open');
    expect(approve?.assignees).toEqual(expected.map((a) => a.assignee));
    expect(approve?.redirects).toEqual(expected);
  });

  it('is for template editors and administrators: an employee gets 403, no credentials 401', async () => {
    const eve = await signIn(api().app, 'eve');
    expect((await eve.call('GET', '/api/v1/org/directory')).statusCode).toBe(200);
    const ivan = await signIn(api().app, 'ivan');
    const refused = await ivan.call('GET', '/api/v1/org/directory');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    const anonymous = await api().call('GET', '/api/v1/org/directory', undefined, { authorization: '' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHORIZED');
  });
});
