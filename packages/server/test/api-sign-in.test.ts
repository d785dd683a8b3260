import pino from 'pino';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { boot } from '../src/runtime/boot.ts';
import { ADMIN_PASSWORD, apiSuite } from './api-harness.ts';
import { createTestDatabase } from './support/databases.ts';
import { createUser, PASSWORD, setCookies, signIn } from './support/people.ts';

const MINUTE = 60_000;

apiSuite('sign-in, sessions and CSRF', (api, dialect) => {
  it('signs in with a password: the user, a CSRF token, an httpOnly SameSite=Lax session cookie', async () => {
    await createUser(api(), { id: 'ann', name: 'Ann Petrova', position: 'Accountant' });
    const res = await api().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'Ann', password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: 'ann', login: 'ann', name: 'Ann Petrova', position: 'Accountant' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookies = setCookies(res);
    expect(cookies.get('baton_session')).toMatch(
      /^baton_session=[^;]+; Path=\/; Max-Age=43200; SameSite=Lax; HttpOnly$/,
    );
    expect(cookies.get('baton_csrf')).toBe(
      `baton_csrf=${body.csrfToken}; Path=/; Max-Age=43200; SameSite=Lax`,
    );
  });

  it('stores a password only as a salted scrypt hash', async () => {
    await createUser(api(), { id: 'hash-1' });
    await createUser(api(), { id: 'hash-2' });
    const stored = await api()
      .baton.rt.db.kysely.selectFrom('users')
      .select('password_hash')
      .where('id', 'in', ['hash-1', 'hash-2'])
      .execute();
    const hashes = stored.map((u) => u.password_hash ?? '');
    for (const h of hashes) {
      expect(h).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]{16,}\$[\w-]{40,}$/);
      expect(h).not.toContain(PASSWORD);
    }
    // The same password, two salts: two different hashes.
    expect(new Set(hashes).size).toBe(2);
  });

  it('answers who is signed in; after sign-out the session no longer works', async () => {
    await createUser(api(), { id: 'bob' });
    const bob = await signIn(api().app, 'bob');
    const me = await bob.call('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: 'bob' }, via: 'session', abilities: [], teamSize: 0 });
    expect(me.json().scopes).toEqual([
      'crm:read',
      'crm:write',
      'files:read',
      'files:write',
      'lists:read',
      'lists:write',
      'org:admin',
      'org:read',
      'processes:read',
      'processes:write',
      'tasks:write',
      'webhooks:admin',
    ]);

    const out = await bob.call('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(setCookies(out).get('baton_session')).toMatch(/^baton_session=; Path=\/; Max-Age=0;/);
    const after = await bob.call('GET', '/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHORIZED');
  });

  it('refuses a wrong password and an unknown login alike (401 INVALID_CREDENTIALS)', async () => {
    await createUser(api(), { id: 'carol' });
    const login = (l: string, p: string) =>
      api().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: l, password: p } });
    const wrong = await login('carol', 'not her password');
    const unknown = await login('nobody-here', 'whatever1');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        detail: 'the login or the password is wrong',
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('needs the CSRF token on unsafe requests made with the session cookie (403 CSRF_TOKEN_INVALID)', async () => {
    await createUser(api(), { id: 'dora' });
    const dora = await signIn(api().app, 'dora');
    const body = { name: 'mine', scopes: ['processes:read'] };
    const without = await dora.call('POST', '/api/v1/auth/tokens', body, { 'x-csrf-token': '' });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_TOKEN_INVALID');
    const forged = await dora.call('POST', '/api/v1/auth/tokens', body, { 'x-csrf-token': 'a'.repeat(43) });
    expect(forged.statusCode).toBe(403);
    // Safe methods need no token; with the token the same POST goes through.
    expect((await dora.call('GET', '/api/v1/auth/me', undefined, { 'x-csrf-token': '' })).statusCode).toBe(
      200,
    );
    expect((await dora.call('POST', '/api/v1/auth/tokens', body)).statusCode).toBe(201);
  });

  it('checks the CSRF token before reading the body, and not for bearer requests', async () => {
    await createUser(api(), { id: 'egor' });
    const egor = await signIn(api().app, 'egor');
    const res = await egor.call('POST', '/api/v1/instances', '{not json', {
      'x-csrf-token': '',
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(403);
    const bearer = await api().call('POST', '/api/v1/roles', { name: 'csrf-free' });
    expect(bearer.statusCode).toBe(201);
  });

  it('ends a session after its lifetime (12 hours)', async () => {
    await createUser(api(), { id: 'fedor' });
    const fedor = await signIn(api().app, 'fedor');
    api().clock.now += 12 * 60 * MINUTE;
    expect((await fedor.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('stops guessing: the 11th attempt within 15 minutes is 429 with Retry-After, even with the right password', async () => {
    await createUser(api(), { id: 'gleb' });
    const login = (password: string) =>
      api().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'gleb', password } });
    for (let i = 0; i < 10; i++) expect((await login(`guess-${i}`)).statusCode).toBe(401);
    api().clock.now += MINUTE;
    const blocked = await login(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.headers['retry-after']).toBe(String(14 * 60));
    api().clock.now += 14 * MINUTE + 1;
    expect((await login(PASSWORD)).statusCode).toBe(200);
  });

  it('limits failures per client address across logins', async () => {
    const app = buildApp({
      baton: api().baton,
      auth: { loginLimits: { perLogin: 10, perAddress: 3, windowMs: 15 * MINUTE } },
    });
    await createUser(api(), { id: 'hana' });
    const from = (address: string, login: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: address,
        payload: { login, password },
      });
    for (const who of ['x1', 'x2', 'x3'])
      expect((await from('203.0.113.7', who, 'nope-nope')).statusCode).toBe(401);
    expect((await from('203.0.113.7', 'hana', PASSWORD)).statusCode).toBe(429);
    expect((await from('198.51.100.1', 'hana', PASSWORD)).statusCode).toBe(200);
    await app.close();
  });

  it('marks the cookies Secure when configured for HTTPS', async () => {
    const app = buildApp({ baton: api().baton, auth: { secureCookies: true } });
    await createUser(api(), { id: 'igor' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'igor', password: PASSWORD },
    });
    expect(setCookies(res).get('baton_session')).toMatch(/; HttpOnly; Secure$/);
    expect(setCookies(res).get('baton_csrf')).toMatch(/; Secure$/);
    await app.close();
  });

  it('lets an administrator set a new password: the old one and every session of the user end', async () => {
    await createUser(api(), { id: 'jana' });
    const jana = await signIn(api().app, 'jana');
    const byJana = await jana.call('POST', '/api/v1/users/jana/password', { password: 'a new password' });
    expect(byJana.statusCode).toBe(403);

    const admin = await signIn(api().app, 'admin', ADMIN_PASSWORD);
    const short = await admin.call('POST', '/api/v1/users/jana/password', { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.password');
    const reset = await admin.call('POST', '/api/v1/users/jana/password', { password: 'a new password' });
    expect(reset.statusCode).toBe(204);
    expect((await jana.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const old = await api().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'jana', password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    expect((await signIn(api().app, 'jana', 'a new password')).userId).toBe('jana');
    expect(
      (await admin.call('POST', '/api/v1/users/nobody/password', { password: 'whatever1' })).statusCode,
    ).toBe(404);
  });

  it('signs the first administrator in with BATON_ADMIN_PASSWORD; the admin token acts as that user', async () => {
    const admin = await signIn(api().app, 'admin', ADMIN_PASSWORD);
    const me = (await admin.call('GET', '/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({
      id: 'admin',
      login: 'admin',
      roles: [{ role: 'administrator', departmentId: null }],
    });
    expect(me.abilities).toContain('manageOrganisation');
    expect(api().baton.newAdminPassword).toBeNull();
    const byToken = (await api().call('GET', '/api/v1/auth/me')).json();
    expect(byToken).toMatchObject({ user: { id: 'admin' }, via: 'adminToken' });
  });

  it('refuses a deactivated user: sessions end and sign-in fails', async () => {
    await createUser(api(), { id: 'kira' });
    const kira = await signIn(api().app, 'kira');
    const off = await api().call('PATCH', '/api/v1/users/kira', { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await kira.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await api().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'kira', password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });

  it('generates the first administrator password on a new database and prints it only once', async () => {
    const db = await createTestDatabase(dialect);
    const log = pino({ level: 'silent' });
    try {
      const first = await boot({ databaseUrl: db.url, worker: false, adminToken: 'x', log });
      const password = first.newAdminPassword;
      expect(password).toMatch(/^[A-Za-z0-9_-]{18}$/);
      const app = buildApp({ baton: first });
      expect((await signIn(app, 'admin', password as string)).userId).toBe('admin');
      await app.close();
      await first.close();
      const second = await boot({
        databaseUrl: db.url,
        worker: false,
        adminToken: 'x',
        adminPassword: 'ignored1',
        log,
      });
      expect(second.newAdminPassword).toBeNull();
      await second.close();
    } finally {
      await db.drop();
    }
  });
});
