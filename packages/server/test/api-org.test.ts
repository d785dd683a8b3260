import { expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createUser, signIn } from './support/people.ts';

apiSuite('organisation: users, departments, roles, groups', (api) => {
  it('creates departments and users with the contract bodies; a user’s head follows the tree', async () => {
    const { call } = api();
    const company = await call('POST', '/api/v1/departments', {
      id: 'hq',
      name: 'Company',
      parentId: null,
      headId: null,
    });
    expect(company.statusCode, company.body).toBe(201);
    expect(company.json()).toMatchObject({ id: 'hq', name: 'Company', parentId: null, headId: null });
    const director = await call('POST', '/api/v1/users', {
      login: 'vera',
      name: 'Vera Director',
      password: 'director-pass',
      departmentId: 'hq',
      position: 'Director',
    });
    expect(director.statusCode, director.body).toBe(201);
    expect(director.json()).toMatchObject({
      id: expect.any(String),
      login: 'vera',
      departmentId: 'hq',
      position: 'Director',
      active: true,
      hasPassword: true,
      headId: null,
    });
    const vera = director.json().id as string;
    await call('PATCH', '/api/v1/departments/hq', { headId: vera });

    const sales = await call('POST', '/api/v1/departments', { name: 'Sales', parentId: 'hq', headId: null });
    expect(sales.statusCode).toBe(201);
    const salesId = sales.json().id as string;
    const ann = await call('POST', '/api/v1/users', {
      login: 'ann.s',
      name: 'Ann Sales',
      password: 'ann-password',
      departmentId: salesId,
      position: 'Sales manager',
      email: 'ann@example.com',
      locale: 'ru-RU',
      timeZone: 'Europe/Moscow',
    });
    expect(ann.json()).toMatchObject({ headId: vera, locale: 'ru-RU', timeZone: 'Europe/Moscow' });

    const boris = await call('POST', '/api/v1/users', {
      login: 'boris',
      name: 'Boris',
      departmentId: salesId,
    });
    await call('PATCH', `/api/v1/departments/${salesId}`, { headId: boris.json().id });
    const annAgain = await call('GET', `/api/v1/users/${ann.json().id}`);
    expect(annAgain.json().headId).toBe(boris.json().id);
    expect((await call('GET', `/api/v1/users/${boris.json().id}`)).json().headId).toBe(vera);

    const override = await call('PATCH', `/api/v1/users/${ann.json().id}`, { managerId: vera });
    expect(override.json()).toMatchObject({ managerId: vera, headId: vera });
  });

  it('rejects a department under itself or under one inside it: 422 DEPARTMENT_CYCLE naming the department', async () => {
    const { call } = api();
    await call('POST', '/api/v1/departments', { id: 'north', name: 'North' });
    await call('POST', '/api/v1/departments', { id: 'north-1', name: 'North, branch 1', parentId: 'north' });
    await call('POST', '/api/v1/departments', {
      id: 'north-1a',
      name: 'Branch 1, team A',
      parentId: 'north-1',
    });

    const res = await call('PATCH', '/api/v1/departments/north', { parentId: 'north-1a' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'DEPARTMENT_CYCLE',
      detail:
        'department "North" (north) cannot be placed under "Branch 1, team A" (north-1a), which is inside it',
      errors: [{ path: 'body.parentId' }],
    });
    const self = await call('PATCH', '/api/v1/departments/north-1', { parentId: 'north-1' });
    expect(self.json()).toMatchObject({
      code: 'DEPARTMENT_CYCLE',
      detail: expect.stringContaining('(north-1) cannot be its own parent'),
    });
    expect((await call('GET', '/api/v1/departments/north')).json().parentId).toBeNull();
  });

  it('rejects managers that go round in a circle (422 MANAGER_CYCLE) and keeps the user as they were', async () => {
    const { call } = api();
    await createUser(api(), { id: 'm1', departmentId: null });
    await createUser(api(), { id: 'm2', departmentId: null, managerId: 'm1' });
    const res = await call('PATCH', '/api/v1/users/m1', { managerId: 'm2' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'MANAGER_CYCLE',
      errors: [{ path: 'body.managerId' }, { path: 'body.managerId' }],
    });
    expect((await call('GET', '/api/v1/users/m1')).json().managerId).toBeNull();
  });

  it('names each unknown reference, refuses a taken login (409) and a bad time zone', async () => {
    const { call } = api();
    const res = await call('POST', '/api/v1/users', {
      login: 'zed',
      name: 'Zed',
      departmentId: 'nowhere',
      managerId: 'nobody',
      roles: [{ role: 'no-such-role' }],
      groups: ['no-such-group'],
      timeZone: 'Mars/Olympus',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.timeZone',
      'body.departmentId',
      'body.managerId',
      'body.roles.0.role',
      'body.groups.0',
    ]);
    await createUser(api(), { id: 'taken' });
    const again = await call('POST', '/api/v1/users', { login: 'TAKEN', name: 'Other' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'LOGIN_TAKEN',
      errors: [{ path: 'body.login', message: 'taken' }],
    });
    const role = await call('POST', '/api/v1/roles', { name: 'clash', title: 'Clash' });
    expect(role.statusCode, role.body).toBe(201);
    const twice = await call('POST', '/api/v1/roles', { name: 'clash', title: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'ROLE_EXISTS', errors: [{ path: 'body.name' }] });
  });

  it('holds roles company-wide or in a department, and groups; filters users by them', async () => {
    const { call } = api();
    expect((await call('POST', '/api/v1/roles', { name: 'accountant', title: 'Бухгалтер' })).statusCode).toBe(
      201,
    );
    expect((await call('POST', '/api/v1/departments', { id: 'branch-2', name: 'Branch 2' })).statusCode).toBe(
      201,
    );
    expect(
      (await call('POST', '/api/v1/groups', { name: 'safety-board', title: 'Safety board' })).statusCode,
    ).toBe(201);
    await createUser(api(), { id: 'acc1', roles: [{ role: 'accountant', departmentId: 'branch-2' }] });
    const patched = await call('PATCH', '/api/v1/users/acc1', { groups: ['safety-board'] });
    expect(patched.json()).toMatchObject({
      roles: [{ role: 'accountant', departmentId: 'branch-2' }],
      groups: ['safety-board'],
    });
    const accountants = await call('GET', '/api/v1/users?role=accountant');
    expect(accountants.json().items.map((u: { id: string }) => u.id)).toEqual(['acc1']);
    expect((await call('GET', '/api/v1/groups/safety-board')).json().members).toEqual(['acc1']);
    const roles = (await call('GET', '/api/v1/roles')).json().items;
    expect(roles.filter((r: { builtin: boolean }) => r.builtin).map((r: { name: string }) => r.name)).toEqual(
      ['administrator', 'owner', 'processAdministrator'],
    );
    const builtin = await call('DELETE', '/api/v1/roles/owner');
    expect(builtin.json().code).toBe('BUILTIN_ROLE');
    const scoped = await call('PATCH', '/api/v1/users/acc1', {
      roles: [{ role: 'owner', departmentId: 'branch-2' }],
    });
    expect(scoped.statusCode).toBe(422);
  });

  it('removes only empty departments (409 DEPARTMENT_NOT_EMPTY)', async () => {
    const { call } = api();
    await call('POST', '/api/v1/departments', { id: 'full', name: 'Full' });
    await createUser(api(), { id: 'inside', departmentId: 'full' });
    const busy = await call('DELETE', '/api/v1/departments/full');
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({
      code: 'DEPARTMENT_NOT_EMPTY',
      detail: expect.stringContaining('user inside'),
    });
    await call('PATCH', '/api/v1/users/inside', { departmentId: null });
    expect((await call('DELETE', '/api/v1/departments/full')).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/departments/full')).statusCode).toBe(404);
  });

  it('lets employees read the directory but not change it (403)', async () => {
    await createUser(api(), { id: 'reader' });
    const reader = await signIn(api().app, 'reader');
    expect((await reader.call('GET', '/api/v1/users?limit=2')).statusCode).toBe(200);
    expect((await reader.call('GET', '/api/v1/departments')).statusCode).toBe(200);
    const create = await reader.call('POST', '/api/v1/departments', { name: 'Mine' });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('FORBIDDEN');
    expect((await reader.call('PATCH', '/api/v1/users/reader', { position: 'Boss' })).statusCode).toBe(403);
  });

  it('keeps an active administrator (409 LAST_ADMINISTRATOR)', async () => {
    const res = await api().call('PATCH', '/api/v1/users/admin', { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_ADMINISTRATOR');
    const roles = await api().call('PATCH', '/api/v1/users/admin', { roles: [] });
    expect(roles.json().code).toBe('LAST_ADMINISTRATOR');
  });

  it('pages through users by login', async () => {
    const { call } = api();
    const first = (await call('GET', '/api/v1/users?limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await call('GET', `/api/v1/users?limit=3&cursor=${first.nextCursor}`)).json();
    const logins = [...first.items, ...second.items].map((u: { login: string }) => u.login);
    expect(logins).toEqual([...logins].sort());
    expect(new Set(logins).size).toBe(logins.length);
  });
});
