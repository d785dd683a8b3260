import { expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';

const departments = [
  'id,name,parent,head',
  'sales-msk,Sales Moscow,sales,olga',
  'sales,Sales,,ivan',
  'logistics,Logistics,,',
].join('\n');

const users = [
  'login,name,email,position,department,manager,password,roles,groups,timeZone',
  'olga,Olga Smirnova,olga@example.com,Head of Sales Moscow,sales-msk,,olga-secret-1,,,Europe/Moscow',
  'ivan,Ivan Petrov,ivan@example.com,Sales director,sales,,ivan-secret-1,owner,,',
  'petr,"Petrov, Petr",,Manager,sales-msk,,,manager@sales-msk,,',
  'lena,Lena,,Dispatcher,logistics,ivan,,,,',
].join('\r\n');

apiSuite('organisation CSV import', (api) => {
  it('imports departments and users in one go; parents, heads and managers may come later in the file', async () => {
    const { call } = api();
    await call('POST', '/api/v1/roles', { name: 'manager' });
    const res = await call('POST', '/api/v1/org/import', { departments, users });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      departments: { created: 3, updated: 0 },
      users: { created: 4, updated: 0 },
    });
    const byLogin = new Map(
      (await call('GET', '/api/v1/users?limit=200')).json().items.map((u: { login: string }) => [u.login, u]),
    );
    const id = (login: string) => (byLogin.get(login) as { id: string }).id;
    expect(byLogin.get('petr')).toMatchObject({
      name: 'Petrov, Petr',
      departmentId: 'sales-msk',
      headId: id('olga'),
      roles: [{ role: 'manager', departmentId: 'sales-msk' }],
      hasPassword: false,
    });
    expect(byLogin.get('olga')).toMatchObject({
      headId: id('ivan'),
      timeZone: 'Europe/Moscow',
      hasPassword: true,
    });
    expect(byLogin.get('lena')).toMatchObject({ managerId: id('ivan'), headId: id('ivan') });
    expect((await call('GET', '/api/v1/departments/sales-msk')).json()).toMatchObject({
      parentId: 'sales',
      headId: id('olga'),
    });
  });

  it('reports every error by row and column, and imports nothing', async () => {
    const { call } = api();
    const before = (await call('GET', '/api/v1/users?limit=200')).json().items.length;
    const badDepartments = ['id,name,parent,head', 'qa,QA,,nobody', 'ops,Operations,nowhere,'].join('\n');
    const badUsers = [
      'login,name,email,department,manager,password,active',
      'good1,Good One,,qa,,good-password,',
      'bad1,Bad One,not-an-email,qa,,,maybe',
      'bad2,Bad Two,,atlantis,ghost,short,',
      'good1,Duplicate,,,,,',
      ',No login,,,,,',
    ].join('\n');
    const res = await call('POST', '/api/v1/org/import', { departments: badDepartments, users: badUsers });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_FAILED',
      detail: 'the import has 9 errors; nothing was imported',
    });
    expect(res.json().errors).toEqual([
      { path: 'departments.2.head', row: 2, message: 'no active user with login nobody' },
      { path: 'departments.3.parent', row: 3, message: 'no department nowhere (in this file or stored)' },
      { path: 'users.3.email', row: 3, message: '"not-an-email" is not an e-mail address' },
      { path: 'users.3.active', row: 3, message: '"maybe" is not true or false' },
      { path: 'users.4.password', row: 4, message: 'at least 8 characters' },
      { path: 'users.4.department', row: 4, message: 'no department atlantis' },
      { path: 'users.4.manager', row: 4, message: 'no user with login ghost' },
      { path: 'users.5.login', row: 5, message: 'good1 is also in row 2' },
      { path: 'users.6.login', row: 6, message: 'letters, digits and ._@+- only' },
    ]);
    expect((await call('GET', '/api/v1/users?limit=200')).json().items).toHaveLength(before);
    expect((await call('GET', '/api/v1/departments/qa')).statusCode).toBe(404);
  });

  it('reports a department cycle in the file and an unknown column', async () => {
    const { call } = api();
    const cycle = ['id,name,parent', 'a1,A,b1', 'b1,B,a1'].join('\n');
    const res = await call('POST', '/api/v1/org/import', {
      departments: cycle,
      users: 'login,name,shoe size\nx,X,42',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'departments.2.parent', row: 2, message: 'department a1 would be inside itself' },
      { path: 'departments.3.parent', row: 3, message: 'department b1 would be inside itself' },
      expect.objectContaining({
        path: 'users.1.shoe size',
        row: 1,
        message: expect.stringMatching(/^unknown column/),
      }),
    ]);
  });

  it('imports 10,000 departments in one go, each under its parent', async () => {
    const { call } = api();
    const rows = ['id,name,parent', 'hq,Head office,'];
    for (let i = 0; i < 10_000; i++)
      rows.push(`branch${i},Branch ${i},${i % 100 === 0 ? 'hq' : `branch${i - (i % 100)}`}`);
    const res = await call('POST', '/api/v1/org/import', { departments: rows.join('\n') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().departments).toEqual({ created: 10_001, updated: 0 });
    const branch = (await call('GET', '/api/v1/departments/branch9999')).json();
    expect(branch).toMatchObject({ id: 'branch9999', parentId: 'branch9900' });
  });

  it('refuses reporting lines over 50 heads, naming the rows, and writes nothing; 50 are fine', async () => {
    const { call } = api();
    /** A chain of `n` managers: each row managed by the one above it. */
    const chain = (prefix: string, n: number) =>
      [
        'login,name,manager',
        ...Array.from(
          { length: n },
          (_, i) => `${prefix}${i},Link ${i},${i === 0 ? '' : `${prefix}${i - 1}`}`,
        ),
      ].join('\n');
    const fits = await call('POST', '/api/v1/org/import', { users: chain('fit', 51) });
    expect(fits.statusCode, fits.body).toBe(200);
    // 2,000 deep took 75 s of the server's one thread (a row per user and head above); refused at once now.
    const res = await call('POST', '/api/v1/org/import', { users: chain('deep', 2_000) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'REPORTING_LINE_TOO_LONG',
      detail:
        'reporting lines would be longer than 50 heads: deep51, deep52, deep53, deep54, deep55 and 1944 more',
    });
    expect(res.json().errors).toHaveLength(2_000 - 51);
    expect(res.json().errors).toContainEqual({
      path: 'users.53.manager',
      message: 'more than 50 heads above deep51',
    });
    const logins = (await call('GET', '/api/v1/users?limit=200'))
      .json()
      .items.map((u: { login: string }) => u.login);
    expect(logins).not.toContain('deep0');
  });

  it('rolls back rows already written when a manager circle shows up at the end', async () => {
    const { call } = api();
    const circle = ['login,name,manager', 'ring1,Ring One,ring2', 'ring2,Ring Two,ring1'].join('\n');
    const res = await call('POST', '/api/v1/org/import', { users: circle });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'MANAGER_CYCLE' });
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['users.2.manager', 'users.3.manager']);
    const logins = (await call('GET', '/api/v1/users?limit=200'))
      .json()
      .items.map((u: { login: string }) => u.login);
    expect(logins).not.toContain('ring1');
  });

  it('takes one text/csv file with ?kind=, checks with dryRun, and updates on a second import', async () => {
    const { call } = api();
    const csv = 'id;name;parent\nwarehouse;Склад;logistics\n';
    const dry = await call('POST', '/api/v1/org/import?kind=departments&dryRun=true', csv, {
      'content-type': 'text/csv',
    });
    expect(dry.json()).toEqual({
      dryRun: true,
      departments: { created: 1, updated: 0 },
      users: { created: 0, updated: 0 },
    });
    expect((await call('GET', '/api/v1/departments/warehouse')).statusCode).toBe(404);
    const real = await call('POST', '/api/v1/org/import?kind=departments', csv, {
      'content-type': 'text/csv',
    });
    expect(real.json().departments).toEqual({ created: 1, updated: 0 });
    const renamed = await call(
      'POST',
      '/api/v1/org/import?kind=departments',
      'id,name\nwarehouse,Main warehouse',
      {
        'content-type': 'text/csv',
      },
    );
    expect(renamed.json().departments).toEqual({ created: 0, updated: 1 });
    expect((await call('GET', '/api/v1/departments/warehouse')).json()).toMatchObject({
      name: 'Main warehouse',
      parentId: 'logistics',
    });
    const noKind = await call('POST', '/api/v1/org/import', csv, { 'content-type': 'text/csv' });
    expect(noKind.statusCode).toBe(400);
  });
});
