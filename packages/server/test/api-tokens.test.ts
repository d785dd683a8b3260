import { expect, it } from 'vitest';
import { MAX_TOKENS_PER_USER } from '../src/auth/api-tokens.ts';
import { apiSuite, fixtureJson } from './api-harness.ts';
import { createUser, signIn } from './support/people.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

apiSuite('personal API tokens', (api) => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('creates a token shown once; it acts as its user, limited to its scopes (403 INSUFFICIENT_SCOPE)', async () => {
    await api().publish(fixtureJson('vacation.json'), 'tokened');
    await createUser(api(), { id: 'integrator' });
    const me = await signIn(api().app, 'integrator');
    const created = await me.call('POST', '/api/v1/auth/tokens', {
      name: '1C sync',
      scopes: ['processes:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, ...view } = created.json();
    expect(token).toMatch(/^baton_[A-Za-z0-9_-]{43}$/);
    expect(view).toMatchObject({
      name: '1C sync',
      scopes: ['processes:read'],
      expiresAt: null,
      lastUsedAt: null,
    });

    const list = await me.call('GET', '/api/v1/auth/tokens');
    expect(list.json().items).toEqual([expect.objectContaining({ id: view.id, name: '1C sync' })]);
    expect(list.body).not.toContain(token);

    const who = await api().call('GET', '/api/v1/auth/me', undefined, bearer(token));
    expect(who.json()).toMatchObject({
      user: { id: 'integrator' },
      via: 'apiToken',
      scopes: ['processes:read'],
    });
    expect((await api().call('GET', '/api/v1/definitions', undefined, bearer(token))).statusCode).toBe(200);
    const start = await api().call('POST', '/api/v1/instances', { definitionKey: 'tokened' }, bearer(token));
    expect(start.statusCode).toBe(403);
    expect(start.json()).toMatchObject({
      code: 'INSUFFICIENT_SCOPE',
      detail: 'this token lacks the scope processes:write',
    });
    const org = await api().call('GET', '/api/v1/users', undefined, bearer(token));
    expect(org.statusCode).toBe(403);
  });

  it('lets a token with processes:write start what its user may start', async () => {
    await api().publish(fixtureJson('vacation.json'), 'tokened-start');
    await createUser(api(), { id: 'robot' });
    const robot = await signIn(api().app, 'robot');
    const { token } = (
      await robot.call('POST', '/api/v1/auth/tokens', { name: 'starter', scopes: ['processes:write'] })
    ).json();
    const start = await api().call(
      'POST',
      '/api/v1/instances',
      { definitionKey: 'tokened-start', params: { days: 2 } },
      bearer(token),
    );
    expect(start.statusCode, start.body).toBe(201);
    const got = await api().call('GET', `/api/v1/instances/${start.json().id}`);
    expect(got.json()).toMatchObject({ startedBy: 'robot' });
    // An org:admin scope gives no power the user does not have.
    const { token: admin } = (
      await robot.call('POST', '/api/v1/auth/tokens', { name: 'wishful', scopes: ['org:admin'] })
    ).json();
    const create = await api().call('POST', '/api/v1/roles', { name: 'robots' }, bearer(admin));
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('FORBIDDEN');
  });

  it('cannot create tokens with a token, and refuses unknown scopes', async () => {
    await createUser(api(), { id: 'minter' });
    const minter = await signIn(api().app, 'minter');
    const { token } = (
      await minter.call('POST', '/api/v1/auth/tokens', { name: 'a', scopes: ['org:read'] })
    ).json();
    const again = await api().call(
      'POST',
      '/api/v1/auth/tokens',
      { name: 'b', scopes: ['org:read'] },
      bearer(token),
    );
    expect(again.statusCode).toBe(403);
    const bad = await minter.call('POST', '/api/v1/auth/tokens', { name: 'c', scopes: ['everything'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.scopes.0');
  });

  it('stops working when revoked, when expired, and when its user is deactivated', async () => {
    await createUser(api(), { id: 'leaver' });
    const leaver = await signIn(api().app, 'leaver');
    const mint = async (body: Record<string, unknown>) =>
      (await leaver.call('POST', '/api/v1/auth/tokens', { name: 't', scopes: ['org:read'], ...body })).json();
    const revoked = await mint({});
    const expiring = await mint({ expiresAt: new Date(api().clock.now + DAY).toISOString() });
    const kept = await mint({});
    const works = async (token: string) =>
      (await api().call('GET', '/api/v1/roles', undefined, bearer(token))).statusCode;

    expect(await works(revoked.token)).toBe(200);
    expect((await leaver.call('DELETE', `/api/v1/auth/tokens/${revoked.id}`)).statusCode).toBe(204);
    expect(await works(revoked.token)).toBe(401);
    expect((await leaver.call('DELETE', `/api/v1/auth/tokens/${revoked.id}`)).statusCode).toBe(404);

    expect(await works(expiring.token)).toBe(200);
    api().clock.now += DAY;
    expect(await works(expiring.token)).toBe(401);

    expect(await works(kept.token)).toBe(200);
    await api().call('PATCH', '/api/v1/users/leaver', { active: false });
    expect(await works(kept.token)).toBe(401);
  });

  it("cannot revoke someone else's token (404, as if it did not exist)", async () => {
    await createUser(api(), { id: 'owner1' });
    await createUser(api(), { id: 'other1' });
    const owner = await signIn(api().app, 'owner1');
    const other = await signIn(api().app, 'other1');
    const { id } = (
      await owner.call('POST', '/api/v1/auth/tokens', { name: 'x', scopes: ['org:read'] })
    ).json();
    expect((await other.call('DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
    expect((await owner.call('GET', '/api/v1/auth/tokens')).json().items).toHaveLength(1);
  });

  it(`lets a user hold ${MAX_TOKENS_PER_USER} live tokens: one more is 409, until one is revoked or expires`, async () => {
    await createUser(api(), { id: 'scripted' });
    const me = await signIn(api().app, 'scripted');
    const create = (expiresAt?: string) =>
      me.call('POST', '/api/v1/auth/tokens', { name: 'loop', scopes: ['org:read'], expiresAt });
    const soon = new Date(api().clock.now + HOUR).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < MAX_TOKENS_PER_USER; i++) {
      const created = await create(i === 0 ? soon : undefined);
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
    }
    const refused = await create();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'TOO_MANY_TOKENS' });
    // Someone else's count is their own.
    await createUser(api(), { id: 'neighbour' });
    const neighbour = await signIn(api().app, 'neighbour');
    const theirs = await neighbour.call('POST', '/api/v1/auth/tokens', { name: 'x', scopes: ['org:read'] });
    expect(theirs.statusCode).toBe(201);

    expect((await me.call('DELETE', `/api/v1/auth/tokens/${ids[1]}`)).statusCode).toBe(204);
    expect((await create()).statusCode).toBe(201);
    expect((await create()).statusCode).toBe(409);
    api().clock.now += 2 * HOUR;
    expect((await create()).statusCode).toBe(201);
  });
});
